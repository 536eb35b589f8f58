//! A minimal W3C WebDriver client over plain HTTP/1.1 on loopback, and tauri-driver started for
//! the studio: enough for the end-to-end test and the studio benchmark, with nothing asynchronous.
//! Its HTTP client also plays a participant's phone against the live workshop server.

#![allow(dead_code)] // each test binary uses its own part of it

use serde_json::{json, Value};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// tauri-driver (and through it WebKitWebDriver and the app), stopped however the test ends.
pub struct Driver {
    child: Child,
    pub addr: String,
}

impl Drop for Driver {
    /// Stops tauri-driver and what it started (WebKitWebDriver, the app): they share its process
    /// group, so none is left running after the test.
    fn drop(&mut self) {
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
        let _ = self.child.wait();
        std::thread::sleep(Duration::from_millis(200));
        let _ = Command::new("kill").args(["-KILL", "--", &group]).stderr(Stdio::null()).status();
    }
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Starts tauri-driver with the studio's config folder at `config` (so the recent list is the test's own).
pub fn tauri_driver(config: &Path) -> Driver {
    let (port, native) = (free_port(), free_port());
    let child = Command::new(std::env::var("TAURI_DRIVER").unwrap_or_else(|_| "tauri-driver".into()))
        .args(["--port", &port.to_string(), "--native-port", &native.to_string()])
        .env("XDG_CONFIG_HOME", config)
        .env("WEBKIT_DISABLE_COMPOSITING_MODE", "1")
        .process_group(0)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("tauri-driver starts (cargo xtask test installs it)");
    Driver { child, addr: format!("127.0.0.1:{port}") }
}

/// One HTTP exchange; the body of the answer as JSON.
fn http(addr: &str, method: &str, path: &str, body: Option<&Value>) -> std::io::Result<(u16, Value)> {
    request(addr, method, path, None, body)
}

/// One HTTP exchange with an optional bearer token; the status and the body as JSON.
pub fn request(
    addr: &str,
    method: &str,
    path: &str,
    bearer: Option<&str>,
    body: Option<&Value>,
) -> std::io::Result<(u16, Value)> {
    let mut s = TcpStream::connect(addr)?;
    s.set_read_timeout(Some(Duration::from_secs(120)))?;
    let body = body.map(Value::to_string).unwrap_or_default();
    let auth = bearer.map(|t| format!("Authorization: Bearer {t}\r\n")).unwrap_or_default();
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json; charset=utf-8\r\n\
         {auth}Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )?;
    let mut raw = Vec::new();
    s.read_to_end(&mut raw)?;
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").ok_or(std::io::ErrorKind::InvalidData)?;
    let head = String::from_utf8_lossy(&raw[..split]).to_string();
    let mut rest = raw[split + 4..].to_vec();
    if head.to_ascii_lowercase().contains("transfer-encoding: chunked") {
        rest = dechunk(&rest);
    }
    let status = head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let value = serde_json::from_slice(&rest).unwrap_or(Value::Null);
    Ok((status, value))
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = data.windows(2).position(|w| w == b"\r\n") {
        let size = usize::from_str_radix(String::from_utf8_lossy(&data[..eol]).trim(), 16).unwrap_or(0);
        if size == 0 {
            break;
        }
        let start = eol + 2;
        out.extend_from_slice(&data[start..(start + size).min(data.len())]);
        data = &data[(start + size + 2).min(data.len())..];
    }
    out
}

pub struct Session {
    addr: String,
    id: String,
}

impl Session {
    /// A session on the studio started with `args`, retried while tauri-driver comes up.
    pub fn start(driver: &Driver, args: &[&str]) -> Session {
        let caps = json!({"capabilities": {"alwaysMatch": {"tauri:options": {
            "application": env!("CARGO_BIN_EXE_trellis-studio"), "args": args}}}});
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            match http(&driver.addr, "POST", "/session", Some(&caps)) {
                Ok((200, v)) => {
                    let id = v["value"]["sessionId"].as_str().expect("a session id").to_owned();
                    return Session { addr: driver.addr.clone(), id };
                }
                Ok((status, v)) if Instant::now() > deadline => panic!("no session ({status}): {v}"),
                Err(e) if Instant::now() > deadline => panic!("tauri-driver did not answer: {e}"),
                _ => std::thread::sleep(Duration::from_millis(250)),
            }
        }
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value, String> {
        let path = format!("/session/{}{path}", self.id);
        // tauri-driver now and then closes a connection without an answer when its own connection
        // to WebKitWebDriver was dropped: the request did not get through, so it is sent again.
        let mut answer = http(&self.addr, method, &path, body.as_ref());
        for _ in 0..3 {
            match &answer {
                Err(e) if e.kind() == std::io::ErrorKind::InvalidData => {
                    std::thread::sleep(Duration::from_millis(100));
                    answer = http(&self.addr, method, &path, body.as_ref());
                }
                _ => break,
            }
        }
        match answer {
            Ok((200, v)) => Ok(v["value"].clone()),
            Ok((status, v)) => Err(format!("{method} {path}: {status} {}", v["value"]["message"])),
            Err(e) => Err(format!("{method} {path}: {e}")),
        }
    }

    pub fn title(&self) -> String {
        self.call("GET", "/title", None).unwrap().as_str().unwrap_or_default().to_owned()
    }

    /// Runs `script` in the page (`arguments[i]` are `args`) and returns what it returns.
    pub fn run(&self, script: &str, args: Vec<Value>) -> Value {
        self.call("POST", "/execute/sync", Some(json!({"script": script, "args": args})))
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Element references of every match of `css`.
    pub fn find_all(&self, css: &str) -> Vec<String> {
        let found = self.call("POST", "/elements", Some(json!({"using": "css selector", "value": css})));
        found
            .ok()
            .and_then(|v| v.as_array().cloned())
            .unwrap_or_default()
            .iter()
            .filter_map(|e| e.as_object()?.values().next()?.as_str().map(str::to_owned))
            .collect()
    }

    pub fn text(&self, element: &str) -> String {
        self.call("GET", &format!("/element/{element}/text"), None)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }

    pub fn displayed(&self, element: &str) -> bool {
        self.call("GET", &format!("/element/{element}/displayed"), None).ok().and_then(|v| v.as_bool()).unwrap_or(false)
    }

    /// Clicks as a user would; if WebKitWebDriver refuses (it sometimes answers "invalid data" for
    /// an element it just scrolled to), the element's own click() does the same in the page.
    pub fn click(&self, element: &str) -> Result<(), String> {
        match self.call("POST", &format!("/element/{element}/click"), Some(json!({}))) {
            Ok(_) => Ok(()),
            Err(first) => {
                let by_ref = json!({"element-6066-11e4-a52e-4f735466cecf": element});
                self.call(
                    "POST",
                    "/execute/sync",
                    Some(json!({"script": "arguments[0].click(); return true;", "args": [by_ref]})),
                )
                .map(|_| ())
                .map_err(|second| format!("{first}; then {second}"))
            }
        }
    }

    /// The first displayed match of `css` whose text contains `want`, waiting up to 20 s.
    pub fn shown(&self, css: &str, want: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            for e in self.find_all(css) {
                if self.displayed(&e) && self.text(&e).contains(want) {
                    return e;
                }
            }
            assert!(Instant::now() < deadline, "`{css}` never showed `{want}`");
            std::thread::sleep(Duration::from_millis(150));
        }
    }

    /// Waits until no match of `css` contains `want`.
    pub fn gone(&self, css: &str, want: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while self.find_all(css).iter().any(|e| self.text(e).contains(want)) {
            assert!(Instant::now() < deadline, "`{css}` still shows `{want}`");
            std::thread::sleep(Duration::from_millis(150));
        }
    }

    pub fn click_on(&self, css: &str, want: &str) {
        let e = self.shown(css, want);
        self.click(&e).unwrap_or_else(|err| panic!("click {css} `{want}`: {err}"));
    }

    /// Sets a form control's value as typing would, then lets it announce the change.
    pub fn set(&self, css: &str, value: &str) {
        let script =
            "const e = document.querySelector(arguments[0]); if (!e) return false; e.focus(); e.value = arguments[1];
                      e.dispatchEvent(new Event('input', {bubbles: true}));
                      e.dispatchEvent(new Event('change', {bubbles: true})); return true;";
        assert_eq!(self.run(script, vec![json!(css), json!(value)]), json!(true), "no `{css}` to set");
    }

    /// A picture of the whole X display the studio runs on (ImageMagick's `import`): WebKitWebDriver's
    /// own screenshot command hangs when compositing is off, and the display also shows the native menus.
    pub fn screenshot(&self, file: &Path) {
        let display = std::env::var("DISPLAY").expect("DISPLAY is set");
        let status = Command::new("import").args(["-display", &display, "-window", "root"]).arg(file).status();
        assert!(status.is_ok_and(|s| s.success()), "import could not take {}", file.display());
    }

    pub fn end(self) {
        let _ = self.call("DELETE", "", None);
    }
}

/// `$CARGO_TARGET_DIR/screenshots` (or `TRELLIS_SCREENSHOTS`).
pub fn screenshots() -> PathBuf {
    let dir = std::env::var_os("TRELLIS_SCREENSHOTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_TARGET_TMPDIR")).parent().unwrap().join("screenshots"));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
