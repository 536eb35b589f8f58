//! The participant's page: one self-contained HTML document (styles and script inline, no external assets), mobile first.
//!
//! Everything the server sends that a person typed or chose (question texts, groups, notes) is
//! put into the page with `textContent`, never as markup. The Content-Security-Policy allows
//! exactly this page's script and style, by hash, and requests to this server only.

use sha2::{Digest, Sha256};
use std::sync::OnceLock;

const STYLE: &str = r###"
:root { --accent: #2f6b4f; --accent-dark: #24543e; --accent-soft: #e7f1eb; --ink: #1c2320; --muted: #5d6863;
  --line: #d6ddd9; --bg: #f4f6f4; --card: #ffffff; --danger: #9b2c2c; color-scheme: light; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 17px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", sans-serif;
  color: var(--ink); background: var(--bg); min-height: 100vh; }
header { background: var(--accent); color: #fff; padding: 14px 18px 12px; }
header .bar { max-width: 34rem; margin: 0 auto; }
header .title { font-weight: 650; font-size: 17px; }
header .progress { font-size: 14px; opacity: .88; min-height: 1.2em; }
.meter { height: 4px; background: rgba(255,255,255,.25); border-radius: 2px; margin-top: 8px; overflow: hidden; }
.meter span { display: block; height: 100%; width: 0; background: #fff; border-radius: 2px; transition: width .3s; }
main { max-width: 34rem; margin: 0 auto; padding: 16px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 16px; padding: 20px 18px;
  box-shadow: 0 1px 3px rgba(20,40,30,.06); }
h1 { font-size: 23px; line-height: 1.25; margin: 0 0 8px; }
p { margin: 0 0 14px; }
.lead { color: var(--muted); }
label.field { display: block; font-weight: 600; margin-bottom: 8px; }
input#code { display: block; width: 100%; font: 600 28px/1.2 ui-monospace, "SF Mono", Menlo, Consolas, monospace;
  letter-spacing: .18em; text-transform: uppercase; text-align: center; padding: 12px; border-radius: 12px;
  border: 2px solid var(--line); background: #fff; color: var(--ink); }
input#code:focus, textarea:focus { outline: none; border-color: var(--accent); box-shadow: 0 0 0 3px var(--accent-soft); }
button { font: inherit; cursor: pointer; -webkit-tap-highlight-color: transparent; touch-action: manipulation; }
.primary { display: block; width: 100%; min-height: 54px; margin-top: 16px; border: 0; border-radius: 12px;
  background: var(--accent); color: #fff; font-size: 18px; font-weight: 650; }
.primary:active { background: var(--accent-dark); }
.primary:disabled { opacity: .4; cursor: default; }
.choice { display: block; width: 100%; min-height: 50px; padding: 10px 14px; border: 2px solid var(--line);
  border-radius: 12px; background: #fff; color: var(--ink); text-align: left; font-size: 17px; }
.groups { display: grid; gap: 8px; margin-bottom: 6px; }
.choice.quiet { color: var(--muted); border-style: dashed; }
.area { margin: 0 0 6px; font-size: 12px; font-weight: 700; letter-spacing: .07em; text-transform: uppercase; color: var(--accent); }
h2.question { font-size: 21px; line-height: 1.35; margin: 0 0 10px; font-weight: 650; }
.help { color: var(--muted); font-size: 15px; margin: 0 0 18px; }
.scores { display: grid; grid-template-columns: repeat(5, 1fr); gap: 8px; }
.scores button { min-height: 58px; border: 2px solid var(--line); border-radius: 12px; background: #fff;
  color: var(--ink); font-size: 23px; font-weight: 650; }
.ends { display: flex; justify-content: space-between; margin: 6px 2px 12px; font-size: 13px; color: var(--muted); }
.dontknow { display: block; width: 100%; min-height: 48px; border: 2px solid var(--line); border-radius: 12px;
  background: #fff; color: var(--ink); font-size: 16px; font-weight: 600; }
button[aria-pressed="true"] { background: var(--accent); border-color: var(--accent); color: #fff; }
button:disabled:not(.primary) { opacity: .55; cursor: default; }
label.note { display: block; margin: 16px 0 6px; font-size: 15px; font-weight: 600; }
label.note span { font-weight: 400; color: var(--muted); }
textarea { display: block; width: 100%; min-height: 76px; padding: 10px 12px; font: inherit; font-size: 16px;
  border: 2px solid var(--line); border-radius: 12px; resize: vertical; background: #fff; color: var(--ink); }
.status { min-height: 1.5em; margin: 12px 0 0; font-size: 15px; font-weight: 600; color: var(--accent); }
.status.error, .error { color: var(--danger); }
.error { margin: 10px 0 0; font-weight: 600; }
.error:empty { display: none; }
.closed-note { display: none; margin: 0 0 14px; padding: 10px 12px; border-radius: 10px; background: #f3efe6; color: #6a5520; font-size: 15px; }
.is-closed .closed-note { display: block; }
.waiting { text-align: center; padding: 34px 18px; }
.pulse { width: 14px; height: 14px; margin: 0 auto 18px; border-radius: 50%; background: var(--accent);
  animation: pulse 1.6s ease-in-out infinite; }
@keyframes pulse { 0%, 100% { transform: scale(.7); opacity: .45; } 50% { transform: scale(1.15); opacity: 1; } }
.thanks { text-align: center; padding: 30px 18px; }
.tick { width: 56px; height: 56px; margin: 0 auto 14px; border-radius: 50%; background: var(--accent-soft);
  color: var(--accent); font-size: 30px; line-height: 56px; font-weight: 700; }
code.id { display: inline-block; white-space: nowrap; font: 16px ui-monospace, Menlo, Consolas, monospace; background: var(--accent-soft); padding: 2px 6px; border-radius: 6px; }
.offline { display: none; margin: 0 0 12px; padding: 8px 12px; border-radius: 10px; background: #fbeaea; color: var(--danger); font-size: 14px; font-weight: 600; }
.is-offline .offline { display: block; }
footer { max-width: 34rem; margin: 0 auto; padding: 4px 16px 28px; text-align: center; }
.link { background: none; border: 0; padding: 8px; color: var(--muted); text-decoration: underline; font-size: 14px; }
footer p { color: var(--muted); font-size: 13px; margin: 4px 0 0; }
@media (prefers-reduced-motion: reduce) { .pulse { animation: none; } .meter span { transition: none; } }
"###;

const SCRIPT: &str = r###"
"use strict";
const KEY = "trellis-workshop-token";
const $ = (id) => document.getElementById(id);
let token = null;
let view = null;
let shownQuestion = null;
let chosen;            // 1-5, null for don't know, undefined for nothing chosen
let dirty = false;     // the person changed something not yet sent
let sending = false;
let groupAsked = false;
let timer = null;

function remember(t) { token = t; try { if (t) localStorage.setItem(KEY, t); else localStorage.removeItem(KEY); } catch (_) {} }
function recall() { try { return localStorage.getItem(KEY); } catch (_) { return null; } }

function show(id) {
  for (const s of document.querySelectorAll("main > section")) s.hidden = s.id !== id;
  $("withdraw").hidden = !(token && view && !view.ended && (id === "question" || id === "waiting"));
}

async function call(method, path, body) {
  const headers = {};
  if (token) headers["Authorization"] = "Bearer " + token;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const init = { method, headers, cache: "no-store" };
  if (body !== undefined) init.body = JSON.stringify(body);
  let res;
  try { res = await fetch(path, init); } catch (_) { return { ok: false, status: 0, data: null }; }
  let data = null;
  try { data = await res.json(); } catch (_) {}
  return { ok: res.ok, status: res.status, data };
}

function message(r, fallback) {
  if (r.status === 0) return "No connection to the workshop. Check the Wi-Fi and try again.";
  return (r.data && typeof r.data.message === "string") ? r.data.message : fallback;
}

function setProgress(q) {
  $("progress").textContent = q ? "Question " + q.number + " of " + q.total : "";
  $("meter").style.width = q ? Math.round(100 * q.number / q.total) + "%" : "0";
  $("meter").parentElement.hidden = !q;
}

function paintScores() {
  for (const b of document.querySelectorAll("#scores button, #dontknow")) {
    const value = b.id === "dontknow" ? null : Number(b.dataset.score);
    b.setAttribute("aria-pressed", String(chosen !== undefined && chosen === value));
  }
}

function render(v) {
  view = v;
  $("title").textContent = v.title || "Workshop";
  document.body.classList.remove("is-offline");
  if (v.ended) {
    setProgress(null);
    $("anon-id").textContent = v.respondent;
    stopPolling();
    show("thanks");
    return;
  }
  if (!groupAsked && v.groups.length > 0 && !v.group) {
    setProgress(null);
    drawGroups(v);
    show("group");
    return;
  }
  const q = v.question;
  if (!q) { setProgress(null); $("waiting-text").textContent = "Waiting for the first question…"; show("waiting"); return; }
  setProgress(q);
  if (!q.open && !v.answer && shownQuestion !== q.id) {
    $("waiting-text").textContent = "This question is closed. Waiting for the next one…";
    show("waiting");
    return;
  }
  if (shownQuestion !== q.id) {
    shownQuestion = q.id;
    dirty = false;
    $("area").textContent = q.area_title;
    $("question-text").textContent = q.text;
    $("help").textContent = q.help;
    $("help").hidden = !q.help;
    $("status").textContent = "";
    $("status").className = "status";
  }
  if (!dirty) {
    chosen = v.answer ? v.answer.score : undefined;
    $("note").value = v.answer ? v.answer.note : "";
    if (v.answer && !$("status").textContent) saved();
  }
  const open = q.open;
  $("question").classList.toggle("is-closed", !open);
  for (const b of document.querySelectorAll("#scores button, #dontknow")) b.disabled = !open;
  $("note").disabled = !open;
  $("send").hidden = !open;
  $("send").textContent = v.answer ? "Update answer" : "Send answer";
  $("send").disabled = !open || sending || chosen === undefined || (!dirty && !!v.answer);
  paintScores();
  show("question");
}

function saved() {
  $("status").className = "status";
  $("status").textContent = "✓ Saved. You can change your answer until the question closes.";
}

function drawGroups(v) {
  const box = $("groups");
  box.replaceChildren();
  for (const g of v.groups) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "choice";
    b.textContent = g;
    b.addEventListener("click", () => pickGroup(g));
    box.appendChild(b);
  }
  $("group-threshold").textContent = String(v.anonymity_threshold);
}

async function pickGroup(g) {
  groupAsked = true;
  if (g === null) { render(view); return; }
  const r = await call("POST", "/api/group", { group: g });
  if (r.ok) render(r.data); else { $("group-error").textContent = message(r, "Could not save your group."); groupAsked = false; }
}

async function join(code) {
  $("join-error").textContent = "";
  $("join-button").disabled = true;
  const r = await call("POST", "/api/join", { code });
  $("join-button").disabled = false;
  if (!r.ok) { $("join-error").textContent = message(r, "Could not join. Check the code."); show("join"); return; }
  remember(r.data.token);
  render(r.data.view);
  poll();
}

async function refresh() {
  if (!token) return;
  const r = await call("GET", "/api/state");
  if (r.ok) { render(r.data); return; }
  if (r.status === 401) { remember(null); view = null; stopPolling(); show("join"); return; }
  if (r.status === 0) document.body.classList.add("is-offline");
}

function stopPolling() { if (timer) { clearTimeout(timer); timer = null; } }
function poll() {
  stopPolling();
  const tick = async () => { await refresh(); if (token && !(view && view.ended)) timer = setTimeout(tick, 2000); };
  timer = setTimeout(tick, 2000);
}

async function send() {
  if (!view || !view.question || chosen === undefined) return;
  sending = true;
  $("send").disabled = true;
  $("status").className = "status";
  $("status").textContent = "Sending…";
  const r = await call("POST", "/api/answer", { question: view.question.id, score: chosen, note: $("note").value });
  sending = false;
  if (r.ok) { dirty = false; render(r.data.view); saved(); return; }
  $("status").className = "status error";
  $("status").textContent = message(r, "Not saved. Try again.");
  $("send").disabled = false;
  if (r.status === 409 || r.status === 410) refresh();
}

function choose(value) { chosen = value; dirty = true; $("status").textContent = ""; paintScores(); $("send").disabled = false; }

for (let i = 1; i <= 5; i++) {
  const b = document.createElement("button");
  b.type = "button";
  b.dataset.score = String(i);
  b.textContent = String(i);
  b.setAttribute("aria-label", "Score " + i);
  b.addEventListener("click", () => choose(i));
  $("scores").appendChild(b);
}
$("dontknow").addEventListener("click", () => choose(null));
$("note").addEventListener("input", () => { dirty = true; if (chosen !== undefined) $("send").disabled = false; });
$("send").addEventListener("click", send);
$("skip-group").addEventListener("click", () => pickGroup(null));
$("join-form").addEventListener("submit", (e) => { e.preventDefault(); const c = $("code").value.trim(); if (c) join(c); });
$("withdraw").addEventListener("click", async () => {
  if (!confirm("Withdraw every answer you gave in this session? This cannot be undone.")) return;
  const r = await call("POST", "/api/withdraw");
  if (r.ok) { dirty = false; shownQuestion = null; render(r.data.view); $("status").textContent = r.data.withdrawn + " answer(s) withdrawn."; }
  else alert(message(r, "Could not withdraw your answers."));
});

window.addEventListener("hashchange", () => {
  const code = decodeURIComponent(location.hash.slice(1)).trim();
  history.replaceState(null, "", location.pathname);
  if (code && !token) { $("code").value = code; join(code); }
});

(async () => {
  const fromLink = decodeURIComponent(location.hash.slice(1)).trim();
  if (fromLink) { $("code").value = fromLink; history.replaceState(null, "", location.pathname); }
  token = recall();
  if (token) {
    const r = await call("GET", "/api/state");
    if (r.ok) { groupAsked = true; render(r.data); poll(); return; }
    if (r.status === 401) remember(null);
  }
  if (fromLink) join(fromLink); else show("join");
})();
"###;

const BODY: &str = r###"
<header><div class="bar">
  <div class="title" id="title">Workshop</div>
  <div class="progress" id="progress"></div>
  <div class="meter" hidden><span id="meter"></span></div>
</div></header>
<main>
  <div class="offline">Connection lost. Your saved answers are safe; retrying…</div>
  <section id="join" hidden>
    <div class="card">
      <h1>Join the workshop</h1>
      <p class="lead">Enter the code on the facilitator's screen. You stay anonymous: no name, no account.</p>
      <form id="join-form" autocomplete="off">
        <label class="field" for="code">Join code</label>
        <input id="code" name="code" inputmode="text" autocapitalize="characters" autocorrect="off" spellcheck="false" maxlength="40" required>
        <button class="primary" id="join-button" type="submit">Join</button>
        <p class="error" id="join-error" role="alert"></p>
      </form>
    </div>
  </section>
  <section id="group" hidden>
    <div class="card">
      <h1>Which group are you in?</h1>
      <p class="lead">Optional. Results by group are shown only for groups of at least <span id="group-threshold">3</span> people.</p>
      <div class="groups" id="groups"></div>
      <button class="choice quiet" id="skip-group" type="button">Prefer not to say</button>
      <p class="error" id="group-error" role="alert"></p>
    </div>
  </section>
  <section id="waiting" hidden>
    <div class="card waiting">
      <div class="pulse"></div>
      <p id="waiting-text">Waiting for the first question…</p>
      <p class="lead">This page updates by itself.</p>
    </div>
  </section>
  <section id="question" hidden>
    <div class="card">
      <p class="area" id="area"></p>
      <h2 class="question" id="question-text"></h2>
      <p class="help" id="help"></p>
      <p class="closed-note">This question is closed: your answer is kept as it is.</p>
      <div class="scores" id="scores" role="group" aria-label="Your answer from 1 to 5"></div>
      <div class="ends"><span>1 · not at all</span><span>5 · fully</span></div>
      <button class="dontknow" id="dontknow" type="button">Don't know</button>
      <label class="note" for="note">Note <span>(optional)</span></label>
      <textarea id="note" maxlength="1000" placeholder="Anything you want the facilitator to know"></textarea>
      <button class="primary" id="send" type="button" disabled>Send answer</button>
      <p class="status" id="status" role="status"></p>
    </div>
  </section>
  <section id="thanks" hidden>
    <div class="card thanks">
      <div class="tick">✓</div>
      <h1>Thank you!</h1>
      <p class="lead">The session is closed and your answers are saved, anonymously.</p>
      <p class="lead">To have your answers deleted later, give the facilitator this id:</p>
      <p><code class="id" id="anon-id"></code></p>
    </div>
  </section>
</main>
<footer>
  <button class="link" id="withdraw" type="button" hidden>Withdraw my answers</button>
  <p>Anonymous · answers go only to this room's workshop</p>
</footer>
"###;

/// The whole page.
pub fn html() -> &'static str {
    static PAGE: OnceLock<String> = OnceLock::new();
    PAGE.get_or_init(|| {
        format!(
            "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1, viewport-fit=cover\">\n\
             <meta name=\"referrer\" content=\"no-referrer\">\n<meta name=\"theme-color\" content=\"#2f6b4f\">\n\
             <title>Workshop</title>\n<style>{STYLE}</style>\n</head>\n<body>{BODY}<script>{SCRIPT}</script>\n</body>\n</html>\n"
        )
    })
}

/// Allows this page's own script and style (by hash) and requests to this server, nothing else.
pub fn content_security_policy() -> String {
    format!(
        "default-src 'none'; script-src '{}'; style-src '{}'; connect-src 'self'; img-src 'self' data:; \
         base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        hash_source(SCRIPT),
        hash_source(STYLE)
    )
}

fn hash_source(text: &str) -> String {
    format!("sha256-{}", base64(&Sha256::digest(text.as_bytes())))
}

/// Standard base64 with padding (what CSP hash sources use).
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard_vectors() {
        for (input, want) in [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foobar", "Zm9vYmFy")] {
            assert_eq!(base64(input.as_bytes()), want);
        }
    }

    #[test]
    fn the_page_is_self_contained_and_never_writes_markup_from_data() {
        let page = html();
        for external in ["src=\"http", "href=\"http", "@import", "url(http", "//cdn"] {
            assert!(!page.contains(external), "external asset: {external}");
        }
        for risky in ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("] {
            assert!(!SCRIPT.contains(risky), "the script uses {risky}");
        }
        assert!(page.contains(&format!("<script>{SCRIPT}</script>")), "the hashed script is the one served");
        assert!(content_security_policy().contains("script-src 'sha256-"));
    }
}
