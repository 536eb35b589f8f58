// Workshop: a scored session for a projector: one question at a time in large type, each
// participant's or group's score and note recorded as given, progress through the bank, a summary
// at the end. Or a live session (./live.ts), where participants answer on their phones. Below the
// two, the answers the engagement already holds: each bank's summary, and deleting one
// participant's answers at their request.

import { ANSWER_SCALE, type Bank, type QuestionResult, type RespondentType, type ResponseSummary } from "../bindings/trellis";
import type { Ctx } from "../ctx";
import { button, el, field, header, input, select, textarea } from "../dom";
import { AREA_LABELS, RESPONDENT_TYPES, RESPONDENT_TYPE_LABELS } from "../bindings/vocabularies";
import { forgetForm, liveStartCard, renderLive } from "./live";
import { scaleLabels } from "../logic/live";
import { answered, answersByBank, answersTo, markOf, move, parseParticipants, progress, question, record, start, type ScoredSession } from "../logic/scored";
import { counted } from "../logic/words";

let scored: ScoredSession | null = null;
/** The bank whose saved answers are on screen, outside a workshop. */
let reviewing: Bank | null = null;
window.addEventListener("trellis:engagement-changed", () => {
  scored = null;
  reviewing = null;
});

export async function renderWorkshop(root: HTMLElement, ctx: Ctx): Promise<void> {
  const live = await ctx.api.liveStatus();
  if (live) return renderLive(root, ctx, live);
  if (!scored && reviewing) return review(root, ctx, reviewing);
  const banks = await ctx.api.banks();
  if (!scored) return setup(root, ctx, banks, await ctx.api.responses());
  if (scored.finished) return summary(root, ctx, scored);
  run(root, ctx, scored);
}

/** The answers already saved: each bank's summary, and deleting one participant's answers. */
function savedAnswers(ctx: Ctx, banks: Bank[], all: ResponseSummary): HTMLElement | null {
  const counts = answersByBank(all);
  const answered = banks.filter((b) => (counts.get(b.id) ?? 0) > 0);
  if (answered.length === 0) return null;
  const card = el("section", "card saved-answers");
  card.append(el("h2", "section-title", "Answers in this engagement"));
  const list = el("ul", "plain-list");
  for (const bank of answered) {
    const n = counts.get(bank.id) ?? 0;
    const see = button("See the summary", () => { reviewing = bank; ctx.go("workshop"); }, "btn btn-quiet");
    see.dataset["bank"] = bank.id;
    const li = el("li", "inline");
    li.append(el("span", undefined, `${bank.title}: ${counted(n, "answer")}`), see);
    list.append(li);
  }
  const forget = forgetForm("saved-forget", "Delete one participant's answers at their request, by the anonymous id on their phone or the name used in the room:",
    async (id) => {
      try {
        const done = await ctx.api.withdraw(id);
        await ctx.edited(done.history);
        ctx.notify(done.answers === 0 ? `No answers from ${id} in this engagement.` : `Deleted ${counted(done.answers, "answer")} from ${id}.`);
        if (done.answers > 0) ctx.go("workshop");
      } catch (e) {
        ctx.fail(e);
      }
    });
  card.append(list, forget);
  return card;
}

function setup(root: HTMLElement, ctx: Ctx, banks: Bank[], all: ResponseSummary): void {
  root.append(header("Workshop", "Run the diagnostic questions with the client's people, one question at a time on the projector: scored by you, or answered live on their phones."));
  const form = el("form", "card workshop-setup");
  const bank = select(banks.map((b) => [b.id, `${b.title} (${b.questions.length} questions)`] as const), banks[0]?.id ?? "", "bank");
  const people = textarea("", "participants", 5);
  people.placeholder = "One participant or group per line, e.g.\nTable 1\nTable 2";
  const group = input("", "group");
  group.placeholder = "e.g. Warehouse supervisors (optional)";
  const kind = select([["", "Not said"], ...RESPONDENT_TYPES.map((t) => [t, RESPONDENT_TYPE_LABELS[t]] as const)], "", "respondent_type");
  const problem = el("p", "problem");
  problem.setAttribute("role", "alert");
  const go = el("button", "btn btn-primary btn-large", "Start the workshop");
  go.type = "submit";
  form.append(field("Question bank", bank), field("Participants or groups", people), field("They all belong to the group", group, "Results by group are shown only from the anonymity threshold up"),
    field("Their part in learning", kind, "Optional; the findings compare how managers and learners answer"), problem, go);
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const chosen = banks.find((b) => b.id === bank.value);
    const names = parseParticipants(people.value);
    if (!chosen) return;
    if (names.length === 0) {
      problem.textContent = "Name at least one participant or group.";
      people.focus();
      return;
    }
    scored = start(chosen, names, group.value, (kind.value || null) as RespondentType | null);
    ctx.go("workshop");
  });
  form.prepend(el("h2", "section-title", "In the room, scored by the facilitator"));
  const both = el("div", "workshop-modes");
  both.append(form, liveStartCard(ctx, banks));
  root.append(both);
  const saved = savedAnswers(ctx, banks, all);
  if (saved) root.append(saved);
}

function run(root: HTMLElement, ctx: Ctx, w: ScoredSession): void {
  const q = question(w);
  if (!q) {
    w.finished = true;
    void summary(root, ctx, w);
    return;
  }
  const p = progress(w);
  const stage = el("section", "facilitator");
  const top = el("div", "facilitator-top");
  const bar = el("div", "progress");
  bar.setAttribute("role", "progressbar");
  bar.setAttribute("aria-valuenow", String(p.percent));
  bar.setAttribute("aria-valuemin", "0");
  bar.setAttribute("aria-valuemax", "100");
  const fill = el("div", "progress-fill");
  fill.style.width = `${p.percent}%`;
  bar.append(fill);
  top.append(el("span", "facilitator-bank", w.bank.title), el("span", "facilitator-progress", p.text), bar,
    button("End workshop", () => { w.finished = true; ctx.go("workshop"); }, "btn btn-quiet"));
  const card = el("div", "question-card");
  card.append(el("p", "eyebrow", AREA_LABELS[q.area]), el("h1", "question-text", q.text));
  if (q.help) card.append(el("p", "question-help", q.help));
  // A discussion prompt is talked about, not rated; statements show Trellis's one answer scale (ANSWER_SCALE).
  const prompt = q.prompt === true;
  card.append(el("p", "question-help", prompt ? "Talk about this together: record notes, no scores." : scaleLabels().join(" · ")));
  const count = el("p", "answered", `${answered(w)} of ${w.participants.length} answered`);
  const table = el("div", "answers");
  for (const who of w.participants) {
    const row = el("div", "answer-row");
    row.dataset["participant"] = who;
    const mark = markOf(w, q.id, who);
    const note = input(mark?.note ?? "", "note");
    note.placeholder = "Note (optional)";
    note.setAttribute("aria-label", `Note from ${who}`);
    const scores = el("div", "scores");
    scores.setAttribute("role", "group");
    scores.setAttribute("aria-label", `Score from ${who}`);
    const save = async (score: number | null) => {
      try {
        await ctx.edited(await ctx.api.answer(record(w, q.id, who, { score, note: note.value }, new Date().toISOString())));
        for (const b of scores.querySelectorAll("button")) b.setAttribute("aria-pressed", String(b.dataset["score"] === String(score)));
        count.textContent = `${answered(w)} of ${w.participants.length} answered`;
      } catch (e) {
        ctx.fail(e);
      }
    };
    for (const score of prompt ? [] : [1, 2, 3, 4, 5, null]) {
      const b = button(score === null ? "?" : String(score), () => void save(score), "score");
      b.dataset["score"] = String(score);
      const labels = scaleLabels();
      b.title = score === null ? (labels[ANSWER_SCALE.length] ?? "") : (labels[score - 1] ?? "");
      b.setAttribute("aria-pressed", String(mark !== undefined && mark.score === score));
      scores.append(b);
    }
    note.addEventListener("change", () => {
      const m = markOf(w, q.id, who);
      if (m) void save(m.score);
      else if (prompt && note.value.trim()) void save(null);
    });
    row.append(el("span", "participant", who), scores, note);
    table.append(row);
  }
  const nav = el("div", "facilitator-nav");
  const prev = button("← Previous", () => { move(w, -1); ctx.go("workshop"); }, "btn btn-large");
  prev.disabled = w.index === 0;
  const last = w.index === w.bank.questions.length - 1;
  const next = button(last ? "Finish and see the summary" : "Next question →", () => { move(w, 1); ctx.go("workshop"); }, "btn btn-primary btn-large");
  next.dataset["action"] = "next-question";
  nav.append(prev, count, next);
  stage.append(top, card, table, nav);
  root.append(stage);
  queueMicrotask(() => next.focus());
}

async function summary(root: HTMLElement, ctx: Ctx, w: ScoredSession): Promise<void> {
  const all = await ctx.api.responses();
  root.append(header("Workshop summary", `${w.bank.title}: what ${counted(w.participants.length, "participant")} said, with every answer given so far.`));
  const again = button("Back to this bank's questions", () => { w.finished = false; w.index = 0; ctx.go("workshop"); });
  const fresh = button("New workshop", () => { scored = null; ctx.go("workshop"); }, "btn btn-primary");
  const actions = el("div", "inline");
  actions.append(again, fresh, button("See the findings and scores", () => ctx.go("findings")));
  root.append(actions, summaryTable(w.bank, all));
}

/** One bank's saved answers, from the room and from phones, outside a workshop. */
async function review(root: HTMLElement, ctx: Ctx, bank: Bank): Promise<void> {
  const all = await ctx.api.responses();
  const n = answersByBank(all).get(bank.id) ?? 0;
  root.append(header(`Answers: ${bank.title}`, `${counted(n, "answer")} saved in this engagement, from the room and from phones.`));
  const back = button("Back to the workshop", () => { reviewing = null; ctx.go("workshop"); }, "btn btn-primary");
  const actions = el("div", "inline");
  actions.append(back, button("See the findings and scores", () => ctx.go("findings")));
  root.append(actions, summaryTable(bank, all));
}

/** Each question of `bank` with its answers, mean and spread of scores. */
function summaryTable(bank: Bank, all: ResponseSummary): HTMLTableElement {
  const results = new Map<string, QuestionResult>(all.questions.filter((r) => r.bank === bank.id).map((r) => [r.question, r]));
  const table = el("table", "summary-table");
  const head = el("tr");
  for (const h of ["Question", "Area", "Answers", "Mean (1-5)", "Spread"]) head.append(el("th", undefined, h));
  table.append(head);
  for (const q of bank.questions) {
    const r = results.get(q.id);
    const tr = el("tr");
    const n = r ? answersTo(r) : 0;
    const spread = el("td");
    const bars = el("div", "spread");
    spread.append(bars);
    if (r) {
      r.distribution.forEach((count, i) => {
        if (!count) return;
        const bar = el("span", `spread-bar score-${i + 1}`, String(i + 1));
        bar.style.flexGrow = String(count);
        bar.title = `${count} answered ${i + 1}`;
        bars.append(bar);
      });
    }
    tr.append(el("td", undefined, q.text), el("td", undefined, AREA_LABELS[q.area]), el("td", "num", String(n)), el("td", "num", r?.mean != null ? r.mean.toFixed(1) : "—"), spread);
    table.append(tr);
  }
  return table;
}
