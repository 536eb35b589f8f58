// Tests of the views' logic without the DOM: search and form checks, map elements and drill-down,
// the heatmap's scale, the findings' filters and chart, the facilitator's progress.

import { describe, expect, it } from "vitest";
import type { CoverageView, LiveQuestion, LiveView, MapGraph, QuestionResult, ResponseSummary, Role } from "../bindings/trellis";
import { today } from "../ipc";
import { fileStem } from "../views/export";
import { cellIndex, describeCell, heat, HEAT, missingStages, requiredColumns } from "./coverage";
import { bars, countLine, queryOf } from "./findings";
import { caption, colourOf, drillInto, elements, emptyQuery, layeredPositions, layout } from "./map";
import { checkChannel, checkEngagement, checkRole, levelLabel, parseLevel, parseOptionalText, parseOptionalWhole, search } from "./model";
import { bars as liveBars, controls, listenAddress, qrImage, tallyLine } from "./live";
import { answered, answersByBank, answersTo, move, parseParticipants, progress, record, start } from "./scored";
import { counted } from "./words";

const role = (name: string, group = ""): Role => ({ id: name, name, description: "", group, headcount: 1, refs: [] });

describe("model editor logic", () => {
  it("search matches every word in the name or the class, ignoring case", () => {
    const items = [role("Shift lead", "Operations"), role("Driver", "Fleet"), role("Planner", "Operations")];
    expect(search(items, "").length).toBe(3);
    expect(search(items, "OPER", (r) => r.group).map((r) => r.name)).toEqual(["Shift lead", "Planner"]);
    expect(search(items, "lead oper", (r) => r.group).map((r) => r.name)).toEqual(["Shift lead"]);
  });

  it("checks forms before saving", () => {
    expect(checkRole(role(" "))[0]?.field).toBe("name");
    expect(checkRole({ ...role("x"), headcount: -1 })[0]?.field).toBe("headcount");
    const ch = { id: "c", name: "Course", kind: "formal" as const, description: "", capacity: 2.5, cohorts_per_year: null, cost: null, cost_basis: null, hours: null, evaluation_level: 0 };
    expect(checkChannel(ch).map((p) => p.field)).toEqual(["capacity"]);
    expect(checkChannel({ ...ch, capacity: null, cost: Number.NaN }).map((p) => p.field)).toEqual(["cost"]);
    const e = { name: "E", client: "", consultant: "", created: "2026-01-15", scale: { min: 0, max: 5, labels: [] }, target_mix: { experiential: 70, social: 20, formal: 20 }, currency: null };
    expect(checkEngagement(e)[0]?.message).toContain("110");
  });

  it("parses levels on the scale", () => {
    const scale = { min: 0, max: 5, labels: ["None", "Awareness"] };
    expect(parseLevel("3", scale, false)).toBe(3);
    expect(parseLevel("", scale, true)).toBeNull();
    expect(parseLevel("", scale, false)).toHaveProperty("message");
    expect(parseLevel("6", scale, false)).toHaveProperty("message");
    expect(parseLevel("2.5", scale, false)).toHaveProperty("message");
    expect(levelLabel(1, scale)).toBe("1 · Awareness");
    expect(levelLabel(4, scale)).toBe("4");
  });

  it("reads optional whole numbers and text, an empty field as none, and leaves the limits to the core", () => {
    expect(parseOptionalWhole(" ", "cohorts_per_year", "whole")).toBeNull();
    expect(parseOptionalWhole("12", "cohorts_per_year", "whole")).toBe(12);
    expect(parseOptionalWhole("0", "cohorts_per_year", "whole")).toBe(0);
    expect(parseOptionalWhole("1.5", "cohorts_per_year", "whole")).toEqual({ field: "cohorts_per_year", message: "whole" });
    expect(parseOptionalText("  ")).toBeNull();
    expect(parseOptionalText(" EUR ")).toBe("EUR");
  });
});

describe("map logic", () => {
  const graph: MapGraph = {
    summary: false,
    items: 3,
    nodes: [
      { id: "r", kind: "role", label: "<script>x</script>", class: "Ops", count: 1 },
      { id: "c", kind: "competency", label: "Load", class: "Safety", count: 1 },
      { id: "k", kind: "channel", label: "Coach", class: "coaching", count: 1 },
    ],
    edges: [
      { source: "r", target: "c", kind: "requires", count: 1, criticality: "high" },
      { source: "k", target: "c", kind: "develops", count: 1, criticality: null },
    ],
  };

  it("turns the graph into Cytoscape elements coloured by kind", () => {
    const els = elements(graph);
    expect(els.filter((e) => e.group === "nodes").map((e) => e.data["label"])).toEqual(["<script>x</script>", "Load", "Coach"]);
    expect(els.find((e) => e.data["id"] === "k")?.data["colour"]).toBe(colourOf(graph.nodes[2]!));
    expect(colourOf(graph.nodes[2]!)).not.toBe(colourOf(graph.nodes[0]!));
    expect(els.find((e) => e.group === "edges" && e.data["kind"] === "requires")?.classes).toContain("critical");
  });

  it("summaries say how to drill in, and drilling sets the filter", () => {
    const summary: MapGraph = { summary: true, items: 16500, nodes: [{ id: "group:G1", kind: "group", label: "G1", class: "G1", count: 75 }], edges: [] };
    expect(caption(summary, emptyQuery())).toContain("16,500 items");
    expect(caption(summary, emptyQuery())).toContain("Double-click");
    expect(elements(summary)[0]?.data["label"]).toBe("G1 (75)");
    expect(drillInto(emptyQuery(), { kind: "group", class: "G1" }).group).toBe("G1");
    expect(drillInto(emptyQuery(), { kind: "category", class: "Safety" }).category).toBe("Safety");
    expect(drillInto(emptyQuery(), { kind: "channel-kind", class: "coaching" }).kinds).toEqual(["coaching"]);
    expect(caption(graph, { ...emptyQuery(), group: "Ops" })).toContain("role group “Ops”");
  });

  it("has a layered and a force layout, lighter on large maps", () => {
    expect(layout("layered", graph.nodes)["name"]).toBe("preset");
    expect(layout("force", graph.nodes)["name"]).toBe("cose");
    const many = Array.from({ length: 2000 }, (_, i) => ({ id: `n${i}`, kind: "role" as const, label: "", class: "", count: 1 }));
    expect(layout("force", many)["numIter"]).toBeLessThan(layout("force", graph.nodes)["numIter"] as number);
  });

  it("lays roles, competencies and channels out in bands, left to right", () => {
    const at = layeredPositions(graph.nodes);
    const x = (id: string) => at.get(id)!.x;
    expect(x("r")).toBeLessThan(x("c"));
    expect(x("c")).toBeLessThan(x("k"));
    const many = Array.from({ length: 90 }, (_, i) => ({ id: `c${i}`, kind: "competency" as const, label: `C${i}`, class: "", count: 1 }));
    const spread = layeredPositions([...graph.nodes, ...many]);
    const columns = new Set([...spread.values()].map((p) => p.x));
    expect(columns.size).toBeGreaterThan(3);
  });
});

describe("coverage logic", () => {
  const view: CoverageView = {
    mean_integration: 1.5,
    roles: [{ id: "r", name: "R", group: "" }],
    competencies: [{ id: "c1", name: "C1", group: "" }, { id: "c2", name: "C2", group: "" }],
    cells: [{ role: "r", competency: "c1", stages: ["introduce", "feedback"], integration: 2, criticality: "high", target_level: 4 }],
    kinds: ["formal"],
    kind_rows: [],
    grouped: null,
  };

  it("indexes cells, keeps required columns and names missing stages", () => {
    const cell = cellIndex(view).get("r|c1")!;
    expect(requiredColumns(view).map((c) => c.id)).toEqual(["c1"]);
    expect(missingStages(cell)).toEqual(["practice", "support"]);
    expect(describeCell(cell)).toBe("2 of 4 stages: introduce, feedback");
    expect(describeCell({ ...cell, stages: [], integration: 0 })).toContain("No channel");
  });

  it("colours from 0 to 4, clamped", () => {
    expect(heat(0)).toBe(HEAT[0]);
    expect(heat(4)).toBe(HEAT[4]);
    expect(heat(9)).toBe(HEAT[4]);
    expect(heat(2.4)).toBe(HEAT[2]);
  });
});

describe("findings logic", () => {
  it("builds the query from the filters", () => {
    expect(queryOf({ area: "", severity: "high", code: "", status: "open" })).toEqual({ area: null, severity: "high", code: null, status: "open", limit: null });
  });

  it("draws a bar per area and says what it rests on", () => {
    const [b, none, few] = bars([
      { area: "coaching", title: "Coaching and feedback", score: 42.4, structural: 50, perceived: 34.8, respondents: 12, open_findings: 1 },
      { area: "transfer-climate", title: "Transfer climate", score: null, structural: null, perceived: null, respondents: 0, open_findings: 0 },
      { area: "measurement", title: "Measurement of impact", score: 25, structural: 25, perceived: null, respondents: 3, open_findings: 0 },
    ]);
    expect(b).toMatchObject({ width: 42.4, text: "42 / 100", parts: "model 50 · workshop 35 (12 people) · 1 open finding" });
    expect(few?.parts).toBe("model 25 · 3 answered, too few to score · 0 open findings");
    expect(none).toMatchObject({ width: 0, text: "not scored yet", parts: "0 open findings" });
  });

  it("says how many findings are shown", () => {
    expect(countLine(3, 3, 3)).toBe("3 findings");
    expect(countLine(2, 2, 9)).toBe("2 of 9 findings match");
    expect(countLine(500, 12345, 12345)).toContain("Showing the first 500");
  });
});

describe("workshop logic", () => {
  const bank = {
    id: "core",
    version: 1,
    title: "Core",
    description: "",
    questions: [
      { id: "q1", area: "coaching" as const, text: "Q1", help: "" },
      { id: "q2", area: "measurement" as const, text: "Q2", help: "" },
    ],
  };

  it("reads participants one per line or comma, without repeats", () => {
    expect(parseParticipants("Table 1\n, Table 2,\nTable 1\n\n")).toEqual(["Table 1", "Table 2"]);
  });

  it("moves through the bank and finishes after the last question", () => {
    const w = start(bank, ["A", "B"], " Drivers ");
    expect(progress(w)).toEqual({ text: "Question 1 of 2", percent: 50 });
    move(w, -1);
    expect(w.index).toBe(0);
    move(w, 1);
    expect(progress(w).text).toBe("Question 2 of 2");
    move(w, 1);
    expect(w.finished).toBe(true);
  });

  it("records each participant's mark as an answer", () => {
    const w = start(bank, ["A", "B"], "Drivers");
    const r = record(w, "q1", "A", { score: 4, note: "on the job" }, "2026-02-01T10:00:00Z");
    expect(r).toEqual({ bank: "core", question: "q1", respondent: "A", group: "Drivers", respondent_type: null, score: 4, note: "on the job", at: "2026-02-01T10:00:00Z" });
    expect(answered(w)).toBe(1);
    expect(record(start(bank, ["A"], ""), "q1", "A", { score: null, note: "" }, "t").group).toBeNull();
  });

  it("sends the participants' respondent type with each answer", () => {
    const w = start(bank, ["A"], "Drivers", "manager");
    expect(record(w, "q1", "A", { score: 2, note: "" }, "t")).toMatchObject({ group: "Drivers", respondent_type: "manager" });
  });
});

describe("small helpers", () => {
  it("dates and file names", () => {
    expect(today(new Date(2026, 0, 5))).toBe("2026-01-05");
    expect(fileStem("Warehouse & Fleet <Review>")).toBe("warehouse-fleet-review");
    expect(fileStem("!!!")).toBe("engagement");
  });

  it("counts with the noun in the singular only for one, and totals answers by bank", () => {
    expect([counted(0, "answer"), counted(1, "answer"), counted(2, "open finding")]).toEqual(["0 answers", "1 answer", "2 open findings"]);
    const q = (bank: string, distribution: [number, number, number, number, number], dont_know: number): QuestionResult =>
      ({ bank, question: "q", area: "coaching", text: "", prompt: false, distribution, dont_know, mean: null, notes: [] });
    const all: ResponseSummary = { anonymity_threshold: 5, respondents: 0, areas: [], questions: [q("core", [1, 0, 2, 0, 0], 1), q("core", [0, 0, 0, 0, 1], 0), q("extra", [0, 0, 0, 0, 0], 2)] };
    expect(answersTo(all.questions[0]!)).toBe(4);
    expect([...answersByBank(all)]).toEqual([["core", 5], ["extra", 2]]);
  });
});

describe("live session logic", () => {
  const question = (id: string, number: number, state: LiveQuestion["state"]): LiveQuestion => ({
    id, number, area: "coaching", text: id, state, answers: 4, distribution: [1, 0, 2, 0, 0], dont_know: 1, mean: 2.33,
    groups: [], hidden_groups: 0, notes: [],
  });
  const view = (current: string | null, ended = false): LiveView => ({
    session: "s", bank: "core", title: "Core", ended, participants: 9, anonymity_threshold: 5, current,
    questions: [question("q1", 1, current === "q1" ? "open" : "closed"), question("q2", 2, current === "q2" ? "open" : "waiting")],
  });

  it("draws each score's share of the answers, don't know last", () => {
    const b = liveBars(question("q1", 1, "open"));
    expect(b.map((x) => [x.label, x.count, x.percent])).toEqual([
      ["1 not at all", 1, 25], ["2 a little", 0, 0], ["3 partly", 2, 50], ["4 mostly", 0, 0], ["5 fully", 0, 0], ["Don't know", 1, 25],
    ]);
    expect(liveBars({ ...question("q1", 1, "open"), answers: 0, distribution: [0, 0, 0, 0, 0], dont_know: 0 }).every((x) => x.percent === 0)).toBe(true);
  });

  it("offers the first question, then the next, and nothing after the last or the end", () => {
    expect(controls(view(null)).next).toEqual({ label: "Open the first question", enabled: true });
    expect(controls(view(null)).close).toBe(false);
    expect(controls(view("q1")).next).toEqual({ label: "Next question →", enabled: true });
    expect(controls(view("q1")).close).toBe(true);
    expect(controls(view("q2")).next.enabled).toBe(false);
    const ended = controls(view("q1", true));
    expect([ended.next.enabled, ended.close, ended.end]).toEqual([false, false, false]);
    expect(tallyLine(view("q1"), view("q1").questions[0])).toBe("4 answers · 9 joined · mean 2.3");
    expect(tallyLine(view(null), undefined)).toBe("9 joined");
  });

  it("listens on the chosen host and a valid port only, and draws the QR code as an image", () => {
    expect(listenAddress("0.0.0.0", " 8080 ")).toEqual({ listen: "0.0.0.0:8080" });
    expect(listenAddress("::", "8080")).toEqual({ listen: "[::]:8080" });
    for (const bad of ["", "0", "65536", "80.5", "port"]) expect("problem" in listenAddress("0.0.0.0", bad)).toBe(true);
    expect(qrImage('<svg a="b">&</svg>')).toBe("data:image/svg+xml;charset=utf-8,%3Csvg%20a%3D%22b%22%3E%26%3C%2Fsvg%3E");
  });
});
