// @ts-check
// ui/tsconfig.page.json type-checks this script (ui/src/page.test.ts; `cd ui && npx tsc -p tsconfig.page.json`).
"use strict";
const KEY = "trellis-workshop-token";
// Every element reached by id is an input, a button or a text, used through what they share.
const $ = (/** @type {string} */ id) => /** @type {HTMLInputElement} */ (document.getElementById(id));
let token = null;
let view = null;
let shownQuestion = null;
let chosen;            // 1-5, null for don't know, undefined for nothing chosen
let dirty = false;     // the person changed something not yet sent
let sending = false;
let groupAsked = false; // the "about you" step (group and part) was answered or skipped
let pickedGroup = null;
let pickedType = null;
let timer = null;

function remember(t) { token = t; try { if (t) localStorage.setItem(KEY, t); else localStorage.removeItem(KEY); } catch (_) {} }
function recall() { try { return localStorage.getItem(KEY); } catch (_) { return null; } }

function show(id) {
  for (const s of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll("main > section"))) s.hidden = s.id !== id;
  $("withdraw").hidden = !(token && view && !view.ended && (id === "question" || id === "waiting"));
}

async function call(method, path, body) {
  /** @type {Record<string, string>} */
  const headers = {};
  if (token) headers["Authorization"] = "Bearer " + token;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  /** @type {RequestInit} */
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
  for (const b of /** @type {NodeListOf<HTMLButtonElement>} */ (document.querySelectorAll("#scores button, #dontknow"))) {
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
  if (!groupAsked && !v.group && !v.respondent_type) {
    setProgress(null);
    drawAbout(v);
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
    $("question").classList.toggle("is-prompt", !!q.prompt);
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
  for (const b of /** @type {NodeListOf<HTMLButtonElement>} */ (document.querySelectorAll("#scores button, #dontknow"))) b.disabled = !open;
  $("note").disabled = !open;
  $("send").hidden = !open;
  $("send").textContent = q.prompt ? (v.answer ? "Update note" : "Send note") : (v.answer ? "Update answer" : "Send answer");
  $("send").disabled = !open || sending || !ready(q) || (!dirty && !!v.answer);
  paintScores();
  show("question");
}

function saved() {
  $("status").className = "status";
  $("status").textContent = "✓ Saved. You can change your answer until the question closes.";
}

/** A question can be sent: a rated one once a score (or don't know) is chosen, a prompt once it has a note. */
function ready(q) { return q.prompt ? $("note").value.trim() !== "" : chosen !== undefined; }

/** Buttons of which one at most is picked; `pick` hears the value, or null when it is unpicked. */
function choices(box, items, pick) {
  box.replaceChildren();
  for (const [value, label] of items) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "choice";
    b.textContent = label;
    b.setAttribute("aria-pressed", "false");
    b.addEventListener("click", () => {
      const on = b.getAttribute("aria-pressed") !== "true";
      for (const other of box.querySelectorAll("button")) other.setAttribute("aria-pressed", "false");
      b.setAttribute("aria-pressed", String(on));
      pick(on ? value : null);
    });
    box.appendChild(b);
  }
}

function drawAbout(v) {
  pickedGroup = null;
  pickedType = null;
  choices($("groups"), v.groups.map((g) => [g, g]), (g) => { pickedGroup = g; });
  $("groups-title").hidden = v.groups.length === 0;
  choices($("types"), v.respondent_types.map((t) => [t.id, t.label]), (t) => { pickedType = t; });
  $("group-threshold").textContent = String(v.anonymity_threshold);
}

async function saveAbout(skip) {
  groupAsked = true;
  if (skip || (pickedGroup === null && pickedType === null)) { render(view); return; }
  const r = await call("POST", "/api/group", { group: pickedGroup, respondent_type: pickedType });
  if (r.ok) render(r.data); else { $("group-error").textContent = message(r, "Could not save your answers."); groupAsked = false; }
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
  if (!view || !view.question || !ready(view.question)) return;
  const score = view.question.prompt ? null : chosen;
  sending = true;
  $("send").disabled = true;
  $("status").className = "status";
  $("status").textContent = "Sending…";
  const r = await call("POST", "/api/answer", { question: view.question.id, score, note: $("note").value });
  sending = false;
  if (r.ok) { dirty = false; render(r.data.view); saved(); return; }
  $("status").className = "status error";
  $("status").textContent = message(r, "Not saved. Try again.");
  $("send").disabled = false;
  if (r.status === 409 || r.status === 410) refresh();
}

function choose(value) { chosen = value; dirty = true; $("status").textContent = ""; paintScores(); $("send").disabled = false; }

// The scale's buttons come with the page (their words are Trellis's one answer scale).
for (const b of /** @type {NodeListOf<HTMLButtonElement>} */ (document.querySelectorAll("#scores button"))) {
  const score = Number(b.dataset.score);
  b.addEventListener("click", () => choose(score));
}
$("dontknow").addEventListener("click", () => choose(null));
$("note").addEventListener("input", () => { dirty = true; if (view && view.question && ready(view.question)) $("send").disabled = false; });
$("send").addEventListener("click", send);
$("save-about").addEventListener("click", () => saveAbout(false));
$("skip-group").addEventListener("click", () => saveAbout(true));
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
