// Home: the open engagement at a glance, a new engagement from a starter template, Open, and the recent engagements.

import type { Counts, Info, RecentEngagement, TemplateInfo } from "../bindings/trellis";
import type { Ctx } from "../ctx";
import { button, el, field, header, input, select } from "../dom";
import { today } from "../ipc";

export interface CountItem {
  key: keyof Counts;
  label: string;
  hint: string;
}

/** The things an engagement is made of, then the links between them, in the order Home shows them. */
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

function countGroup(title: string, items: readonly CountItem[], info: Info): HTMLElement {
  const section = el("section", "counts");
  section.append(el("h2", "section-title", title));
  const list = el("ul", "count-list");
  for (const item of items) {
    const card = el("li", "count");
    card.dataset["count"] = item.key;
    card.append(
      el("span", "count-value", info[item.key].toLocaleString("en")),
      el("span", "count-label", item.label),
      el("span", "count-hint", item.hint),
    );
    list.append(card);
  }
  section.append(list);
  return section;
}

/** The engagement at a glance: its name, who it is for, and how much it holds. */
export function engagementSummary(info: Info): HTMLElement {
  const e = info.engagement;
  const box = el("section", "engagement");
  box.append(el("p", "eyebrow", "Engagement"), el("h1", "engagement-name", e.name));
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
  box.append(meta);
  const counts = el("div", "count-groups");
  counts.append(countGroup("Elements", ELEMENTS, info), countGroup("Links", LINKS, info));
  box.append(counts);
  return box;
}

/** The New engagement form: a template, a client, where to save it. */
function newForm(ctx: Ctx, templates: TemplateInfo[], focus: boolean): HTMLElement {
  const form = el("form", "card new-engagement");
  form.append(el("h2", "section-title", "New engagement"));
  const template = select(
    templates.map((t) => [t.name, t.name] as const),
    templates.some((t) => t.name === "demo") ? "demo" : (templates[0]?.name ?? ""),
    "template",
  );
  const summary = el("p", "field-hint template-summary");
  const describe = () => (summary.textContent = templates.find((t) => t.name === template.value)?.summary ?? "");
  template.addEventListener("change", describe);
  describe();
  const client = input("", "client");
  client.placeholder = "e.g. Northmere Logistics";
  const path = input("", "path");
  path.placeholder = "Choose where to save the .trellis file";
  const choose = button("Choose…", () => {
    void ctx.api.chooseNewPath(client.value || template.value).then((p) => {
      if (p) path.value = p;
    }, (e) => ctx.fail(e));
  });
  const where = el("div", "inline");
  where.append(path, choose);
  const create = el("button", "btn btn-primary", "Create engagement");
  create.type = "submit";
  form.append(field("Starter template", template), summary, field("Client", client), field("Save to", where), create);
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    void (async () => {
      let target = path.value.trim();
      if (!target) {
        target = (await ctx.api.chooseNewPath(client.value || template.value).catch((e) => (ctx.fail(e), null))) ?? "";
        if (!target) return;
        path.value = target;
      }
      if (!target.toLowerCase().endsWith(".trellis")) target += ".trellis";
      try {
        ctx.opened(await ctx.api.create(target, template.value, client.value, today()));
      } catch (e) {
        ctx.fail(e);
      }
    })();
  });
  if (focus) queueMicrotask(() => client.focus());
  return form;
}

function recentList(ctx: Ctx, recent: RecentEngagement[], open: (path: string) => void): HTMLElement {
  const box = el("section", "card recent");
  box.append(el("h2", "section-title", "Recent engagements"));
  const openButton = button("Open…", () => {
    void ctx.api.chooseEngagement().then((p) => (p ? open(p) : undefined), (e) => ctx.fail(e));
  });
  box.append(openButton);
  if (recent.length === 0) {
    box.append(el("p", "muted", "Engagements you open appear here. You can also drop a .trellis file on the window."));
    return box;
  }
  const list = el("ul", "recent-list");
  for (const r of recent) {
    const b = button("", () => open(r.path), "recent-item");
    b.append(el("span", "recent-name", r.name), el("span", "recent-client", r.client || "—"), el("span", "recent-path", r.path));
    const li = el("li");
    li.append(b);
    list.append(li);
  }
  box.append(list);
  return box;
}

export async function renderHome(root: HTMLElement, ctx: Ctx, arg?: string): Promise<void> {
  const [templates, recent] = await Promise.all([ctx.api.templates(), ctx.api.recent()]);
  const open = async (path: string) => {
    try {
      ctx.opened(await ctx.api.open(path));
    } catch (e) {
      ctx.fail(e);
    }
  };
  if (ctx.info) root.append(engagementSummary(ctx.info));
  else root.append(header("Welcome to Trellis", "Design learning ecosystems: roles, competencies, channels, and the gaps between."));
  const start = el("div", "home-grid");
  start.append(newForm(ctx, templates, arg === "new"), recentList(ctx, recent, (p) => void open(p)));
  root.append(start);
}
