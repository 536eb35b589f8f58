// Model editor: lists of roles, competencies and channels with search; a form per item, saved
// field by field as it changes; its links below (relations.ts); the engagement's own details.

import type { Channel, ChannelKind, Competency, CostBasis, Edit, Engagement, Lists, Role } from "../bindings/trellis";
import { CHANNEL_KINDS, CHANNEL_KIND_LABELS, COST_BASES, COST_BASIS_LABELS } from "../bindings/vocabularies";
import type { Ctx } from "../ctx";
import { button, el, field, header, input, select, textarea } from "../dom";
import {
  LIST_LIMIT,
  checkChannel,
  checkCompetency,
  checkEngagement,
  checkRole,
  parseOptionalNumber,
  parseOptionalText,
  parseOptionalWhole,
  search,
  type Problem,
} from "../logic/model";
import { renderLinks } from "./relations";
import { save } from "./save";

export type Tab = "role" | "competency" | "channel" | "engagement";

const EVALUATION = ["0 · Not evaluated", "1 · Reaction", "2 · Learning", "3 · Behaviour", "4 · Results", "5 · Return on investment"];

/** Kept between renders so that an edit, an undo or a visit elsewhere returns to the same place. */
const state = {
  tab: "role" as Tab,
  selected: { role: "", competency: "", channel: "", engagement: "" } as Record<Tab, string>,
  search: { role: "", competency: "", channel: "", engagement: "" } as Record<Tab, string>,
};

window.addEventListener("trellis:engagement-changed", () => {
  state.tab = "role";
  for (const tab of Object.keys(state.selected) as Tab[]) state.selected[tab] = state.search[tab] = "";
});

const TAB_LABELS: Record<Tab, string> = { role: "Roles", competency: "Competencies", channel: "Channels", engagement: "Engagement" };

type Item = Role | Competency | Channel;

function items(lists: Lists, tab: Tab): Item[] {
  return tab === "role" ? lists.roles : tab === "competency" ? lists.competencies : tab === "channel" ? lists.channels : [];
}

function classOf(item: Item): string {
  return "group" in item ? item.group : "category" in item ? item.category : CHANNEL_KIND_LABELS[item.kind];
}

/** `arg`: `role:ID`, `competency:ID`, `channel:ID` to select an item, or a tab name. */
export async function renderModel(root: HTMLElement, ctx: Ctx, arg?: string): Promise<void> {
  if (arg) {
    const [tab, id] = arg.split(":", 2) as [Tab, string | undefined];
    if (tab in TAB_LABELS) {
      state.tab = tab;
      if (id) {
        state.selected[tab] = id;
        state.search[tab] = "";
      }
    }
  }
  const lists = await ctx.api.lists();
  root.append(header("Model", "Roles, competencies and channels, and how they link. Every change is saved as you make it."));
  const tabs = el("div", "tabs");
  tabs.setAttribute("role", "tablist");
  for (const tab of Object.keys(TAB_LABELS) as Tab[]) {
    const n = tab === "engagement" ? "" : ` (${items(lists, tab).length.toLocaleString("en")})`;
    const b = button(TAB_LABELS[tab] + n, () => {
      state.tab = tab;
      ctx.go("model");
    }, "tab");
    b.setAttribute("role", "tab");
    b.setAttribute("aria-selected", String(tab === state.tab));
    b.dataset["tab"] = tab;
    tabs.append(b);
  }
  root.append(tabs);
  if (state.tab === "engagement") {
    if (ctx.info) root.append(engagementForm(ctx, ctx.info.engagement));
    return;
  }
  const body = el("div", "editor");
  const detail = el("section", "editor-detail");
  body.append(listPane(ctx, lists, detail), detail);
  root.append(body);
  showDetail(ctx, lists, detail);
}

function listPane(ctx: Ctx, lists: Lists, detail: HTMLElement): HTMLElement {
  const tab = state.tab;
  const pane = el("section", "editor-list");
  const find = input(state.search[tab], "search", "search");
  find.placeholder = `Search ${TAB_LABELS[tab].toLowerCase()}`;
  find.setAttribute("aria-label", find.placeholder);
  const add = button(`Add ${tab}`, () => void addItem(ctx, tab), "btn btn-primary");
  add.dataset["action"] = "add";
  const top = el("div", "inline");
  top.append(find, add);
  const list = el("ul", "item-list");
  const more = el("p", "muted");
  const draw = () => {
    const all = items(lists, tab);
    const found = search(all, find.value, classOf);
    list.replaceChildren();
    for (const item of found.slice(0, LIST_LIMIT)) {
      const b = button("", () => {
        state.selected[tab] = item.id;
        for (const other of list.querySelectorAll("[aria-current]")) other.removeAttribute("aria-current");
        b.setAttribute("aria-current", "true");
        showDetail(ctx, lists, detail);
      }, "item");
      b.dataset["id"] = item.id;
      b.append(el("span", "item-name", item.name), el("span", "item-class", classOf(item)));
      if (item.id === state.selected[tab]) b.setAttribute("aria-current", "true");
      const li = el("li");
      li.append(b);
      list.append(li);
    }
    more.textContent =
      found.length > LIST_LIMIT
        ? `Showing ${LIST_LIMIT} of ${found.length.toLocaleString("en")}: type to narrow the list.`
        : found.length === 0
          ? "Nothing matches."
          : "";
  };
  find.addEventListener("input", () => {
    state.search[tab] = find.value;
    draw();
  });
  draw();
  pane.append(top, list, more);
  return pane;
}

async function addItem(ctx: Ctx, tab: Tab): Promise<void> {
  const edit: Edit =
    tab === "role"
      ? { op: "put_role", id: "", name: "New role", description: "", group: "", headcount: 1, refs: [] }
      : tab === "competency"
        ? { op: "put_competency", id: "", name: "New competency", description: "", category: "", parent: null, refs: [] }
        : { op: "put_channel", id: "", name: "New channel", kind: "formal", description: "", capacity: null, cohorts_per_year: null, cost: null, cost_basis: null, hours: null, evaluation_level: 0 };
  try {
    const applied = await ctx.api.apply(edit);
    state.selected[tab] = applied.id ?? "";
    state.search[tab] = "";
    await ctx.edited(applied.history);
    ctx.go("model");
    // The new item's name field is where the user types next.
    setTimeout(() => document.querySelector<HTMLInputElement>(".editor-detail input[name=name]")?.select(), 0);
  } catch (e) {
    ctx.fail(e);
  }
}

function showDetail(ctx: Ctx, lists: Lists, detail: HTMLElement): void {
  const tab = state.tab;
  const item = items(lists, tab).find((i) => i.id === state.selected[tab]);
  detail.replaceChildren();
  if (!item) {
    detail.append(el("p", "muted empty-detail", `Choose a ${tab} from the list, or add one.`));
    return;
  }
  const form = itemForm(ctx, lists, tab, item);
  const links = el("div", "links");
  detail.append(form, links);
  void renderLinks(links, ctx, lists, tab as "role" | "competency" | "channel", item.id);
}

function itemForm(ctx: Ctx, lists: Lists, tab: Tab, item: Item): HTMLElement {
  const form = el("form", "card item-form");
  form.addEventListener("submit", (ev) => ev.preventDefault());
  const messages = el("div", "messages");
  messages.setAttribute("role", "alert");
  const title = el("h2", "section-title", item.name);
  const name = input(item.name, "name");
  const description = textarea(item.description, "description", 2);
  const controls: HTMLElement[] = [field("Name", name)];
  let build: () => [Edit, Problem[]];
  if ("group" in item) {
    const group = input(item.group, "group");
    group.setAttribute("list", "groups");
    const headcount = input(String(item.headcount), "headcount", "number");
    headcount.min = "0";
    controls.push(field("Role group", group, "The department or family of roles"), field("Headcount", headcount));
    controls.push(datalist("groups", lists.groups));
    build = () => {
      const r: Role = { ...item, name: name.value, group: group.value.trim(), headcount: Number(headcount.value), description: description.value };
      return [{ op: "put_role", ...r }, checkRole(r)];
    };
  } else if ("category" in item) {
    const category = input(item.category, "category");
    category.setAttribute("list", "categories");
    const parents: [string, string][] = [["", "(none)"], ...lists.competencies.filter((c) => c.id !== item.id).map((c) => [c.id, c.name] as [string, string])];
    const parent = select(parents, item.parent ?? "", "parent");
    controls.push(field("Category", category), datalist("categories", lists.categories), field("Broader competency", parent));
    build = () => {
      const c: Competency = { ...item, name: name.value, category: category.value.trim(), parent: parent.value || null, description: description.value };
      return [{ op: "put_competency", ...c }, checkCompetency(c)];
    };
  } else {
    const kind = select(CHANNEL_KINDS.map((k) => [k, CHANNEL_KIND_LABELS[k]] as const), item.kind, "kind");
    const optional = (value: number | null, name: string) => input(value === null ? "" : String(value), name, "number");
    const capacity = optional(item.capacity, "capacity");
    const cohorts = optional(item.cohorts_per_year, "cohorts_per_year");
    cohorts.min = "1";
    const hours = optional(item.hours, "hours");
    hours.min = "0";
    hours.step = "any";
    const cost = optional(item.cost, "cost");
    cost.min = "0";
    cost.step = "any";
    // The currency is the engagement's, edited on its tab; shown here so a cost is never read bare.
    const currency = ctx.info?.engagement.currency ?? null;
    const costBox = el("span", "with-unit");
    costBox.append(cost, el("span", "unit", currency ?? ""));
    const basis = select([["", "Not given"], ...COST_BASES.map((b) => [b, COST_BASIS_LABELS[b]] as const)], item.cost_basis ?? "", "cost_basis");
    const evaluation = select(EVALUATION.map((t, i) => [String(i), t] as const), String(item.evaluation_level), "evaluation_level");
    controls.push(
      field("Kind", kind),
      field("Capacity", capacity, "People one cohort serves; empty if unlimited"),
      field("Cohorts a year", cohorts, "How often it runs; empty is once"),
      field("Learner hours", hours, "Hours each person spends in it"),
      field("Cost", costBox, currency ? undefined : "No currency yet: set one on the Engagement tab"),
      field("Cost counted", basis, "Not given is read as per person"),
      field("Evaluated at", evaluation, "Kirkpatrick's levels 1-4; 5 is Phillips's return on investment"),
    );
    build = () => {
      // Only whether it is a whole number is read here; how many cohorts are allowed is the core's rule.
      const runs = parseOptionalWhole(cohorts.value, "cohorts_per_year", "Cohorts a year is a whole number, or empty.");
      const unread = runs !== null && typeof runs === "object" ? [runs] : [];
      const c: Channel = {
        ...item,
        name: name.value,
        kind: kind.value as ChannelKind,
        capacity: parseOptionalNumber(capacity.value),
        cohorts_per_year: unread.length > 0 ? item.cohorts_per_year : (runs as number | null),
        hours: parseOptionalNumber(hours.value),
        cost: parseOptionalNumber(cost.value),
        cost_basis: (basis.value || null) as CostBasis | null,
        evaluation_level: Number(evaluation.value),
        description: description.value,
      };
      return [{ op: "put_channel", ...c }, [...checkChannel(c), ...unread]];
    };
  }
  controls.push(field("Description", description));
  const grid = el("div", "form-grid");
  grid.append(...controls);
  const remove = button(`Delete ${tab}`, () => {
    const edit: Edit = tab === "role" ? { op: "remove_role", id: item.id } : tab === "competency" ? { op: "remove_competency", id: item.id } : { op: "remove_channel", id: item.id };
    void save(ctx, edit, [], messages).then((ok) => {
      if (!ok) return;
      state.selected[tab] = "";
      ctx.notify(`Deleted “${item.name}” with its links. Undo brings it back.`);
      ctx.go("model");
    });
  }, "btn btn-danger");
  form.addEventListener("change", () => {
    const [edit, problems] = build();
    void save(ctx, edit, problems, messages).then((ok) => {
      if (!ok) return;
      title.textContent = name.value;
      // Keep the list in step without redrawing the form under the user's cursor.
      const entry = document.querySelector(`.item-list [data-id="${CSS.escape(item.id)}"] .item-name`);
      if (entry) entry.textContent = name.value;
      Object.assign(item, edit);
      delete (item as unknown as Record<string, unknown>)["op"];
    });
  });
  form.append(title, grid, messages, remove);
  return form;
}

function datalist(id: string, values: readonly string[]): HTMLDataListElement {
  const list = el("datalist");
  list.id = id;
  for (const v of values) {
    const o = el("option");
    o.value = v;
    list.append(o);
  }
  return list;
}

function engagementForm(ctx: Ctx, e: Engagement): HTMLElement {
  const form = el("form", "card item-form");
  form.addEventListener("submit", (ev) => ev.preventDefault());
  const messages = el("div", "messages");
  messages.setAttribute("role", "alert");
  const name = input(e.name, "name");
  const client = input(e.client, "client");
  const consultant = input(e.consultant, "consultant");
  const created = input(e.created, "created", "date");
  const mix = (k: "experiential" | "social" | "formal") => {
    const i = input(String(e.target_mix[k]), k, "number");
    i.min = "0";
    i.max = "100";
    return i;
  };
  const [exp, soc, frm] = [mix("experiential"), mix("social"), mix("formal")];
  const currency = input(e.currency ?? "", "currency");
  currency.placeholder = "e.g. EUR";
  const grid = el("div", "form-grid form-grid-even");
  grid.append(
    field("Engagement name", name),
    field("Client", client),
    field("Consultant", consultant),
    field("Created", created),
    field("Currency", currency, "The ISO 4217 code channel costs are given in, such as EUR or GBP; empty if none"),
    field("Target mix: experiential %", exp, "70-20-10: learning on the job"),
    field("Target mix: social %", soc, "learning from others"),
    field("Target mix: formal %", frm, "courses and programmes"),
  );
  form.addEventListener("change", () => {
    const next: Engagement = {
      ...e,
      name: name.value,
      client: client.value,
      consultant: consultant.value,
      created: created.value,
      target_mix: { experiential: Number(exp.value), social: Number(soc.value), formal: Number(frm.value) },
      currency: parseOptionalText(currency.value),
    };
    void save(ctx, { op: "set_engagement", ...next }, checkEngagement(next), messages).then((ok) => ok && Object.assign(e, next));
  });
  form.append(el("h2", "section-title", "Engagement details"), grid, messages);
  return form;
}
