// @vitest-environment happy-dom
// Tests of the studio's frame: start-up, views, undo and redo, errors chosen by code, menus, names as text.

import { describe, expect, it } from "vitest";
import { Studio, windowTitle } from "./app";
import type { ErrorCode } from "./bindings/trellis";
import { ERROR_VIEWS, errorView, toApiError } from "./errors";
import { fakeShell, INFO, settle, type Answers } from "./fake.test-support";
import { Api } from "./ipc";

const BASE = {
  engagement_info: INFO,
  history: { can_undo: false, can_redo: false },
  templates: [{ name: "demo", summary: "A warehouse and fleet" }],
  recent_engagements: [],
};

async function started(extra: Answers = {}) {
  const shell = fakeShell({ ...BASE, ...extra });
  const root = document.createElement("div");
  const studio = new Studio(new Api(shell.call), root);
  await studio.start();
  await settle();
  return { studio, root, shell };
}

describe("errorView", () => {
  it("has words for every code, and its own title for each code the core and the shell report", () => {
    // The Record's type makes tsc fail on a missing code; this also catches one left empty.
    for (const [code, view] of Object.entries(ERROR_VIEWS)) {
      expect(view.title.length, code).toBeGreaterThan(0);
      expect(view.advice.length, code).toBeGreaterThan(0);
    }
    const codes: ErrorCode[] = ["not-found", "exists", "not-trellis", "damaged", "too-new", "invalid", "parse", "not-in-model", "usage", "refused", "io", "database", "live", "not-live", "ended", "no-engagement", "full", "unknown-participant"];
    const titles = new Set(codes.map((c) => errorView(c).title));
    expect(titles.size).toBe(codes.length);
    expect(titles.has(errorView("internal").title)).toBe(false);
  });
});

describe("toApiError", () => {
  it("keeps the shell's {code, message, fields} and wraps anything else as internal", () => {
    expect(toApiError({ code: "damaged", message: "x" })).toEqual({ code: "damaged", message: "x", fields: [] });
    expect(toApiError("command x not found")).toEqual({ code: "internal", message: "command x not found", fields: [] });
    expect(toApiError(new Error("boom"))).toEqual({ code: "internal", message: "boom", fields: [] });
    expect(toApiError({ code: 3 })).toEqual({ code: "internal", message: "[object Object]", fields: [] });
    expect(toApiError({ code: "frobnicated", message: "x" })).toEqual({ code: "internal", message: "x", fields: [] });
    const fields = [{ field: "hours", message: "-1 is negative or not a number" }];
    expect(toApiError({ code: "invalid", message: "m", fields: [...fields, { field: 3 }, "cost"] })).toEqual({ code: "invalid", message: "m", fields });
  });
});

describe("Studio", () => {
  it("starts on Home with the engagement's name as text and in the title", async () => {
    const { root } = await started();
    expect(root.querySelector(".engagement-name")?.textContent).toBe("<b>Review</b> & more");
    expect(root.querySelector("b")).toBeNull();
    expect(document.title).toBe("<b>Review</b> & more — Trellis");
    expect(root.querySelector('[data-count="roles"] .count-value')?.textContent).toBe("12");
    expect(root.querySelector('[data-view="home"]')?.getAttribute("aria-current")).toBe("page");
  });

  it("without an engagement only Home is available, and no error is shown", async () => {
    const { root: r2 } = await started({ engagement_info: () => Promise.reject({ code: "no-engagement", message: "none" }) });
    expect((r2.querySelector('[data-view="model"]') as HTMLButtonElement).disabled).toBe(true);
    expect((r2.querySelector(".banner") as HTMLElement).hidden).toBe(true);
  });

  it("shows a refused file by its code, with the message as text", async () => {
    const { studio, root } = await started({
      engagement_open: () => Promise.reject({ code: "too-new", message: "<i>f</i>: made by a newer Trellis" }),
    });
    await studio.openPath("/x.trellis");
    const panel = root.querySelector(".error");
    expect(panel?.getAttribute("data-code")).toBe("too-new");
    expect(panel?.querySelector(".error-title")?.textContent).toBe(errorView("too-new").title);
    expect(panel?.querySelector(".error-message")?.textContent).toBe("<i>f</i>: made by a newer Trellis");
    expect(root.querySelector("i")).toBeNull();
  });

  it("opens the first .trellis file dropped on the window, and says so when none is", async () => {
    const { studio, shell, root } = await started({ engagement_open: INFO });
    await studio.dropped(["/tmp/notes.txt", "/tmp/Acme.TRELLIS", "/tmp/other.trellis"]);
    expect(shell.calls.filter((c) => c.cmd === "engagement_open").map((c) => c.args)).toEqual([{ path: "/tmp/Acme.TRELLIS" }]);
    await studio.dropped(["/tmp/logo.png"]);
    expect(shell.calls.filter((c) => c.cmd === "engagement_open").length).toBe(1);
    expect(root.textContent).toContain("Drop a .trellis engagement file to open it");
  });

  it("undo and redo follow the history and reach the shell", async () => {
    const { root, shell, studio } = await started({
      history: { can_undo: true, can_redo: false },
      undo: { can_undo: false, can_redo: true },
      redo: { can_undo: true, can_redo: false },
    });
    const undo = root.querySelector('[data-action="undo"]') as HTMLButtonElement;
    const redo = root.querySelector('[data-action="redo"]') as HTMLButtonElement;
    expect([undo.disabled, redo.disabled]).toEqual([false, true]);
    undo.click();
    await settle();
    expect(shell.calls.some((c) => c.cmd === "undo")).toBe(true);
    expect([undo.disabled, redo.disabled]).toEqual([true, false]);
    studio.menu("edit:redo");
    await settle();
    expect(shell.calls.some((c) => c.cmd === "redo")).toBe(true);
    expect([undo.disabled, redo.disabled]).toEqual([false, true]);
  });

  it("menu choices switch views and Save only reassures", async () => {
    const { studio, root } = await started({
      banks: [{ id: "core", version: 1, title: "Core", description: "", questions: [] }],
      live_status: null,
    });
    studio.menu("view:workshop");
    await settle();
    expect(root.querySelector('[data-view="workshop"]')?.getAttribute("aria-current")).toBe("page");
    studio.menu("file:save");
    expect(root.querySelector(".status")?.textContent).toContain("saved");
  });

  it("titles the window after the engagement", () => {
    expect(windowTitle(null)).toBe("Trellis");
    expect(windowTitle(INFO)).toBe("<b>Review</b> & more — Trellis");
  });
});
