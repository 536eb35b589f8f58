//! The live server: in a live session participants answer a question bank on their phones over the room's network; the laptop is the server.
//!
//! Naming: a *workshop* is the session with the client's people (the studio's Workshop view,
//! `trellis workshop`). It is run either as a *scored session*, where the facilitator records
//! each answer on the projector (the UI only: `ui/src/logic/scored.ts`), or as a *live session*,
//! served from this module, its record kept by `store::live` and `api::live`. The module keeps the
//! name `workshop` for its path; everything in it is the live session's.
//!
//! `start` opens the engagement file, binds the address the user chose (nothing listens
//! before), resumes the file's live session or begins one, and serves. One thread, the
//! recorder, owns the file: answers arriving together are committed as one transaction and
//! each is acknowledged only after it (see `recorder`). Handlers read the `Room`, the live
//! state the recorder publishes after each commit. The CLI (`trellis workshop`) and the studio
//! both start a server through `start` and steer it through a `Facilitator` handle or the
//! facilitator's HTTP routes.

mod control;
mod desk;
mod page;
mod qr;
mod recorder;
mod routes;
mod security;
mod server;
mod state;

pub use desk::{LiveAction, LiveSession};
pub use recorder::{Command, Done, Refusal};
pub use state::{LiveGroup, LiveQuestion, LiveView, MyAnswer, ParticipantView, QuestionView, Tally};

use crate::api::Session;
use crate::diagnostics::{self, ResponseSummary};
use crate::store::{LiveRecord, LiveWrite};
use crate::{Error, Result};
use recorder::Job;
use security::{RateLimit, SecretHash};
use serde::Serialize;
use state::Room;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock, RwLockReadGuard};
use std::thread::JoinHandle;
use std::time::Duration;
use tokio::sync::{mpsc, oneshot, watch};

/// How to start a session.
#[derive(Debug, Clone)]
pub struct LiveOptions {
    pub file: PathBuf,
    /// Where to listen: the user's choice (`127.0.0.1:0` for tests, a LAN address or `0.0.0.0`
    /// with a fixed port for a room, so the join URL survives a restart).
    pub listen: SocketAddr,
    /// The bank to ask; default: the live session's, else `core`.
    pub bank: Option<String>,
    /// The host in the join URL; default: the listen address, or this machine's first network
    /// address when listening on all of them.
    pub url_host: Option<String>,
    /// A join code to use (4-32 letters or digits), e.g. the one on printed handouts; default: a new one.
    pub join_code: Option<String>,
    /// A facilitator secret to use (at least 16 characters); default: a new one.
    pub facilitator_secret: Option<String>,
    /// The clock that stamps answers (RFC 3339); read at the server's edge.
    pub now: fn() -> String,
}

impl LiveOptions {
    pub fn new(file: impl Into<PathBuf>, listen: SocketAddr) -> LiveOptions {
        LiveOptions {
            file: file.into(),
            listen,
            bank: None,
            url_host: None,
            join_code: None,
            facilitator_secret: None,
            now: now_rfc3339,
        }
    }
}

/// The system clock as RFC 3339 UTC.
pub fn now_rfc3339() -> String {
    time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .expect("the current time formats as RFC 3339")
}

/// What a started session tells the one who started it: the studio shows it, the CLI prints it.
/// The facilitator secret is never serialized: it stays with whoever started the session.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Started {
    /// The URL in the QR code: the page, with the join code after `#` (never sent to the server).
    pub join_url: String,
    /// The same page on the machine's other addresses.
    pub other_urls: Vec<String>,
    pub join_code: String,
    /// For the facilitator routes; never shown to the room.
    #[serde(skip)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub facilitator_secret: String,
    /// The QR code of `join_url`, an SVG document (shown as an image, never as markup).
    pub qr_svg: String,
    /// The address actually bound (the port is chosen when asked for port 0).
    pub listen: String,
    pub bank: String,
    /// True when the file held a live session that this one continues.
    pub resumed: bool,
}

/// The facilitator's controls, for the CLI and the studio (the HTTP routes use them too).
#[derive(Clone)]
pub struct Facilitator {
    jobs: mpsc::Sender<Job>,
    room: Arc<RwLock<Room>>,
}

fn stopped() -> Refusal {
    Refusal::Failed("the workshop server has stopped".into())
}

impl Facilitator {
    fn room(&self) -> RwLockReadGuard<'_, Room> {
        self.room.read().unwrap_or_else(|e| e.into_inner())
    }

    /// The session now: every question with its live distribution.
    pub fn live(&self) -> LiveView {
        self.room().live_view()
    }

    async fn ask(&self, job: impl FnOnce(recorder::Reply) -> Job) -> Result<Done, Refusal> {
        let (tx, rx) = oneshot::channel();
        self.jobs.send(job(tx)).await.map_err(|_| stopped())?;
        rx.await.map_err(|_| stopped())?
    }

    pub async fn command(&self, command: Command) -> Result<Done, Refusal> {
        self.ask(|reply| Job::Control { command, reply }).await
    }

    /// `command` for threads outside the server's runtime (the CLI's terminal controls).
    pub fn command_blocking(&self, command: Command) -> Result<Done, Refusal> {
        let (tx, rx) = oneshot::channel();
        self.jobs.blocking_send(Job::Control { command, reply: tx }).map_err(|_| stopped())?;
        rx.blocking_recv().map_err(|_| stopped())?
    }

    /// The summary of every answer in the file, by area and group (small groups hidden).
    pub async fn summary(&self) -> Result<ResponseSummary, Refusal> {
        let (tx, rx) = oneshot::channel();
        self.jobs.send(Job::Summarize { reply: tx }).await.map_err(|_| stopped())?;
        rx.await.map_err(|_| stopped())
    }
}

/// What every handler shares.
#[derive(Clone)]
pub(crate) struct App(Arc<Shared>);

pub(crate) struct Shared {
    desk: Facilitator,
    join_code: SecretHash,
    facilitator: SecretHash,
    participant_limit: RateLimit,
    join_failures: RateLimit,
}

impl std::ops::Deref for App {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        &self.0
    }
}

impl App {
    fn room(&self) -> RwLockReadGuard<'_, Room> {
        self.desk.room()
    }

    async fn ask(&self, job: impl FnOnce(recorder::Reply) -> Job) -> Result<Done, Refusal> {
        self.desk.ask(job).await
    }

    fn facilitator_handle(&self) -> &Facilitator {
        &self.desk
    }
}

/// A running session. `stop` (or dropping it) stops serving; the session stays live in the
/// file, so starting again resumes it. `Command::End` is what closes a session.
pub struct Running {
    started: Started,
    desk: Facilitator,
    shutdown: watch::Sender<bool>,
    server: Option<JoinHandle<()>>,
    recorder: Option<JoinHandle<()>>,
}

impl Running {
    pub fn started(&self) -> &Started {
        &self.started
    }

    pub fn facilitator(&self) -> Facilitator {
        self.desk.clone()
    }

    /// Stops listening (in-flight requests get up to five seconds), then the recorder.
    pub fn stop(mut self) {
        self.halt();
    }

    fn halt(&mut self) {
        let _ = self.shutdown.send(true);
        if let Some(server) = self.server.take() {
            let _ = server.join();
        }
        if let Some(recorder) = self.recorder.take() {
            // `try_send`, not `blocking_send`: stopping may happen inside someone's async runtime.
            for _ in 0..500 {
                match self.desk.jobs.try_send(Job::Stop) {
                    Err(mpsc::error::TrySendError::Full(_)) => std::thread::sleep(Duration::from_millis(10)),
                    _ => break,
                }
            }
            let _ = recorder.join();
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.halt();
    }
}

/// Opens the file, binds `options.listen`, resumes or begins the live session, and serves.
pub fn start(options: LiveOptions) -> Result<Running> {
    let mut session = Session::open(&options.file)?;
    let listener =
        std::net::TcpListener::bind(options.listen).and_then(|l| l.set_nonblocking(true).map(|_| l)).map_err(|e| {
            Error::Refused(format!("cannot listen on {}: {e}; choose another port or address", options.listen))
        })?;
    let local = listener.local_addr().map_err(Error::io_at(Path::new(&options.listen.to_string())))?;

    let (record, join_code, secret, resumed) = prepare(&mut session, &options)?;
    let bank = diagnostics::find_bank(session.model(), &record.bank)
        .cloned()
        .ok_or_else(|| Error::NotInModel(format!("no question bank `{}`", record.bank)))?;
    let room = Arc::new(RwLock::new(Room::new(bank, &record, session.model())));

    let (jobs, receiver) = mpsc::channel(4096);
    let now = options.now;
    let recorder_room = room.clone();
    let recorder = std::thread::Builder::new()
        .name("workshop-recorder".into())
        .spawn(move || recorder::run(session, recorder_room, receiver, now))
        .map_err(Error::io_at(&options.file))?;
    let desk = Facilitator { jobs, room };
    let app = App(Arc::new(Shared {
        desk: desk.clone(),
        join_code: SecretHash::of(&join_code),
        facilitator: SecretHash::of(&secret),
        participant_limit: RateLimit::new(30, 3.0),
        join_failures: RateLimit::new(10, 1.0 / 6.0),
    }));
    let (shutdown, signal) = watch::channel(false);
    let server = server::serve(listener, app, signal).map_err(Error::io_at(Path::new(&local.to_string())))?;

    let mut urls = server::join_urls(local, options.url_host.as_deref(), &join_code);
    let join_url = urls.remove(0);
    let started = Started {
        qr_svg: qr::svg(&join_url),
        join_url,
        other_urls: urls,
        join_code,
        facilitator_secret: secret,
        listen: local.to_string(),
        bank: record.bank,
        resumed,
    };
    Ok(Running { started, desk, shutdown, server: Some(server), recorder: Some(recorder) })
}

/// The text QR code of a join URL, for a terminal.
pub fn qr_text(url: &str) -> String {
    qr::text(url)
}

/// Resumes the file's live session (new secrets, same questions and participants) or begins one.
fn prepare(session: &mut Session, options: &LiveOptions) -> Result<(LiveRecord, String, String, bool)> {
    let join_code = match &options.join_code {
        Some(code) if security::is_valid_code(code) => security::normalize_code(code),
        Some(code) => {
            return Err(Error::Refused(format!("`{code}` is not a usable join code: use 4 to 32 letters or digits")))
        }
        None => security::new_join_code(),
    };
    let secret = match &options.facilitator_secret {
        Some(s) if s.len() >= 16 => s.clone(),
        Some(_) => return Err(Error::Refused("a facilitator secret has at least 16 characters".into())),
        None => security::new_secret(),
    };
    if let Some(live) = session.live_record()?.filter(|r| r.ended.is_none()) {
        if let Some(bank) = options.bank.as_ref().filter(|b| **b != live.bank) {
            return Err(Error::Refused(format!(
                "this file has a live session on bank `{}` that has not ended: resume that one, and end it before starting one on `{bank}`",
                live.bank
            )));
        }
        // A code or secret given again that the session already had keeps its stored hash.
        let keep = |stored: &str, given: bool, value: &str| {
            let same = given && SecretHash::parse(stored).is_some_and(|h| h.verifies(value));
            if same {
                stored.to_owned()
            } else {
                SecretHash::of(value).to_stored()
            }
        };
        let join_code_hash = keep(&live.join_code_hash, options.join_code.is_some(), &join_code);
        let facilitator_hash = keep(&live.facilitator_hash, options.facilitator_secret.is_some(), &secret);
        session.record_live(&[LiveWrite::Secrets { join_code_hash, facilitator_hash }])?;
        let record = session.live_record()?.expect("the live session was just read");
        return Ok((record, join_code, secret, true));
    }
    let bank = match &options.bank {
        Some(bank) => bank.clone(),
        None => {
            let banks = diagnostics::available_banks(session.model());
            let core = banks.iter().find(|b| b.id == "core").or(banks.first());
            core.map(|b| b.id.clone()).ok_or_else(|| Error::NotInModel("no question bank to ask".into()))?
        }
    };
    let record = LiveRecord {
        session: security::hex(&security::random::<8>()),
        bank,
        join_code_hash: SecretHash::of(&join_code).to_stored(),
        facilitator_hash: SecretHash::of(&secret).to_stored(),
        current: None,
        started: (options.now)(),
        ended: None,
        questions: Vec::new(),
        participants: Vec::new(),
    };
    session.begin_live(&record)?;
    Ok((record, join_code, secret, false))
}
