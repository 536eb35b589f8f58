// Findings: the top themes (what the client reads); filter by area, severity, code and status; each
// finding links to its subjects on the map; accept or dismiss with a note; manual findings; the
// executive summary; the area chart and maturity.

import type { FindingRow, FindingsView, ManualFinding, Area, Severity, ThemeRow, Verdict } from "../bindings/trellis";
import type { Ctx } from "../ctx";
import { button, el, field, header, input, select, textarea } from "../dom";
import { AREAS, AREA_LABELS, SEVERITIES, SEVERITY_LABELS, VERDICT_LABELS } from "../bindings/vocabularies";
import { bars, countLine, queryOf, type FilterForm } from "../logic/findings";

const filters: FilterForm = { area: "", severity: "", code: "", status: "" };
window.addEventListener("trellis:engagement-changed", () => Object.assign(filters, { area: "", severity: "", code: "", status: "" }));

export async function renderFindings(root: HTMLElement, ctx: Ctx): Promise<void> {
  const view = await ctx.api.findings(queryOf(filters));
  root.append(header("Findings", "Where the ecosystem falls short, and what you decided about it. All of it goes into the blueprint."));
  const top = el("div", "findings-top");
  top.append(maturityCard(view), areaChart(view));
  root.append(top);
  if (view.themes.length > 0) root.append(themesCard(view));
  const layout = el("div", "findings-layout");
  const list = el("section", "findings-list");
  list.append(filterBar(ctx, view), el("p", "muted count-line", countLine(view.rows.length, view.matching, view.total)));
  for (const row of view.rows) list.append(findingCard(ctx, row));
  const side = el("aside", "findings-side");
  side.append(summaryForm(ctx, view.summary), manualForm(ctx));
  layout.append(list, side);
  root.append(layout);
}

/** The top themes, most impact first: title, severity, people and findings, examples, recommendation. */
function themesCard(view: FindingsView): HTMLElement {
  const card = el("section", "card themes");
  const more = view.theme_total > view.themes.length ? ` (the first ${view.themes.length} of ${view.theme_total})` : "";
  card.append(el("h2", "section-title", `Themes, most impact first${more}`));
  const list = el("ol", "theme-list");
  for (const t of view.themes) list.append(themeItem(t));
  card.append(list);
  return card;
}

function themeItem(t: ThemeRow): HTMLElement {
  const item = el("li", "theme");
  item.dataset["key"] = t.key;
  const head = el("p", "theme-title");
  head.append(el("span", `badge sev-${t.severity}`, t.severity), document.createTextNode(` ${t.title}`));
  const people = `${t.people} ${t.people === 1 ? "person" : "people"} · ${t.findings} ${t.findings === 1 ? "finding" : "findings"}`;
  const examples = t.examples.length > 0 ? ` · e.g. ${t.examples.join("; ")}` : "";
  item.append(head, el("p", "muted theme-numbers", people + examples), el("p", "theme-recommendation", t.recommendation));
  return item;
}

function maturityCard(view: FindingsView): HTMLElement {
  const card = el("section", "card maturity");
  card.append(el("p", "eyebrow", "Maturity"), el("p", "maturity-level", `Level ${view.maturity_level}`), el("p", "maturity-label", view.maturity_label));
  // What the scores rest on (the areas measured, and from how many people's answers).
  if (view.evidence) card.append(el("p", "maturity-evidence muted", view.evidence));
  return card;
}

function areaChart(view: FindingsView): HTMLElement {
  const card = el("section", "card area-chart");
  card.append(el("h2", "section-title", "Areas"));
  for (const b of bars(view.areas)) {
    const row = el("div", "bar-row");
    row.dataset["area"] = b.area;
    const track = el("div", "bar-track");
    const fill = el("div", "bar-fill");
    fill.style.width = `${b.width}%`;
    track.append(fill);
    row.append(el("span", "bar-label", b.label), track, el("span", "bar-text", b.text), el("span", "bar-parts", b.parts));
    card.append(row);
  }
  return card;
}

function filterBar(ctx: Ctx, view: FindingsView): HTMLElement {
  const bar = el("div", "filters");
  const area = select([["", "All areas"], ...AREAS.map((a) => [a, AREA_LABELS[a]] as const)], filters.area, "area");
  const severity = select([["", "All severities"], ...SEVERITIES.map((s) => [s, SEVERITY_LABELS[s]] as const)], filters.severity, "severity");
  const code = select([["", "All codes"], ...view.codes.map((c) => [c.code, `${c.code} (${c.count})`] as const)], filters.code, "code");
  const status = select([["", "Any status"], ["open", "Open"], ["accepted", VERDICT_LABELS.accepted], ["dismissed", VERDICT_LABELS.dismissed]], filters.status, "status");
  const apply = () => {
    Object.assign(filters, { area: area.value, severity: severity.value, code: code.value, status: status.value });
    ctx.go("findings");
  };
  for (const s of [area, severity, code, status]) s.addEventListener("change", apply);
  bar.append(field("Area", area), field("Severity", severity), field("Code", code), field("Status", status));
  return bar;
}

function findingCard(ctx: Ctx, f: FindingRow): HTMLElement {
  const card = el("article", `finding severity-${f.severity}${f.status ? ` status-${f.status}` : ""}`);
  card.dataset["key"] = f.key;
  card.dataset["code"] = f.code;
  const head = el("div", "finding-head");
  head.append(el("span", `badge sev-${f.severity}`, SEVERITY_LABELS[f.severity]), el("span", "finding-area", AREA_LABELS[f.area]), el("span", "finding-code", f.code));
  if (f.status) head.append(el("span", `badge verdict-${f.status}`, f.status));
  card.append(head, el("h3", "finding-title", f.title));
  if (f.subjects.length) {
    const subjects = el("p", "finding-subjects");
    for (const s of f.subjects) {
      const b = button(s.name, () => ctx.go("map", s.id), "chip");
      b.title = `Show this ${s.kind} on the map`;
      b.dataset["kind"] = s.kind;
      subjects.append(b);
    }
    card.append(subjects);
  }
  if (f.recommendation) card.append(el("p", "finding-recommendation", f.recommendation));
  if (f.rationale) {
    const why = el("details", "finding-why");
    why.append(el("summary", undefined, "Why it matters"), el("p", undefined, f.rationale));
    card.append(why);
  }
  const note = input(f.note, "note");
  note.placeholder = "Consultant's note (kept with the verdict)";
  note.setAttribute("aria-label", `Note on ${f.title}`);
  const decide = (verdict: Verdict | null) => async () => {
    try {
      await ctx.edited(await ctx.api.dispose(f.key, verdict, verdict ? note.value : ""));
      ctx.go("findings");
    } catch (e) {
      ctx.fail(e);
    }
  };
  const actions = el("div", "finding-actions");
  actions.append(note);
  if (f.status !== "accepted") actions.append(button("Accept", () => void decide("accepted")(), "btn btn-small"));
  if (f.status !== "dismissed") actions.append(button("Dismiss", () => void decide("dismissed")(), "btn btn-small"));
  if (f.status) actions.append(button("Reopen", () => void decide(null)(), "btn btn-quiet btn-small"));
  if (f.status) note.addEventListener("change", () => void decide(f.status)());
  if (f.manual) {
    actions.append(button("Delete", async () => {
      try {
        await ctx.edited(await ctx.api.removeFinding(f.key.slice("manual:".length)));
        ctx.go("findings");
      } catch (e) {
        ctx.fail(e);
      }
    }, "btn btn-quiet btn-small"));
  }
  card.append(actions);
  return card;
}

function summaryForm(ctx: Ctx, summary: string): HTMLElement {
  const card = el("section", "card");
  card.append(el("h2", "section-title", "Executive summary"));
  const text = textarea(summary, "summary", 7);
  text.placeholder = "Leave empty and the blueprint writes one from the findings.";
  text.setAttribute("aria-label", "Executive summary");
  text.addEventListener("change", async () => {
    try {
      await ctx.edited(await ctx.api.setSummary(text.value));
    } catch (e) {
      ctx.fail(e);
    }
  });
  card.append(text);
  return card;
}

function manualForm(ctx: Ctx): HTMLElement {
  const form = el("form", "card manual-finding");
  form.append(el("h2", "section-title", "Add a finding"));
  const title = input("", "title");
  const area = select(AREAS.map((a) => [a, AREA_LABELS[a]] as const), "transfer-climate", "area");
  const severity = select(SEVERITIES.map((s) => [s, SEVERITY_LABELS[s]] as const), "medium", "severity");
  const rationale = textarea("", "rationale", 2);
  const recommendation = textarea("", "recommendation", 2);
  const problem = el("p", "problem");
  problem.setAttribute("role", "alert");
  const submit = el("button", "btn btn-primary", "Add finding");
  submit.type = "submit";
  form.append(field("Title", title), field("Area", area), field("Severity", severity), field("What you saw", rationale), field("Recommendation", recommendation), problem, submit);
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    if (!title.value.trim()) {
      problem.textContent = "A finding needs a title.";
      title.focus();
      return;
    }
    const finding: ManualFinding = {
      id: "",
      title: title.value.trim(),
      severity: severity.value as Severity,
      pillar: area.value as Area,
      subjects: {},
      rationale: rationale.value,
      recommendation: recommendation.value,
    };
    try {
      await ctx.edited((await ctx.api.putFinding(finding)).history);
      ctx.go("findings");
    } catch (e) {
      ctx.fail(e);
    }
  });
  return form;
}
