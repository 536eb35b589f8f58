// The links of one item in the model editor: requires (levels, criticality), develops (stages),
// reaches, follows and prerequisites. Each change is one saved edit; the section redraws itself.

import type { Criticality, Edit, Links, Lists, Stage } from "../bindings/trellis";
import { CRITICALITIES, CRITICALITY_LABELS, STAGES, STAGE_LABELS } from "../bindings/vocabularies";
import type { Ctx } from "../ctx";
import { button, el, input, select } from "../dom";
import { parseLevel } from "../logic/model";
import { save } from "./save";

type Kind = "role" | "competency" | "channel";

interface Row {
  cells: (string | HTMLElement)[];
  remove?: Edit;
}

export async function renderLinks(box: HTMLElement, ctx: Ctx, lists: Lists, kind: Kind, id: string): Promise<void> {
  let links: Links;
  try {
    links = await ctx.api.links(kind, id);
  } catch (e) {
    ctx.fail(e);
    return;
  }
  const names = new Map<string, string>();
  for (const x of [...lists.roles, ...lists.competencies, ...lists.channels]) names.set(x.id, x.name);
  const name = (i: string) => names.get(i) ?? i;
  const messages = el("div", "messages");
  messages.setAttribute("role", "alert");
  const redraw = () => {
    box.replaceChildren();
    void renderLinks(box, ctx, lists, kind, id);
  };
  const commit = (edit: Edit) => void save(ctx, edit, [], messages).then((ok) => ok && redraw());
  const scale = ctx.info?.engagement.scale ?? { min: 0, max: 5, labels: [] };
  const options = (list: readonly { id: string; name: string }[], skip: Set<string>) =>
    list.filter((x) => !skip.has(x.id)).map((x) => [x.id, x.name] as const);
  const sections: HTMLElement[] = [];

  if (kind === "role") {
    const rows: Row[] = links.requires.map((r) => {
      const level = (value: number | null, optional: boolean, label: string) => {
        const i = input(value === null ? "" : String(value), label, "number");
        i.min = String(scale.min);
        i.max = String(scale.max);
        i.setAttribute("aria-label", `${label} level for ${name(r.competency)}`);
        i.addEventListener("change", () => {
          const v = parseLevel(i.value, scale, optional);
          if (v !== null && typeof v === "object") {
            messages.replaceChildren(el("p", "problem", v.message));
            return;
          }
          commit({ op: "put_requires", ...r, [label === "Target" ? "target_level" : "current_level"]: v });
        });
        return i;
      };
      const crit = select(CRITICALITIES.map((c) => [c, CRITICALITY_LABELS[c]] as const), r.criticality, "criticality");
      crit.setAttribute("aria-label", `Criticality of ${name(r.competency)}`);
      crit.addEventListener("change", () => commit({ op: "put_requires", ...r, criticality: crit.value as Criticality }));
      return {
        cells: [name(r.competency), level(r.target_level, false, "Target"), level(r.current_level, true, "Current"), crit],
        remove: { op: "remove_requires", role: r.role, competency: r.competency },
      };
    });
    const comp = select([["", "Choose a competency…"], ...options(lists.competencies, new Set(links.requires.map((r) => r.competency)))], "", "competency");
    comp.setAttribute("aria-label", "Competency to require");
    const target = input(String(Math.min(scale.max, scale.min + 3)), "target", "number");
    target.setAttribute("aria-label", "Target level");
    const current = input("", "current", "number");
    current.setAttribute("aria-label", "Current level");
    current.placeholder = "—";
    const crit = select(CRITICALITIES.map((c) => [c, CRITICALITY_LABELS[c]] as const), "medium", "criticality");
    crit.setAttribute("aria-label", "Criticality");
    const add = () => {
      const t = parseLevel(target.value, scale, false);
      const c = parseLevel(current.value, scale, true);
      for (const v of [t, c]) {
        if (v !== null && typeof v === "object") {
          messages.replaceChildren(el("p", "problem", v.message));
          return;
        }
      }
      if (!comp.value) return;
      commit({ op: "put_requires", role: id, competency: comp.value, target_level: t as number, current_level: c as number | null, criticality: crit.value as Criticality });
    };
    sections.push(
      table("Requires", ["Competency", `Target (${scale.min}–${scale.max})`, "Current", "Criticality"], rows, commit, [comp, target, current, crit], add),
      table("Reached by", ["Channel"], links.reaches.map((r) => ({ cells: [name(r.channel)], remove: { op: "remove_reaches", ...r } })), commit,
        [pick(options(lists.channels, new Set(links.reaches.map((r) => r.channel))), "Channel that reaches this role")],
        (c) => c[0] && commit({ op: "add_reaches", channel: c[0], role: id })),
    );
  } else if (kind === "competency") {
    sections.push(
      table("Required by", ["Role", "Target", "Criticality"], links.requires.map((r) => ({
        cells: [roleLink(ctx, r.role, name(r.role)), String(r.target_level), CRITICALITY_LABELS[r.criticality]],
        remove: { op: "remove_requires", role: r.role, competency: r.competency },
      })), commit),
      developsTable(links, "channel", name, commit, id, options(lists.channels, new Set(links.develops.map((d) => d.channel)))),
      table("Builds on", ["Prerequisite competency"], links.prerequisites.filter((p) => p.competency === id).map((p) => ({
        cells: [name(p.requires)], remove: { op: "remove_prerequisite", ...p },
      })), commit, [pick(options(lists.competencies, new Set([id, ...links.prerequisites.map((p) => p.requires)])), "Competency this one builds on")],
      (c) => c[0] && commit({ op: "add_prerequisite", competency: id, requires: c[0] })),
      table("Comes before", ["Competency"], links.prerequisites.filter((p) => p.requires === id).map((p) => ({
        cells: [name(p.competency)], remove: { op: "remove_prerequisite", ...p },
      })), commit),
    );
  } else {
    sections.push(
      developsTable(links, "competency", name, commit, id, options(lists.competencies, new Set(links.develops.map((d) => d.competency)))),
      table("Reaches", ["Role"], links.reaches.map((r) => ({ cells: [roleLink(ctx, r.role, name(r.role))], remove: { op: "remove_reaches", ...r } })), commit,
        [pick(options(lists.roles, new Set(links.reaches.map((r) => r.role))), "Role this channel reaches")],
        (c) => c[0] && commit({ op: "add_reaches", channel: id, role: c[0] })),
      table("Comes after", ["Channel"], links.follows.filter((f) => f.to === id).map((f) => ({ cells: [name(f.from)], remove: { op: "remove_follows", ...f } })), commit,
        [pick(options(lists.channels, new Set([id, ...links.follows.map((f) => f.from)])), "Channel that comes before")],
        (c) => c[0] && commit({ op: "add_follows", from: c[0], to: id })),
      table("Leads to", ["Channel"], links.follows.filter((f) => f.from === id).map((f) => ({ cells: [name(f.to)], remove: { op: "remove_follows", ...f } })), commit,
        [pick(options(lists.channels, new Set([id, ...links.follows.map((f) => f.to)])), "Channel that comes next")],
        (c) => c[0] && commit({ op: "add_follows", from: id, to: c[0] })),
    );
  }
  box.append(messages, ...sections);
}

function pick(options: readonly (readonly [string, string])[], label: string): HTMLSelectElement {
  const s = select([["", `${label}…`], ...options], "", "pick");
  s.setAttribute("aria-label", label);
  return s;
}

function roleLink(ctx: Ctx, id: string, name: string): HTMLElement {
  return button(name, () => ctx.go("model", `role:${id}`), "link");
}

function developsTable(
  links: Links,
  other: "channel" | "competency",
  name: (id: string) => string,
  commit: (e: Edit) => void,
  id: string,
  choices: readonly (readonly [string, string])[],
): HTMLElement {
  const rows: Row[] = links.develops.map((d) => {
    const stages = stagePicker(d.stages, `for ${name(d[other])}`, (chosen) => commit({ op: "put_develops", ...d, stages: chosen }));
    return { cells: [name(d[other]), stages.box], remove: { op: "remove_develops", channel: d.channel, competency: d.competency } };
  });
  const target = pick(choices, other === "channel" ? "Channel that develops it" : "Competency it develops");
  const stages = stagePicker(["introduce"], "", () => {});
  return table(other === "channel" ? "Developed by" : "Develops", [other === "channel" ? "Channel" : "Competency", "Stages"], rows, commit, [target, stages.box], () => {
    if (!target.value) return;
    const [channel, competency] = other === "channel" ? [target.value, id] : [id, target.value];
    commit({ op: "put_develops", channel, competency, stages: stages.chosen() });
  });
}

/**
 * One checkbox per stage, in journey order. A link keeps at least one stage: unticking the last
 * one is undone. `changed` gets the stages ticked after each change.
 */
export function stagePicker(
  current: readonly Stage[],
  label: string,
  changed: (stages: Stage[]) => void,
): { box: HTMLElement; chosen: () => Stage[] } {
  const box = el("span", "stage-picker");
  const boxes = STAGES.map((s) => {
    const tick = el("input");
    tick.type = "checkbox";
    tick.checked = current.includes(s);
    tick.setAttribute("aria-label", `${STAGE_LABELS[s]} ${label}`.trim());
    const wrap = el("label", "stage-choice");
    wrap.append(tick, document.createTextNode(` ${STAGE_LABELS[s]}`));
    box.append(wrap);
    return [s, tick] as const;
  });
  const chosen = () => boxes.filter(([, t]) => t.checked).map(([s]) => s);
  for (const [, tick] of boxes) {
    tick.addEventListener("change", () => {
      if (chosen().length === 0) {
        tick.checked = true;
        return;
      }
      changed(chosen());
    });
  }
  return { box, chosen };
}

/** A titled table of links with a Remove button per row and, when `controls` are given, an Add row. */
function table(
  title: string,
  columns: string[],
  rows: Row[],
  commit: (e: Edit) => void,
  controls?: HTMLElement[],
  add?: (values: string[]) => unknown,
): HTMLElement {
  const section = el("section", "relation");
  section.dataset["relation"] = title;
  section.append(el("h3", "relation-title", `${title} (${rows.length})`));
  const t = el("table", "relation-table");
  const head = el("tr");
  for (const c of columns) head.append(el("th", undefined, c));
  head.append(el("th", "sr-only", "Actions"));
  t.append(head);
  for (const r of rows) {
    const tr = el("tr");
    for (const c of r.cells) {
      const td = el("td");
      td.append(c);
      tr.append(td);
    }
    const td = el("td", "actions");
    const edit = r.remove;
    if (edit) td.append(button("Remove", () => commit(edit), "btn btn-quiet btn-small"));
    tr.append(td);
    t.append(tr);
  }
  if (controls && add) {
    const tr = el("tr", "add-row");
    for (const c of controls) {
      const td = el("td");
      td.append(c);
      tr.append(td);
    }
    for (let i = controls.length; i < columns.length; i++) tr.append(el("td"));
    const td = el("td", "actions");
    const b = button("Add", () => add(controls.map((c) => (c as HTMLInputElement).value)), "btn btn-small");
    b.dataset["action"] = `add-${title}`;
    td.append(b);
    tr.append(td);
    t.append(tr);
  }
  section.append(t);
  return section;
}
