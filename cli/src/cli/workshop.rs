//! `trellis workshop`: run a live session from the terminal, showing the join URL, code and QR code, and taking the facilitator's keys.

use clap::Args;
use std::io::{BufRead, Write};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;
use trellis::api::Session;
use trellis::workshop::{self, Command, Facilitator, LiveOptions, LiveQuestion, Refusal};
use trellis::{Error, Result};

#[derive(Args)]
pub struct WorkshopArgs {
    /// The engagement file; answers are saved to it as they arrive.
    pub file: PathBuf,
    /// Address and port to listen on. The default listens on every network of this machine, so
    /// that phones in the room can reach it, on a fixed port, so that the join URL stays the same
    /// after a restart. Give one address (e.g. 192.168.1.20:8080) to serve that network only.
    #[arg(long, default_value = "0.0.0.0:8080")]
    pub listen: SocketAddr,
    /// The question bank to ask (default: the live session's, else `core`).
    #[arg(long)]
    pub bank: Option<String>,
    /// The host name or address to put in the join URL (default: this machine's network address).
    #[arg(long)]
    pub url_host: Option<String>,
    /// Use this join code (4-32 letters or digits), e.g. to keep the one on printed handouts.
    #[arg(long)]
    pub code: Option<String>,
    /// Write the facilitator secret to this file, for scripts that drive the HTTP facilitator routes.
    #[arg(long)]
    pub secret_file: Option<PathBuf>,
    /// Facilitator commands to run first, separated by `;` (e.g. "n; wait 30; c"); the terminal's follow.
    #[arg(long)]
    pub script: Option<String>,
    /// Seconds to keep serving once the session is closed, so that every phone's next poll (every
    /// 2 s) shows the thank-you page with the anonymous id a participant needs to ask for deletion.
    #[arg(long, default_value_t = 6.0, value_name = "SECONDS")]
    pub linger: f64,
    /// Delete one participant's answers (their anonymous id, e.g. ws-1a2b3c4d5e6f7a8b) and exit, without serving.
    #[arg(long, value_name = "ID")]
    pub remove_participant: Option<String>,
}

const KEYS: &str = "keys: n next question · c close it · o ID open one · s live results · d ID delete a participant's answers · q close the session";

/// Writes to the terminal; names and notes typed on phones are shown, never obeyed.
fn say(out: &mut dyn Write, text: &str) -> Result<()> {
    out.write_all(trellis::model::typed::for_terminal(text).as_bytes())
        .and_then(|_| out.flush())
        .map_err(|e| Error::Io { path: "<stdout>".into(), source: e })
}

pub fn workshop(args: WorkshopArgs, out: &mut dyn Write) -> Result<()> {
    if let Some(respondent) = &args.remove_participant {
        return remove_participant(&args.file, respondent, out);
    }
    let mut options = LiveOptions::new(&args.file, args.listen);
    options.bank = args.bank.clone();
    options.url_host = args.url_host.clone();
    options.join_code = args.code.clone();
    let running = workshop::start(options)?;
    let started = running.started().clone();
    if let Some(path) = &args.secret_file {
        write_secret(path, &started.facilitator_secret)?;
    }
    let desk = running.facilitator();
    let live = desk.live();
    let mut banner = format!(
        "Live workshop: {} (bank {}, {} questions){}\n\nJoin at   {}\nCode      {}\n",
        live.title,
        started.bank,
        live.questions.len(),
        if started.resumed { ", resumed" } else { "" },
        started.join_url,
        started.join_code
    );
    for url in &started.other_urls {
        banner.push_str(&format!("Also      {url}\n"));
    }
    banner.push('\n');
    banner.push_str(&workshop::qr_text(&started.join_url));
    banner.push_str(&format!(
        "\nListening on {}{}. Each answer is saved to {} before the phone is told.\n{KEYS}\n",
        started.listen,
        if args.listen.ip().is_unspecified() { " (every network of this machine)" } else { "" },
        args.file.display()
    ));
    say(out, &banner)?;

    let lines = terminal_lines(args.script.as_deref());
    loop {
        if desk.live().ended {
            break;
        }
        match lines.recv_timeout(Duration::from_millis(300)) {
            Ok(line) => {
                if run_line(&desk, line.trim(), out)? {
                    break;
                }
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            // No terminal (CI, a service): serve until the session is closed over HTTP, or the process is stopped.
            Err(mpsc::RecvTimeoutError::Disconnected) => std::thread::sleep(Duration::from_millis(300)),
        }
    }
    say(out, &results(&desk))?;
    say(out, "The session is closed. Every answer is in the engagement file.\n")?;
    // Phones learn that the session ended on their next poll: serve a little longer so that each
    // shows its thank-you page (and the participant's anonymous id) instead of a dead server.
    let linger = Duration::from_secs_f64(args.linger.clamp(0.0, 600.0));
    if !linger.is_zero() {
        say(
            out,
            &format!("Phones are shown the thank-you page; the server stops in {} s.\n", args.linger.clamp(0.0, 600.0)),
        )?;
        std::thread::sleep(linger);
    }
    running.stop();
    Ok(())
}

/// The script's commands, then the terminal's lines, as they come.
fn terminal_lines(script: Option<&str>) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    for command in script.unwrap_or("").split(';').map(str::trim).filter(|c| !c.is_empty()) {
        let _ = tx.send(command.to_owned());
    }
    std::thread::spawn(move || {
        for line in std::io::stdin().lock().lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

/// Runs one facilitator command; true when the session is closed and the command should finish.
fn run_line(desk: &Facilitator, line: &str, out: &mut dyn Write) -> Result<bool> {
    let (word, rest) = line.split_once(' ').map_or((line, ""), |(w, r)| (w, r.trim()));
    let command = match word {
        "" => return Ok(false),
        "n" | "next" => Command::Next,
        "c" | "close" => Command::Close,
        "o" | "open" if !rest.is_empty() => Command::Open(rest.to_owned()),
        "d" | "delete" if !rest.is_empty() => Command::RemoveParticipant(rest.to_owned()),
        "q" | "quit" | "end" => Command::End,
        "s" | "status" => {
            say(out, &status(desk))?;
            return Ok(false);
        }
        "wait" => {
            // Scripts pause between steps; bounded so a typo cannot hang a run for long.
            let seconds: f64 = rest.parse().unwrap_or(0.0);
            std::thread::sleep(Duration::from_secs_f64(seconds.clamp(0.0, 3600.0)));
            return Ok(false);
        }
        _ => {
            say(out, &format!("?  {KEYS}\n"))?;
            return Ok(false);
        }
    };
    let ending = command == Command::End;
    let deleting = matches!(command, Command::RemoveParticipant(_));
    match desk.command_blocking(command) {
        Ok(done) if deleting => say(out, &format!("deleted {} answer(s)\n", done.count))?,
        Ok(_) if ending => return Ok(true),
        Ok(_) => say(out, &status(desk))?,
        Err(Refusal::NoMoreQuestions) => {
            say(out, "That was the last question; it is closed now. `q` closes the session.\n")?
        }
        Err(e) => say(out, &format!("not done: {e}\n"))?,
    }
    Ok(false)
}

/// The current question with its live distribution.
fn status(desk: &Facilitator) -> String {
    let live = desk.live();
    let mut s = format!("{} joined", live.participants);
    match live.current_question() {
        None => s.push_str(" · no question open yet (`n` opens the first)\n"),
        Some(q) => {
            s.push_str(&format!(" · Q{}/{} [{}] {}\n", q.number, live.questions.len(), q.state, q.text));
            s.push_str(&bars(q));
        }
    }
    s
}

fn bars(q: &LiveQuestion) -> String {
    let t = &q.tally;
    let most = t.distribution.iter().copied().chain([t.dont_know]).max().unwrap_or(0).max(1);
    let bar = |n: usize| "█".repeat(n * 30 / most);
    let mut s = String::new();
    for (i, n) in t.distribution.iter().enumerate() {
        s.push_str(&format!("  {}  {:<30} {n}\n", i + 1, bar(*n)));
    }
    s.push_str(&format!("  ?  {:<30} {}\n", bar(t.dont_know), t.dont_know));
    let mean = t.mean.map_or("-".to_owned(), |m| format!("{m:.2}"));
    s.push_str(&format!("  {} answers · mean {mean}", t.answers));
    for g in &t.groups {
        s.push_str(&format!(
            " · {} {} ({})",
            g.group,
            g.mean.map_or("-".to_owned(), |m| format!("{m:.2}")),
            g.respondents
        ));
    }
    if t.hidden_groups > 0 {
        s.push_str(&format!(" · {} small group(s) hidden", t.hidden_groups));
    }
    s.push('\n');
    s
}

/// Every question asked, one line each.
fn results(desk: &Facilitator) -> String {
    let live = desk.live();
    let mut s = format!("\nResults: {} participants\n", live.participants);
    for q in live.questions.iter().filter(|q| q.state != "waiting") {
        let mean = q.tally.mean.map_or("-".to_owned(), |m| format!("{m:.2}"));
        s.push_str(&format!("  Q{:<3} {:>4} answers  mean {mean:>4}  {}\n", q.number, q.tally.answers, q.text));
    }
    s
}

fn remove_participant(file: &Path, respondent: &str, out: &mut dyn Write) -> Result<()> {
    let mut session = Session::open(file)?;
    let bank = session.live_record()?.map(|r| r.bank);
    let n = session.withdraw(respondent, bank.as_deref())?;
    say(out, &format!("deleted {n} answer(s) of {respondent}\n"))
}

/// Writes the secret readable by its owner only.
fn write_secret(path: &Path, secret: &str) -> Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path).map_err(Error::io_at(path))?;
    file.write_all(secret.as_bytes()).map_err(Error::io_at(path))
}
