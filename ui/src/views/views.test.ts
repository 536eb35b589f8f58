// @vitest-environment happy-dom
// Tests of the views against a fake shell: what each shows (as text), and which commands its controls invoke.

import { beforeEach, describe, expect, it } from "vitest";
import type { Ctx } from "../ctx";
import type { Command } from "../bindings/commands";
import type { CoverageView, FindingsView, Info, Lists, LiveQuestion, LiveSession, LiveView, ResponseSummary } from "../bindings/trellis";
import { fakeShell, INFO, settle, type Answers, type Invocation } from "../fake.test-support";
import { Api } from "../ipc";
import { renderCoverage } from "./coverage";
import { renderExport } from "./export";
import { renderFindings } from "./findings";
import { renderHome } from "./home";
import { renderModel } from "./model";
import { stagePicker } from "./relations";
import { renderWorkshop } from "./workshop";

const LISTS: Lists = {
  roles: [{ id: "r1", name: "<b>Driver</b>", description: "", group: "Fleet", headcount: 10, refs: [] }],
  competencies: [
    { id: "c1", name: "Load securing", description: "", category: "Safety", parent: null, refs: [] },
    { id: "c2", name: "Route planning", description: "", category: "Planning", parent: null, refs: [] },
  ],
  channels: [
    { id: "k1", name: "Toolbox talk", kind: "formal", description: "", capacity: null, cohorts_per_year: null, cost: null, cost_basis: null, hours: null, evaluation_level: 1 },
  ],
  groups: ["Fleet"],
  categories: ["Planning", "Safety"],
};

const HISTORY = { can_undo: true, can_redo: false };

function context(answers: Answers) {
  const shell = fakeShell({ history: HISTORY, engagement_info: INFO, ...answers });
  const went: [string, string | undefined][] = [];
  const failed: unknown[] = [];
  const ctx: Ctx = {
    api: new Api(shell.call),
    info: INFO as Info,
    go: (view, arg) => void went.push([view, arg]),
    edited: async () => {},
    opened: () => {},
    fail: (e) => void failed.push(e),
    notify: () => {},
  };
  return { ctx, calls: shell.calls, went, failed };
}

function last(calls: Invocation[], cmd: Command): Record<string, unknown> | undefined {
  return [...calls].reverse().find((c) => c.cmd === cmd)?.args;
}

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement("div");
  document.body.replaceChildren(root);
});

describe("Home", () => {
  it("creates an engagement at the typed path with today's date", async () => {
    const { ctx, calls } = context({ templates: [{ name: "demo", summary: "Freight" }], recent_engagements: [], engagement_create: INFO });
    await renderHome(root, ctx);
    (root.querySelector("input[name=client]") as HTMLInputElement).value = "Acme";
    (root.querySelector("input[name=path]") as HTMLInputElement).value = "/tmp/acme";
    root.querySelector("form")!.dispatchEvent(new Event("submit"));
    await settle();
    expect(last(calls, "engagement_create")).toMatchObject({ path: "/tmp/acme.trellis", template: "demo", client: "Acme" });
    expect(String(last(calls, "engagement_create")?.["today"])).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("lists recent engagements as text and opens one", async () => {
    const recent = [{ path: "/x/a.trellis", name: "<i>A</i>", client: "" }];
    const { ctx, calls } = context({ templates: [], recent_engagements: recent, engagement_open: INFO });
    await renderHome(root, ctx);
    expect(root.querySelector(".recent-name")?.textContent).toBe("<i>A</i>");
    expect(root.querySelector(".recent i")).toBeNull();
    (root.querySelector(".recent-item") as HTMLButtonElement).click();
    await settle();
    expect(last(calls, "engagement_open")).toEqual({ path: "/x/a.trellis" });
  });
});

describe("Model editor", () => {
  it("lists roles as text, searches, and saves a renamed role at once", async () => {
    const links = { requires: [], develops: [], reaches: [], follows: [], prerequisites: [] };
    const { ctx, calls } = context({ model_lists: LISTS, item_links: links, apply_edit: { id: null, history: HISTORY } });
    await renderModel(root, ctx, "role:r1");
    await settle();
    expect(root.querySelector(".item-name")?.textContent).toBe("<b>Driver</b>");
    expect(root.querySelector(".editor b")).toBeNull();
    const name = root.querySelector(".item-form input[name=name]") as HTMLInputElement;
    name.value = "Night driver";
    name.dispatchEvent(new Event("change", { bubbles: true }));
    await settle();
    expect(last(calls, "apply_edit")).toMatchObject({ edit: { op: "put_role", id: "r1", name: "Night driver", group: "Fleet" } });
    expect(root.querySelector(".item-name")?.textContent).toBe("Night driver");
  });

  it("refuses an empty name before saving and shows why", async () => {
    const links = { requires: [], develops: [], reaches: [], follows: [], prerequisites: [] };
    const { ctx, calls } = context({ model_lists: LISTS, item_links: links });
    await renderModel(root, ctx, "role:r1");
    await settle();
    const name = root.querySelector(".item-form input[name=name]") as HTMLInputElement;
    name.value = "  ";
    name.dispatchEvent(new Event("change", { bubbles: true }));
    await settle();
    expect(calls.some((c) => c.cmd === "apply_edit")).toBe(false);
    expect(root.querySelector(".item-form .problem")?.textContent).toContain("needs a name");
  });

  it("shows an invalid edit's refusal in the form, chosen by its code", async () => {
    const links = { requires: [], develops: [], reaches: [], follows: [], prerequisites: [] };
    const { ctx, failed } = context({
      model_lists: LISTS,
      item_links: links,
      apply_edit: () => Promise.reject({ code: "invalid", message: "role 'r1': field `headcount`: -1 is negative" }),
    });
    await renderModel(root, ctx, "role:r1");
    await settle();
    root.querySelector(".item-form")!.dispatchEvent(new Event("change"));
    await settle();
    expect(failed).toEqual([]);
    expect(root.querySelector(".item-form .problem-detail")?.textContent).toContain("headcount");
  });

  it("shows a channel's hours, cohorts, cost basis and the engagement's currency, and saves each", async () => {
    const links = { requires: [], develops: [], reaches: [], follows: [], prerequisites: [] };
    const lists: Lists = { ...LISTS, channels: [{ ...LISTS.channels[0]!, hours: 1.5, cohorts_per_year: 4, cost: 120, cost_basis: "per-cohort" }] };
    const { ctx, calls } = context({ model_lists: lists, item_links: links, apply_edit: { id: null, history: HISTORY } });
    ctx.info = { ...INFO, engagement: { ...INFO.engagement, currency: "EUR" } } as Info;
    await renderModel(root, ctx, "channel:k1");
    await settle();
    const form = root.querySelector(".item-form")!;
    const hours = form.querySelector("input[name=hours]") as HTMLInputElement;
    const cohorts = form.querySelector("input[name=cohorts_per_year]") as HTMLInputElement;
    const basis = form.querySelector("select[name=cost_basis]") as HTMLSelectElement;
    expect([hours.value, cohorts.value, basis.value]).toEqual(["1.5", "4", "per-cohort"]);
    expect([...basis.options].map((o) => o.textContent)).toEqual(["Not given", "Per person", "Per cohort", "Per year"]);
    expect(form.querySelector("input[name=cost]")?.parentElement?.textContent).toBe("EUR");
    const evaluation = form.querySelector("select[name=evaluation_level]") as HTMLSelectElement;
    expect([...evaluation.options].map((o) => o.value)).toEqual(["0", "1", "2", "3", "4", "5"]);

    hours.value = "6";
    cohorts.value = "10";
    basis.value = "per-year";
    evaluation.value = "5";
    hours.dispatchEvent(new Event("change", { bubbles: true }));
    await settle();
    expect(last(calls, "apply_edit")).toMatchObject({
      edit: { op: "put_channel", id: "k1", hours: 6, cohorts_per_year: 10, cost: 120, cost_basis: "per-year", evaluation_level: 5 },
    });

    hours.value = "";
    cohorts.value = "";
    basis.value = "";
    hours.dispatchEvent(new Event("change", { bubbles: true }));
    await settle();
    expect(last(calls, "apply_edit")).toMatchObject({ edit: { op: "put_channel", hours: null, cohorts_per_year: null, cost_basis: null } });
  });

  it("leaves the rule on cohorts to the core and shows its refusal beside the field", async () => {
    const links = { requires: [], develops: [], reaches: [], follows: [], prerequisites: [] };
    const { ctx, calls, failed } = context({
      model_lists: LISTS,
      item_links: links,
      apply_edit: () => Promise.reject({
        code: "invalid",
        message: "invalid model:\n  - channel 'k1': field `cohorts_per_year`: 0 is not a positive number of cohorts",
        fields: [{ field: "cohorts_per_year", message: "0 is not a positive number of cohorts" }],
      }),
    });
    await renderModel(root, ctx, "channel:k1");
    await settle();
    const cohorts = root.querySelector(".item-form input[name=cohorts_per_year]") as HTMLInputElement;
    const beside = () => [...cohorts.closest(".field")!.querySelectorAll(".field-problem")].map((p) => p.textContent);
    cohorts.value = "0";
    cohorts.dispatchEvent(new Event("change", { bubbles: true }));
    await settle();
    expect(last(calls, "apply_edit")).toMatchObject({ edit: { cohorts_per_year: 0 } });
    expect(failed).toEqual([]);
    expect(beside()).toEqual(["0 is not a positive number of cohorts"]);
    expect(cohorts.getAttribute("aria-invalid")).toBe("true");
    expect(root.querySelector(".item-form .messages")?.textContent).toBe("Not saved: this change breaks a rule of the model.");
    cohorts.value = "1.5";
    cohorts.dispatchEvent(new Event("change", { bubbles: true }));
    await settle();
    expect(calls.filter((c) => c.cmd === "apply_edit").length).toBe(1);
    expect(beside()).toEqual(["Cohorts a year is a whole number, or empty."]);
  });

  it("says where to set the currency when the engagement has none", async () => {
    const links = { requires: [], develops: [], reaches: [], follows: [], prerequisites: [] };
    const { ctx } = context({ model_lists: LISTS, item_links: links });
    await renderModel(root, ctx, "channel:k1");
    await settle();
    const cost = root.querySelector(".item-form input[name=cost]")!.closest(".field")!;
    expect(cost.querySelector(".unit")?.textContent).toBe("");
    expect(cost.querySelector(".field-hint")?.textContent).toContain("Engagement tab");
  });

  it("edits the engagement's currency, and an empty one is none", async () => {
    const { ctx, calls } = context({ model_lists: LISTS, apply_edit: { id: null, history: HISTORY } });
    ctx.info = { ...INFO, engagement: { ...INFO.engagement, currency: "GBP" } } as Info;
    await renderModel(root, ctx, "engagement");
    const currency = root.querySelector(".item-form input[name=currency]") as HTMLInputElement;
    expect(currency.value).toBe("GBP");
    currency.value = " EUR ";
    currency.dispatchEvent(new Event("change", { bubbles: true }));
    await settle();
    expect(last(calls, "apply_edit")).toMatchObject({ edit: { op: "set_engagement", currency: "EUR", client: "Northmere" } });
    currency.value = "";
    currency.dispatchEvent(new Event("change", { bubbles: true }));
    await settle();
    expect(last(calls, "apply_edit")).toMatchObject({ edit: { op: "set_engagement", currency: null } });
  });

  it("shows the core's refusal of a currency beside the currency field", async () => {
    const refusal = { field: "currency", message: "`EURO` is not an active ISO 4217 currency code (such as EUR, GBP, USD)" };
    const { ctx, calls } = context({
      model_lists: LISTS,
      apply_edit: () => Promise.reject({ code: "invalid", message: `invalid model:\n  - engagement: field \`currency\`: ${refusal.message}`, fields: [refusal] }),
    });
    await renderModel(root, ctx, "engagement");
    const currency = root.querySelector(".item-form input[name=currency]") as HTMLInputElement;
    currency.value = "EURO";
    currency.dispatchEvent(new Event("change", { bubbles: true }));
    await settle();
    expect(last(calls, "apply_edit")).toMatchObject({ edit: { op: "set_engagement", currency: "EURO" } });
    expect(currency.closest(".field")?.querySelector(".field-problem")?.textContent).toBe(refusal.message);
    expect(root.querySelector(".problem-detail")).toBeNull();
  });

  it("links a role to a competency with levels and criticality", async () => {
    const links = { requires: [], develops: [], reaches: [], follows: [], prerequisites: [] };
    const { ctx, calls } = context({ model_lists: LISTS, item_links: links, apply_edit: { id: null, history: HISTORY } });
    await renderModel(root, ctx, "role:r1");
    await settle();
    const row = root.querySelector("[data-relation=Requires] .add-row")!;
    (row.querySelector("select[name=competency]") as HTMLSelectElement).value = "c2";
    (row.querySelector("input[name=current]") as HTMLInputElement).value = "1";
    (row.querySelector("select[name=criticality]") as HTMLSelectElement).value = "high";
    (row.querySelector("[data-action='add-Requires']") as HTMLButtonElement).click();
    await settle();
    expect(last(calls, "apply_edit")).toEqual({
      edit: { op: "put_requires", role: "r1", competency: "c2", target_level: 3, current_level: 1, criticality: "high" },
    });
  });
});

describe("Coverage", () => {
  const view: CoverageView = {
    mean_integration: 1,
    roles: [{ id: "r1", name: "<b>Driver</b>", group: "Fleet" }],
    competencies: [{ id: "c1", name: "Load securing", group: "Safety" }],
    cells: [{ role: "r1", competency: "c1", stages: ["introduce"], integration: 1, criticality: "high", target_level: 4 }],
    kinds: ["formal", "coaching"],
    kind_rows: [{ competency: "c1", counts: [1, 0] }],
    grouped: null,
  };

  it("explains a cell with the channels that cover it", async () => {
    const { ctx, calls } = context({ coverage_view: view, coverage_cell: [{ id: "k1", name: "Toolbox talk", kind: "formal", stages: ["introduce"] }] });
    await renderCoverage(root, ctx);
    expect(root.querySelector(".heatmap .row-head")?.textContent).toBe("<b>Driver</b>");
    (root.querySelector(".heatmap button.cell") as HTMLButtonElement).click();
    await settle();
    expect(last(calls, "coverage_cell")).toEqual({ query: { role: "r1", competency: "c1", kind: null } });
    expect(root.querySelector(".cell-detail")?.textContent).toContain("Missing: practice, feedback, support.");
    // The channel's kind and stages read as their labels, from the generated vocabularies.
    expect(root.querySelector(".cell-channels")?.textContent).toBe("Toolbox talk Formal trainingIntroduce");
    (root.querySelector(".kinds button.cell") as HTMLButtonElement).click();
    await settle();
    expect(last(calls, "coverage_cell")).toEqual({ query: { role: null, competency: "c1", kind: "formal" } });
  });

  it("shows groups and categories for a large engagement", async () => {
    const grouped = { ...view, roles: [], competencies: [], cells: [], kind_rows: [], grouped: { groups: ["G1"], categories: ["C1", "C2"], cells: [[2.5, null]] } };
    const { ctx } = context({ coverage_view: grouped });
    await renderCoverage(root, ctx);
    expect(root.querySelector(".heatmap")?.textContent).toContain("2.5");
  });
});

describe("Findings", () => {
  const view: FindingsView = {
    themes: [
      {
        key: "unreachable:group:<i>Ops</i>",
        title: "<i>Ops</i>: all 30 people need 1 competency that nothing open to them develops",
        severity: "high",
        area: "beyond-training",
        people: 30,
        findings: 1,
        examples: ["Triage (<b>Driver</b>)"],
        recommendation: "Open a route. Start with Triage.",
      },
    ],
    theme_total: 3,
    rows: [
      {
        key: "unreachable:c1,r1",
        code: "unreachable",
        severity: "high",
        area: "beyond-training",
        title: "Nothing reaches it",
        subjects: [{ kind: "role", id: "r1", name: "<b>Driver</b>" }],
        rationale: "Why",
        recommendation: "Do this",
        status: null,
        note: "",
        manual: false,
      },
    ],
    matching: 1,
    total: 1,
    codes: [{ code: "unreachable", count: 1 }],
    areas: [{ area: "coaching", title: "Coaching and feedback", score: 40, structural: 40, perceived: null, respondents: 0, open_findings: 1 }],
    maturity_level: 2,
    maturity_label: "Coordinated programmes",
    evidence: "The model scores one of the six areas (not <b>the rest</b>).",
    summary: "",
  };

  it("links subjects to the map and records a verdict with its note", async () => {
    const { ctx, calls, went } = context({ findings_view: view, dispose_finding: HISTORY });
    await renderFindings(root, ctx);
    expect(root.querySelector(".maturity-level")?.textContent).toBe("Level 2");
    // Severity and area read as their labels, from the generated vocabularies.
    expect(root.querySelector(".finding .badge")?.textContent).toBe("High");
    expect(root.querySelector(".finding .finding-area")?.textContent).toBe("Learning beyond training");
    expect(root.querySelector(".maturity-evidence")?.textContent).toBe("The model scores one of the six areas (not <b>the rest</b>).");
    const theme = root.querySelector(".theme-list .theme") as HTMLElement;
    expect(theme.querySelector(".theme-title")?.textContent).toBe("high <i>Ops</i>: all 30 people need 1 competency that nothing open to them develops");
    expect(theme.querySelector("i")).toBeNull();
    expect(theme.querySelector(".theme-numbers")?.textContent).toBe("30 people · 1 finding · e.g. Triage (<b>Driver</b>)");
    expect(root.querySelector(".themes h2")?.textContent).toBe("Themes, most impact first (the first 1 of 3)");
    const chip = root.querySelector(".finding .chip") as HTMLButtonElement;
    expect(chip.textContent).toBe("<b>Driver</b>");
    chip.click();
    expect(went).toContainEqual(["map", "r1"]);
    (root.querySelector(".finding input[name=note]") as HTMLInputElement).value = "Seen on site";
    [...root.querySelectorAll<HTMLButtonElement>(".finding-actions button")].find((b) => b.textContent === "Dismiss")!.click();
    await settle();
    expect(last(calls, "dispose_finding")).toEqual({ key: "unreachable:c1,r1", verdict: "dismissed", note: "Seen on site" });
  });

  it("filters by area and saves the summary and manual findings", async () => {
    const { ctx, calls } = context({ findings_view: view, set_summary: HISTORY, put_manual_finding: { id: "m1", history: HISTORY } });
    await renderFindings(root, ctx);
    const area = root.querySelector(".filters select[name=area]") as HTMLSelectElement;
    area.value = "coaching";
    area.dispatchEvent(new Event("change"));
    const summary = root.querySelector("textarea[name=summary]") as HTMLTextAreaElement;
    summary.value = "Courses only.";
    summary.dispatchEvent(new Event("change"));
    const form = root.querySelector(".manual-finding") as HTMLFormElement;
    form.dispatchEvent(new Event("submit"));
    expect(form.querySelector(".problem")?.textContent).toContain("needs a title");
    (form.querySelector("input[name=title]") as HTMLInputElement).value = "Managers never ask";
    form.dispatchEvent(new Event("submit"));
    await settle();
    expect(last(calls, "set_summary")).toEqual({ text: "Courses only." });
    expect(last(calls, "put_manual_finding")).toMatchObject({ finding: { id: "", title: "Managers never ask", pillar: "transfer-climate" } });
    await renderFindings(document.createElement("div"), ctx);
    expect(last(calls, "findings_view")).toEqual({ query: { area: "coaching", severity: null, code: null, status: null, limit: null } });
  });
});

const NO_ANSWERS: ResponseSummary = { anonymity_threshold: 5, respondents: 0, areas: [], questions: [] };

describe("Workshop", () => {
  it("records each participant's score for the question on screen", async () => {
    const bank = { id: "core", version: 1, title: "Core", description: "", questions: [{ id: "q1", area: "coaching", text: "<b>Q1</b>?", help: "" }] };
    const { ctx, calls, went } = context({ banks: [bank], answer: HISTORY, live_status: null, response_summary: NO_ANSWERS });
    await renderWorkshop(root, ctx);
    (root.querySelector("textarea[name=participants]") as HTMLTextAreaElement).value = "Table 1\nTable 2";
    root.querySelector("form")!.dispatchEvent(new Event("submit"));
    expect(went.at(-1)).toEqual(["workshop", undefined]);
    root = document.createElement("div");
    await renderWorkshop(root, ctx);
    expect(root.querySelector(".question-text")?.textContent).toBe("<b>Q1</b>?");
    expect(root.querySelectorAll(".answer-row").length).toBe(2);
    (root.querySelector("[data-participant='Table 2'] .score[data-score='3']") as HTMLButtonElement).click();
    await settle();
    expect(last(calls, "answer")).toMatchObject({ response: { bank: "core", question: "q1", respondent: "Table 2", score: 3 } });
    expect(root.querySelector(".answered")?.textContent).toBe("1 of 2 answered");
  });

  it("sends the respondent type chosen for the room with each answer", async () => {
    const bank = { id: "core", version: 1, title: "Core", description: "", questions: [{ id: "q1", area: "coaching", text: "Q1?", help: "" }] };
    const { ctx, calls } = context({ banks: [bank], answer: HISTORY, live_status: null, response_summary: NO_ANSWERS });
    window.dispatchEvent(new Event("trellis:engagement-changed"));
    await renderWorkshop(root, ctx);
    const kind = root.querySelector("select[name=respondent_type]") as HTMLSelectElement;
    expect([...kind.options].map((o) => o.textContent)).toEqual(["Not said", "Learner", "Manager", "Learning and development", "Senior leader"]);
    kind.value = "manager";
    (root.querySelector("textarea[name=participants]") as HTMLTextAreaElement).value = "Table 1";
    (root.querySelector("input[name=group]") as HTMLInputElement).value = "Depot leads";
    root.querySelector("form")!.dispatchEvent(new Event("submit"));
    root = document.createElement("div");
    await renderWorkshop(root, ctx);
    (root.querySelector("[data-participant='Table 1'] .score[data-score='4']") as HTMLButtonElement).click();
    await settle();
    expect(last(calls, "answer")).toMatchObject({ response: { respondent: "Table 1", group: "Depot leads", respondent_type: "manager", score: 4 } });
    window.dispatchEvent(new Event("trellis:engagement-changed"));
  });

  it("lists the answers already saved, shows a bank's summary, and deletes one participant's answers", async () => {
    const bank = { id: "core", version: 1, title: "<b>Core</b>", description: "", questions: [
      { id: "q1", area: "coaching", text: "Q1?", help: "" }, { id: "q2", area: "coaching", text: "Q2?", help: "" }] };
    const saved: ResponseSummary = { anonymity_threshold: 5, respondents: 3, areas: [], questions: [
      { bank: "core", question: "q1", area: "coaching", text: "Q1?", prompt: false, distribution: [0, 1, 0, 2, 0], dont_know: 1, mean: 3.33, notes: [] }] };
    const notes: string[] = [];
    const { ctx, calls, went } = context({ banks: [bank], live_status: null, response_summary: saved,
      withdraw_answers: { answers: 2, history: HISTORY } });
    ctx.notify = (text) => void notes.push(text);
    window.dispatchEvent(new Event("trellis:engagement-changed"));
    await renderWorkshop(root, ctx);
    expect(root.querySelector(".saved-answers li span")?.textContent).toBe("<b>Core</b>: 4 answers");
    expect(root.querySelector(".saved-answers b")).toBeNull();
    const form = root.querySelector(".saved-forget") as HTMLFormElement;
    (form.querySelector("input[name=respondent]") as HTMLInputElement).value = " Table 2 ";
    window.confirm = () => false;
    form.dispatchEvent(new Event("submit"));
    await settle();
    expect(calls.some((c) => c.cmd === "withdraw_answers")).toBe(false);
    window.confirm = () => true;
    form.dispatchEvent(new Event("submit"));
    await settle();
    expect(last(calls, "withdraw_answers")).toEqual({ respondent: "Table 2" });
    expect(notes.at(-1)).toBe("Deleted 2 answers from Table 2.");
    (root.querySelector(".saved-answers [data-bank=core]") as HTMLButtonElement).click();
    expect(went.at(-1)).toEqual(["workshop", undefined]);
    root = document.createElement("div");
    await renderWorkshop(root, ctx);
    expect(root.querySelector("h1")?.textContent).toBe("Answers: <b>Core</b>");
    const rows = root.querySelectorAll(".summary-table tr");
    expect(rows.length).toBe(3);
    expect(rows[1]?.textContent).toContain("Q1?");
    expect(rows[1]?.querySelector(".num")?.textContent).toBe("4");
    window.dispatchEvent(new Event("trellis:engagement-changed"));
  });
});

const LIVE_BANK = { id: "core", version: 1, title: "Core", description: "", questions: [{ id: "q1", area: "coaching", text: "Q1?", help: "" }] };

function liveSession(over: Partial<LiveView> = {}): LiveSession {
  const q = (id: string, number: number, state: LiveQuestion["state"], answers: number): LiveQuestion => ({
    id, number, area: "coaching", text: `<i>Question ${number}</i>`, state, answers,
    distribution: [0, 0, 1, answers > 1 ? answers - 1 : 0, 0], dont_know: 0, mean: answers ? 3.5 : null,
    groups: [], hidden_groups: 1, notes: answers ? ["<script>alert(1)</script> more practice"] : [],
  });
  return {
    join_url: "http://192.168.1.20:8080/#K7PQ3X", other_urls: ["http://10.0.0.5:8080/#K7PQ3X"], join_code: "K7PQ3X",
    qr_svg: '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>', listen: "0.0.0.0:8080", bank: "core", resumed: false,
    live: { session: "s1", bank: "core", title: "Core", ended: false, participants: 12, anonymity_threshold: 5, current: "q1",
      questions: [q("q1", 1, "open", 2), q("q2", 2, "waiting", 0)], ...over },
  };
}

describe("Live session", () => {
  it("starts nothing until asked, then listens on the address and port chosen", async () => {
    const { ctx, calls, went } = context({ banks: [LIVE_BANK], live_status: null, live_start: liveSession(), response_summary: NO_ANSWERS });
    window.dispatchEvent(new Event("trellis:engagement-changed")); // forget the earlier test's workshop
    await renderWorkshop(root, ctx);
    expect(calls.some((c) => c.cmd === "live_start")).toBe(false);
    const form = root.querySelector(".live-start") as HTMLFormElement;
    (form.querySelector("input[name=live-port]") as HTMLInputElement).value = "70000";
    form.dispatchEvent(new Event("submit"));
    expect(form.querySelector(".problem")?.textContent).toContain("1 to 65535");
    expect(calls.some((c) => c.cmd === "live_start")).toBe(false);
    (form.querySelector("select[name=live-host]") as HTMLSelectElement).value = "127.0.0.1";
    (form.querySelector("input[name=live-port]") as HTMLInputElement).value = "8090";
    form.dispatchEvent(new Event("submit"));
    await settle();
    expect(last(calls, "live_start")).toEqual({ listen: "127.0.0.1:8090", bank: "core" });
    expect(went.at(-1)).toEqual(["workshop", undefined]);
  });

  it("shows how to join, the open question and its answers as text, and steers the session", async () => {
    const { ctx, calls } = context({ live_status: liveSession(), live_control: liveSession({ current: "q2" }) });
    await renderWorkshop(root, ctx);
    const img = root.querySelector(".live-qr") as HTMLImageElement;
    expect(img.src.startsWith("data:image/svg+xml")).toBe(true);
    expect(root.querySelector(".live-code")?.textContent).toBe("K7PQ3X");
    expect(root.querySelector(".live-stage .question-text")?.textContent).toBe("<i>Question 1</i>");
    expect(root.querySelector(".live-notes li")?.textContent).toBe("<script>alert(1)</script> more practice");
    expect(root.querySelector("script")).toBeNull();
    expect(root.querySelector(".live-tally")?.textContent).toBe("2 answers · 12 joined · mean 3.5");
    expect(root.querySelector(".live-stage")?.textContent).toContain("1 group below 5 people not shown");
    (root.querySelector("[data-action=live-next]") as HTMLButtonElement).click();
    await settle();
    expect(last(calls, "live_control")).toEqual({ action: { action: "next" } });
    expect(root.querySelector(".live-stage .question-text")?.textContent).toBe("<i>Question 2</i>");
    (root.querySelector("[data-question=q1]") as HTMLButtonElement).click();
    await settle();
    expect(last(calls, "live_control")).toEqual({ action: { action: "open", question: "q1" } });
  });

  it("deletes one participant's answers by their anonymous id, after asking", async () => {
    const { ctx, calls } = context({ live_status: liveSession(), live_control: liveSession() });
    await renderWorkshop(root, ctx);
    const form = root.querySelector(".live-forget") as HTMLFormElement;
    (form.querySelector("input[name=respondent]") as HTMLInputElement).value = " ws-0011 ";
    window.confirm = () => false;
    form.dispatchEvent(new Event("submit"));
    await settle();
    expect(calls.some((c) => c.cmd === "live_control")).toBe(false);
    window.confirm = () => true;
    form.dispatchEvent(new Event("submit"));
    await settle();
    expect(last(calls, "live_control")).toEqual({ action: { action: "remove-participant", respondent: "ws-0011" } });
  });

  it("stops serving and reads the saved answers into the engagement", async () => {
    const { ctx, calls, went } = context({ live_status: liveSession(), live_stop: INFO });
    await renderWorkshop(root, ctx);
    (root.querySelector("[data-action=live-stop]") as HTMLButtonElement).click();
    await settle();
    expect(calls.some((c) => c.cmd === "live_stop")).toBe(true);
    expect(went.at(-1)).toEqual(["workshop", undefined]);
  });
});

describe("Export", () => {
  it("writes the blueprint with the chosen layout and date, then offers to open it", async () => {
    const { ctx, calls } = context({ blueprint_layouts: ["default", "board-brief"], export_blueprint: { path: "/tmp/b.pdf", bytes: 150000 } });
    await renderExport(root, ctx);
    const card = root.querySelector("[data-export=pdf]") as HTMLFormElement;
    (card.querySelector("select[name=layout]") as HTMLSelectElement).value = "board-brief";
    (card.querySelector("input[name=pdf-path]") as HTMLInputElement).value = "/tmp/b";
    card.dispatchEvent(new Event("submit"));
    await settle();
    expect(last(calls, "export_blueprint")).toMatchObject({
      path: "/tmp/b.pdf",
      request: { layout: "board-brief", logo: null, no_finding_list: false },
    });
    expect(card.querySelector(".done")?.textContent).toContain("/tmp/b.pdf");
    (card.querySelector("input[name=finding-list]") as HTMLInputElement).checked = false;
    card.dispatchEvent(new Event("submit"));
    await settle();
    expect(last(calls, "export_blueprint")).toMatchObject({ request: { no_finding_list: true } });
  });
});

describe("stage picker", () => {
  it("sets several stages on one develops link and never none", () => {
    const seen: string[][] = [];
    const picker = stagePicker(["practice"], "for Triage", (s) => seen.push(s));
    const ticks = [...picker.box.querySelectorAll("input")];
    const [, practice, feedback] = ticks as [HTMLInputElement, HTMLInputElement, HTMLInputElement];
    expect(ticks.map((t) => t.getAttribute("aria-label"))).toEqual([
      "Introduce for Triage",
      "Practice for Triage",
      "Feedback for Triage",
      "Support for Triage",
    ]);
    expect(picker.box.textContent).toBe(" Introduce Practice Feedback Support");
    feedback.checked = true;
    feedback.dispatchEvent(new Event("change"));
    expect(seen).toEqual([["practice", "feedback"]]);
    practice.checked = false;
    practice.dispatchEvent(new Event("change"));
    feedback.checked = false;
    feedback.dispatchEvent(new Event("change"));
    expect(seen).toEqual([["practice", "feedback"], ["feedback"]]);
    expect(picker.chosen()).toEqual(["feedback"]);
  });
});
