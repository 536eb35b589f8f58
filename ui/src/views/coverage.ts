// Coverage: the roles x competencies heatmap (stages covered per required pair) and the
// competencies x channel kinds matrix; a click on a cell shows which channels cover which stages.

import type { CellChannel, CellQuery, CoverageView } from "../bindings/trellis";
import type { Ctx } from "../ctx";
import { button, el, header } from "../dom";
import { HEAT, cellIndex, describeCell, heat, inSentence, missingStages, requiredColumns } from "../logic/coverage";
import { CHANNEL_KIND_LABELS, CRITICALITY_LABELS, STAGE_LABELS } from "../bindings/vocabularies";
import { counted } from "../logic/words";

export async function renderCoverage(root: HTMLElement, ctx: Ctx): Promise<void> {
  const view = await ctx.api.coverage();
  root.append(
    header("Coverage", `Which stages of the learning journey reach each required pair. Mean integration ${view.mean_integration.toFixed(2)} of 4.`),
  );
  const detail = el("aside", "cell-detail");
  detail.setAttribute("aria-live", "polite");
  detail.append(el("p", "muted", "Choose a cell to see which channels cover it, and at which stages."));
  if (view.grouped) {
    root.append(groupedMatrix(view), heatLegend());
    return;
  }
  const layout = el("div", "coverage-layout");
  const matrices = el("div", "matrices");
  matrices.append(roleMatrix(ctx, view, detail), heatLegend(), kindMatrix(ctx, view, detail));
  layout.append(matrices, detail);
  root.append(layout);
}

function heatLegend(): HTMLElement {
  const box = el("div", "legend");
  box.append(el("span", "legend-title", "Stages covered:"));
  HEAT.forEach((colour, i) => {
    const item = el("span", "legend-item");
    const sw = el("span", "swatch square");
    sw.style.backgroundColor = colour;
    item.append(sw, el("span", undefined, String(i)));
    box.append(item);
  });
  box.append(el("span", "legend-item muted", "· blank: not required · bold border: high criticality"));
  return box;
}

function roleMatrix(ctx: Ctx, view: CoverageView, detail: HTMLElement): HTMLElement {
  const cells = cellIndex(view);
  const columns = requiredColumns(view);
  const wrap = el("section", "matrix-wrap");
  wrap.append(el("h2", "section-title", "Roles × competencies"));
  const scroll = el("div", "matrix-scroll");
  const table = el("table", "matrix heatmap");
  const head = el("tr");
  head.append(el("th", "corner", "Role \\ Competency"));
  for (const c of columns) {
    const th = el("th", "col-head");
    th.append(el("span", undefined, c.name));
    th.title = c.group ? `${c.name} (${c.group})` : c.name;
    head.append(th);
  }
  table.append(head);
  for (const r of view.roles) {
    const tr = el("tr");
    const th = el("th", "row-head", r.name);
    th.title = r.group;
    tr.append(th);
    for (const c of columns) {
      const td = el("td");
      const cell = cells.get(`${r.id}|${c.id}`);
      if (cell) {
        const b = button(String(cell.integration), () => {
          for (const s of table.querySelectorAll("[aria-pressed=true]")) s.setAttribute("aria-pressed", "false");
          b.setAttribute("aria-pressed", "true");
          void explain(ctx, detail, { role: r.id, competency: c.id, kind: null }, `${r.name} × ${c.name}`, [
            `Target level ${cell.target_level}, ${CRITICALITY_LABELS[cell.criticality].toLowerCase()} criticality.`,
            describeCell(cell),
            missingStages(cell).length ? `Missing: ${inSentence(missingStages(cell))}.` : "Every stage is covered.",
          ]);
        }, `cell${cell.criticality === "high" ? " critical" : ""}`);
        b.style.backgroundColor = heat(cell.integration);
        b.setAttribute("aria-label", `${r.name}, ${c.name}: ${describeCell(cell)}`);
        b.setAttribute("aria-pressed", "false");
        td.append(b);
      }
      tr.append(td);
    }
    table.append(tr);
  }
  scroll.append(table);
  wrap.append(scroll);
  if (columns.length === 0) wrap.append(el("p", "muted", "No role requires a competency yet: link them in the Model view."));
  return wrap;
}

function kindMatrix(ctx: Ctx, view: CoverageView, detail: HTMLElement): HTMLElement {
  const names = new Map(view.competencies.map((n) => [n.id, n.name]));
  const wrap = el("section", "matrix-wrap");
  wrap.append(el("h2", "section-title", "Competencies × channel kinds"));
  const scroll = el("div", "matrix-scroll");
  const table = el("table", "matrix kinds");
  const head = el("tr");
  head.append(el("th", "corner", "Competency"));
  for (const k of view.kinds) head.append(el("th", "kind-head", CHANNEL_KIND_LABELS[k]));
  table.append(head);
  for (const row of view.kind_rows) {
    const name = names.get(row.competency) ?? row.competency;
    const tr = el("tr");
    tr.append(el("th", "row-head", name));
    row.counts.forEach((n, i) => {
      const kind = view.kinds[i];
      const td = el("td");
      if (kind && n > 0) {
        const b = button(String(n), () => {
          void explain(ctx, detail, { role: null, competency: row.competency, kind }, `${name} × ${CHANNEL_KIND_LABELS[kind]}`, [
            `${counted(n, "channel link")} of this kind ${n === 1 ? "develops" : "develop"} this competency.`,
          ]);
        }, "cell");
        b.style.backgroundColor = heat(Math.min(4, n + 1));
        b.setAttribute("aria-label", `${name}, ${CHANNEL_KIND_LABELS[kind]}: ${n}`);
        td.append(b);
      } else {
        td.className = "empty";
        td.textContent = "·";
      }
      tr.append(td);
    });
    table.append(tr);
  }
  scroll.append(table);
  wrap.append(scroll);
  return wrap;
}

async function explain(ctx: Ctx, detail: HTMLElement, q: CellQuery, title: string, lines: string[]): Promise<void> {
  let channels: CellChannel[];
  try {
    channels = await ctx.api.cell(q);
  } catch (e) {
    ctx.fail(e);
    return;
  }
  detail.replaceChildren(el("h2", "panel-title", title), ...lines.map((l) => el("p", undefined, l)));
  if (channels.length === 0) {
    detail.append(el("p", "problem", "No channel covers this cell."));
    return;
  }
  const list = el("ul", "cell-channels");
  for (const c of channels) {
    const li = el("li");
    const name = button(c.name, () => ctx.go("model", `channel:${c.id}`), "link");
    li.append(name, el("span", "muted", ` ${CHANNEL_KIND_LABELS[c.kind]}`));
    const stages = el("span", "stages");
    for (const s of c.stages) stages.append(el("span", `stage stage-${s}`, STAGE_LABELS[s]));
    li.append(stages);
    list.append(li);
  }
  detail.append(el("h3", "relation-title", "Channels"), list);
}

function groupedMatrix(view: CoverageView): HTMLElement {
  const g = view.grouped;
  const wrap = el("section", "matrix-wrap");
  if (!g) return wrap;
  wrap.append(
    el("h2", "section-title", "Role groups × competency categories"),
    el("p", "muted", "This engagement is too large to show pair by pair: each cell is the mean number of stages covered (0-4)."),
  );
  const scroll = el("div", "matrix-scroll");
  const table = el("table", "matrix heatmap");
  const head = el("tr");
  head.append(el("th", "corner", "Group \\ Category"));
  for (const c of g.categories) {
    const th = el("th", "col-head");
    th.append(el("span", undefined, c || "(none)"));
    head.append(th);
  }
  table.append(head);
  g.groups.forEach((group, i) => {
    const tr = el("tr");
    tr.append(el("th", "row-head", group || "(none)"));
    for (const v of g.cells[i] ?? []) {
      const td = el("td");
      if (v !== null) {
        const span = el("span", "cell", v.toFixed(1));
        span.style.backgroundColor = heat(v);
        td.append(span);
      }
      tr.append(td);
    }
    table.append(tr);
  });
  scroll.append(table);
  wrap.append(scroll);
  return wrap;
}
