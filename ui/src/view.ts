// Builds the studio's page from the data the shell sends. User text goes in with textContent only.

import type { ApiError, Counts, Info } from "./types";

export interface CountItem {
  key: keyof Counts;
  label: string;
  hint: string;
}

/** The things an engagement is made of, then the links between them, in the order the page shows them. */
export const ELEMENTS: readonly CountItem[] = [
  { key: "roles", label: "Roles", hint: "job roles in the organisation" },
  { key: "competencies", label: "Competencies", hint: "what people need to do or know" },
  { key: "channels", label: "Channels", hint: "ways people learn" },
];

export const LINKS: readonly CountItem[] = [
  { key: "requires", label: "Requires", hint: "a role needs a competency" },
  { key: "develops", label: "Develops", hint: "a channel builds a competency" },
  { key: "reaches", label: "Reaches", hint: "a channel is open to a role" },
  { key: "follows", label: "Follows", hint: "one channel after another" },
  { key: "prerequisites", label: "Prerequisites", hint: "a competency builds on another" },
  { key: "responses", label: "Responses", hint: "answers to diagnostic questions" },
];

export interface ErrorView {
  title: string;
  advice: string;
}

/** What to tell the user for each error code the core reports; the message follows as detail. */
export function errorView(code: string): ErrorView {
  switch (code) {
    case "not-found":
      return {
        title: "File not found",
        advice: "Check the path, or create an engagement with: trellis new FILE.trellis",
      };
    case "not-trellis":
      return {
        title: "Not a Trellis engagement",
        advice: "This file was not made by Trellis. Open a .trellis file instead.",
      };
    case "damaged":
      return {
        title: "The engagement file is damaged",
        advice: "Run trellis check on it for details, or restore it from a backup.",
      };
    case "too-new":
      return {
        title: "Made by a newer Trellis",
        advice: "Update Trellis to open this engagement. It has not been changed.",
      };
    case "usage":
      return {
        title: "No engagement to open",
        advice: "Create one with trellis new FILE.trellis, then open it with trellis-studio FILE.trellis",
      };
    case "invalid":
      return {
        title: "The engagement does not hold together",
        advice: "Run trellis check on it to see what is wrong.",
      };
    default:
      return { title: "Could not open the engagement", advice: "The details below say why." };
  }
}

/** Whatever `invoke` rejected with, as an ApiError: the shell sends `{code, message}`, Tauri itself strings. */
export function toApiError(e: unknown): ApiError {
  if (typeof e === "object" && e !== null && "code" in e && "message" in e) {
    const { code, message } = e as Record<string, unknown>;
    if (typeof code === "string" && typeof message === "string") {
      return { code, message };
    }
  }
  if (e instanceof Error) {
    return { code: "internal", message: e.message };
  }
  return { code: "internal", message: String(e) };
}

/** `document.createElement` with a class and, optionally, its text. */
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function countGroup(title: string, items: readonly CountItem[], info: Info): HTMLElement {
  const section = el("section", "counts");
  section.append(el("h2", "counts-title", title));
  const list = el("ul", "count-list");
  for (const item of items) {
    const card = el("li", "count");
    card.dataset["count"] = item.key;
    card.append(
      el("span", "count-value", String(info[item.key])),
      el("span", "count-label", item.label),
      el("span", "count-hint", item.hint),
    );
    list.append(card);
  }
  section.append(list);
  return section;
}

/** The engagement at a glance: its name, who it is for, and how much it holds. */
export function renderInfo(root: HTMLElement, info: Info): void {
  const e = info.engagement;
  const header = el("header", "engagement");
  header.append(el("p", "eyebrow", "Engagement"), el("h1", "engagement-name", e.name));

  const meta = el("dl", "meta");
  const rows: [string, string, string][] = [
    ["Client", e.client || "—", "meta-row"],
    ["Consultant", e.consultant || "—", "meta-row"],
    ["Created", e.created, "meta-row"],
    ["File", info.path, "meta-row wide"],
  ];
  for (const [term, value, className] of rows) {
    const row = el("div", className);
    row.append(el("dt", undefined, term), el("dd", undefined, value));
    meta.append(row);
  }
  header.append(meta);

  root.replaceChildren(header, countGroup("Elements", ELEMENTS, info), countGroup("Links", LINKS, info));
}

/** The error panel: a title and advice chosen by `code`, then the core's own message. */
export function renderError(root: HTMLElement, error: ApiError): void {
  const view = errorView(error.code);
  const panel = el("section", "error");
  panel.setAttribute("role", "alert");
  panel.dataset["code"] = error.code;
  panel.append(
    el("h1", "error-title", view.title),
    el("p", "error-advice", view.advice),
    el("pre", "error-message", error.message),
  );
  root.replaceChildren(panel);
}
