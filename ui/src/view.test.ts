// @vitest-environment happy-dom
// Tests of the page's view logic: error codes, rejected values, and text that stays text.

import { describe, expect, it } from "vitest";
import type { Info } from "./types";
import { ELEMENTS, LINKS, errorView, renderError, renderInfo, toApiError } from "./view";

const info: Info = {
  path: "/tmp/demo.trellis",
  file_version: 1,
  engagement: {
    name: "<b>Review</b> & more",
    client: "Northmere",
    consultant: "",
    created: "2026-01-15",
    scale: { min: 0, max: 5, labels: [] },
    target_mix: { experiential: 70, social: 20, formal: 10 },
  },
  roles: 12,
  competencies: 20,
  channels: 15,
  requires: 40,
  develops: 30,
  reaches: 25,
  follows: 5,
  prerequisites: 3,
  responses: 0,
};

describe("errorView", () => {
  it("has its own title for each code the core reports", () => {
    const codes = ["not-found", "not-trellis", "damaged", "too-new", "usage", "invalid"];
    const titles = new Set(codes.map((c) => errorView(c).title));
    expect(titles.size).toBe(codes.length);
    expect(titles.has(errorView("something-else").title)).toBe(false);
  });
});

describe("toApiError", () => {
  it("keeps the shell's {code, message}", () => {
    expect(toApiError({ code: "damaged", message: "x: the file is damaged" })).toEqual({
      code: "damaged",
      message: "x: the file is damaged",
    });
  });

  it("turns anything else into an internal error", () => {
    expect(toApiError("command engagement_info not found")).toEqual({
      code: "internal",
      message: "command engagement_info not found",
    });
    expect(toApiError(new Error("boom"))).toEqual({ code: "internal", message: "boom" });
    expect(toApiError({ code: 3 })).toEqual({ code: "internal", message: "[object Object]" });
  });
});

describe("renderInfo", () => {
  it("shows the name as text, never as markup", () => {
    const root = document.createElement("main");
    renderInfo(root, info);
    expect(root.querySelector(".engagement-name")?.textContent).toBe("<b>Review</b> & more");
    expect(root.querySelector("b")).toBeNull();
  });

  it("shows every count, an empty field as a dash", () => {
    const root = document.createElement("main");
    renderInfo(root, info);
    for (const { key } of [...ELEMENTS, ...LINKS]) {
      const value = root.querySelector(`[data-count="${key}"] .count-value`)?.textContent;
      expect(value).toBe(String(info[key]));
    }
    expect(root.textContent).toContain("—");
  });
});

describe("renderError", () => {
  it("switches on the code and shows the message as text", () => {
    const root = document.createElement("main");
    renderError(root, { code: "too-new", message: "<i>f</i>: made by a newer Trellis" });
    expect(root.querySelector(".error")?.getAttribute("data-code")).toBe("too-new");
    expect(root.querySelector(".error-title")?.textContent).toBe(errorView("too-new").title);
    expect(root.querySelector(".error-message")?.textContent).toBe("<i>f</i>: made by a newer Trellis");
    expect(root.querySelector("i")).toBeNull();
  });
});
