// The live session, for the projector: the QR code and code to join, the open question in large
// type with its answers arriving, and the facilitator's controls. Answers are saved by the shell's
// server as they arrive; this view only polls what the server holds.

import type { Bank, LiveAction, LiveSession } from "../bindings/trellis";
import type { Ctx } from "../ctx";
import { button, el, field, input, select } from "../dom";
import { AREA_LABELS } from "../bindings/vocabularies";
import { bars, controls, currentQuestion, listenAddress, qrImage, tallyLine } from "../logic/live";
import { counted } from "../logic/words";

/** How often the view asks the server for the answers so far, in milliseconds. */
export const POLL_MS = 1500;

/** The card that starts a live session; nothing listens until its button is pressed. */
export function liveStartCard(ctx: Ctx, banks: Bank[]): HTMLElement {
  const form = el("form", "card workshop-setup live-start");
  form.append(el("h2", "section-title", "Live session on participants' phones"),
    el("p", "muted", "Participants scan a QR code and answer anonymously on their phones; each answer is saved in this engagement as it arrives. The phones and this laptop need the same network (Wi-Fi or a hotspot), not the internet."));
  const bank = select(banks.map((b) => [b.id, `${b.title} (${b.questions.length} questions)`] as const), banks[0]?.id ?? "", "live-bank");
  const host = select([
    ["0.0.0.0", "Phones on this room's network (every address of this laptop)"],
    ["127.0.0.1", "This laptop only (to try it out)"],
  ] as const, "0.0.0.0", "live-host");
  const port = input("8080", "live-port", "number");
  port.min = "1";
  port.max = "65535";
  const problem = el("p", "problem");
  problem.setAttribute("role", "alert");
  const go = el("button", "btn btn-primary btn-large", "Start live session");
  go.type = "submit";
  go.dataset["action"] = "start-live";
  form.append(field("Question bank", bank, "A session already live in this file is resumed, on its own bank"),
    field("Who can connect", host), field("Port", port, "Keep the same port to keep the join address across a restart"), problem, go);
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const address = listenAddress(host.value, port.value);
    if ("problem" in address) {
      problem.textContent = address.problem;
      port.focus();
      return;
    }
    go.disabled = true;
    ctx.api.liveStart(address.listen, bank.value || null).then(
      () => ctx.go("workshop"),
      (e) => {
        go.disabled = false;
        ctx.fail(e);
      },
    );
  });
  return form;
}

/**
 * A form to delete one participant's answers at their request: asks first, then calls `remove`
 * with the trimmed id and clears the field once it is done.
 */
export function forgetForm(className: string, prompt: string, remove: (respondent: string) => Promise<unknown>): HTMLFormElement {
  const form = el("form", `inline ${className}`);
  const respondent = input("", "respondent");
  respondent.placeholder = "e.g. ws-1a2b3c4d5e6f7a8b";
  respondent.setAttribute("aria-label", "The participant's anonymous id, shown on their phone, or the name used in the room");
  const go = el("button", "btn btn-quiet", "Delete their answers");
  go.type = "submit";
  form.append(el("span", "muted", prompt), respondent, go);
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const id = respondent.value.trim();
    if (!id) return respondent.focus();
    if (window.confirm(`Delete every answer from ${id}? This cannot be undone.`)) {
      void remove(id).then(() => (respondent.value = ""));
    }
  });
  return form;
}

/** The running session. Polls until the view is left or the session stops. */
export function renderLive(root: HTMLElement, ctx: Ctx, first: LiveSession): void {
  const page = el("section", "live");
  const join = el("aside", "card live-join");
  const qr = el("img", "live-qr");
  qr.alt = `QR code for ${first.join_url}`;
  qr.src = qrImage(first.qr_svg);
  join.append(qr, el("p", "eyebrow", "Join at"), el("p", "live-url", first.join_url), el("p", "eyebrow", "Code"), el("p", "live-code", first.join_code));
  if (first.other_urls.length > 0) {
    const other = el("details", "live-other");
    other.append(el("summary", undefined, "Other addresses of this laptop"));
    const list = el("ul");
    for (const url of first.other_urls) list.append(el("li", undefined, url));
    other.append(list);
    join.append(other);
  }
  join.append(el("p", "muted", `Listening on ${first.listen}${first.resumed ? " · resumed the session saved in this file" : ""}`));

  const stage = el("div", "live-stage");
  const nav = el("div", "facilitator-nav live-controls");
  const next = button("", () => void act({ action: "next" }), "btn btn-primary btn-large");
  next.dataset["action"] = "live-next";
  const close = button("Close question", () => void act({ action: "close" }), "btn btn-large");
  close.dataset["action"] = "live-close";
  const end = button("End session", () => {
    if (window.confirm("End the session? Phones will say thank you and no more answers are taken.")) void act({ action: "end" });
  }, "btn btn-quiet");
  end.dataset["action"] = "live-end";
  const stop = button("Stop serving", () => void stopServing(), "btn btn-quiet");
  stop.dataset["action"] = "live-stop";
  stop.title = "Stop listening; the session stays in the file, and starting again resumes it";
  nav.append(close, next);
  const forget = forgetForm("live-forget", "Delete a participant's answers at their request, by the anonymous id on their phone:",
    (id) => act({ action: "remove-participant", respondent: id }));
  const list = el("ul", "live-questions");
  list.setAttribute("aria-label", "Questions");
  const footer = el("div", "inline");
  footer.append(end, stop);
  const main = el("div", "live-main");
  main.append(stage, nav, list, footer, forget);
  page.append(join, main);
  root.append(page);

  let timer: ReturnType<typeof setInterval> | undefined;
  const draw = (session: LiveSession) => {
    const view = session.live;
    const q = currentQuestion(view);
    const c = controls(view);
    const heading = el("header", "live-heading");
    heading.append(el("p", "eyebrow", `${view.title}${view.ended ? " · ended" : ""}`));
    const card = el("div", "question-card");
    if (q) {
      card.append(el("p", "eyebrow", `${AREA_LABELS[q.area]} · Question ${q.number} of ${view.questions.length} · ${q.state}`), el("h1", "question-text", q.text));
    } else {
      card.append(el("h1", "question-text", view.ended ? "The session has ended." : "Waiting to begin: open the first question when the room is ready."));
    }
    const chart = el("div", "live-bars");
    chart.setAttribute("aria-label", "Answers by score");
    if (q) {
      for (const b of bars(q)) {
        const row = el("div", "live-bar");
        const fill = el("span", "live-bar-fill");
        fill.style.width = `${b.percent}%`;
        const track = el("span", "live-bar-track");
        track.append(fill);
        row.append(el("span", "live-bar-label", b.label), track, el("span", "live-bar-count", String(b.count)));
        chart.append(row);
      }
    }
    const line = el("p", "answered live-tally", tallyLine(view, q));
    stage.replaceChildren(heading, card, chart, line);
    if (q && (q.groups.length > 0 || q.hidden_groups > 0)) {
      const groups = el("p", "muted");
      const shown = q.groups.map((g) => `${g.group}: ${g.mean === null ? "—" : g.mean.toFixed(1)} (${g.respondents})`).join(" · ");
      const hidden = q.hidden_groups > 0 ? `${counted(q.hidden_groups, "group")} below ${view.anonymity_threshold} people not shown` : "";
      groups.textContent = [shown, hidden].filter(Boolean).join(" · ");
      stage.append(groups);
    }
    if (q && q.notes.length > 0) {
      const notes = el("ul", "live-notes");
      notes.setAttribute("aria-label", "Notes");
      for (const n of q.notes) notes.append(el("li", undefined, n));
      stage.append(notes);
    }
    next.textContent = c.next.label;
    next.disabled = !c.next.enabled;
    close.disabled = !c.close;
    end.disabled = !c.end;
    const focused = (document.activeElement as HTMLElement | null)?.dataset["question"];
    list.replaceChildren(...view.questions.map((each) => {
      const li = el("li", `live-question state-${each.state}`);
      const answers = counted(each.answers, "answer");
      li.append(el("span", "live-question-number", `${each.number}.`), el("span", "live-question-text", each.text),
        el("span", "live-question-state", each.state), el("span", "muted", answers));
      if (!view.ended && each.id !== view.current) {
        const open = button("Open", () => void act({ action: "open", question: each.id }), "btn btn-quiet");
        open.dataset["question"] = each.id;
        li.append(open);
        if (focused === each.id) queueMicrotask(() => open.focus());
      }
      return li;
    }));
  };
  const act = async (action: LiveAction) => {
    try {
      draw(await ctx.api.liveControl(action));
      if (action.action === "remove-participant") ctx.notify(`Deleted the answers of ${action.respondent}.`);
    } catch (e) {
      ctx.fail(e);
      await poll();
    }
  };
  const poll = async () => {
    if (!page.isConnected) return void clearInterval(timer);
    try {
      const session = await ctx.api.liveStatus();
      if (session) draw(session);
      else {
        clearInterval(timer);
        ctx.go("workshop");
      }
    } catch (e) {
      clearInterval(timer);
      ctx.fail(e);
    }
  };
  const stopServing = async () => {
    clearInterval(timer);
    try {
      await ctx.api.liveStop();
      await ctx.edited(await ctx.api.history());
      ctx.notify("Stopped serving; the answers are in the engagement.");
    } catch (e) {
      ctx.fail(e);
    }
    ctx.go("workshop");
  };
  draw(first);
  timer = setInterval(() => void poll(), POLL_MS);
  queueMicrotask(() => next.focus());
}
