// Export: the blueprint PDF (layout, logo, date, the finding list or not; open the result) and the JSON interchange.

import type { Exported } from "../bindings/trellis";
import type { Ctx } from "../ctx";
import { button, el, field, header, input, select } from "../dom";
import { today } from "../ipc";

/** A file name from the engagement's name: letters, digits and dashes. */
export function fileStem(name: string): string {
  const stem = name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return stem || "engagement";
}

export async function renderExport(root: HTMLElement, ctx: Ctx): Promise<void> {
  const layouts = await ctx.api.layouts();
  const stem = fileStem(ctx.info?.engagement.name ?? "");
  root.append(header("Export", "Hand the client a blueprint, or carry the engagement to another tool."));
  const grid = el("div", "export-grid");
  grid.append(pdfCard(ctx, layouts, stem), jsonCard(ctx, stem));
  root.append(grid);
}

/** A "Save to" field with a Choose… button that opens the native save dialog. */
function destination(ctx: Ctx, kind: "pdf" | "json", stem: string): [HTMLElement, HTMLInputElement] {
  const path = input("", `${kind}-path`);
  path.placeholder = `Choose where to save the .${kind}`;
  const choose = button("Choose…", () => {
    void ctx.api.chooseExportPath(kind, stem).then((p) => {
      if (p) path.value = p;
    }, (e) => ctx.fail(e));
  });
  const row = el("div", "inline");
  row.append(path, choose);
  return [field("Save to", row), path];
}

function result(ctx: Ctx, box: HTMLElement, out: Exported): void {
  const open = button("Open", () => void ctx.api.openExported(out.path).catch((e) => ctx.fail(e)));
  box.replaceChildren(el("p", "done", `Saved ${out.path} (${Math.max(1, Math.round(out.bytes / 1024)).toLocaleString("en")} KB)`), open);
  box.dataset["path"] = out.path;
}

async function target(ctx: Ctx, path: HTMLInputElement, kind: "pdf" | "json", stem: string): Promise<string | null> {
  if (!path.value.trim()) {
    const chosen = await ctx.api.chooseExportPath(kind, stem).catch((e) => (ctx.fail(e), null));
    if (!chosen) return null;
    path.value = chosen;
  }
  let p = path.value.trim();
  if (!p.toLowerCase().endsWith(`.${kind}`)) p += `.${kind}`;
  return p;
}

function pdfCard(ctx: Ctx, layouts: string[], stem: string): HTMLElement {
  const card = el("form", "card export-card");
  card.dataset["export"] = "pdf";
  const layout = select(layouts.map((l) => [l, l] as const), layouts.includes("default") ? "default" : (layouts[0] ?? ""), "layout");
  const date = input(today(), "date", "date");
  const logo = input("", "logo");
  logo.placeholder = "No logo";
  logo.readOnly = true;
  const pickLogo = button("Choose logo…", () => {
    void ctx.api.chooseLogo().then((p) => {
      if (p) logo.value = p;
    }, (e) => ctx.fail(e));
  });
  const clearLogo = button("Remove logo", () => (logo.value = ""), "btn btn-quiet");
  const logoRow = el("div", "inline");
  logoRow.append(logo, pickLogo, clearLogo);
  const list = document.createElement("input");
  list.type = "checkbox";
  list.name = "finding-list";
  list.checked = true;
  const listLabel = el("span", "inline");
  listLabel.append(list, document.createTextNode(" List every finding in the appendix (the themes are always shown)"));
  const [where, path] = destination(ctx, "pdf", stem);
  const outcome = el("div", "outcome");
  outcome.setAttribute("role", "status");
  const go = el("button", "btn btn-primary", "Export blueprint PDF");
  go.type = "submit";
  card.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const p = await target(ctx, path, "pdf", stem);
    if (!p) return;
    outcome.textContent = "Writing the blueprint…";
    try {
      result(ctx, outcome, await ctx.api.exportBlueprint(p, {
          layout: layout.value || null,
          logo: logo.value || null,
          date: date.value,
          no_finding_list: !list.checked,
        }));
    } catch (e) {
      outcome.textContent = "";
      ctx.fail(e);
    }
  });
  card.append(
    el("h2", "section-title", "Blueprint (PDF)"),
    el("p", "muted", "The findings, scores, your verdicts and executive summary, laid out for the client."),
    field("Layout", layout),
    field("Logo on the cover (PNG)", logoRow),
    field("Date printed on it", date),
    field("Finding list", listLabel),
    where,
    go,
    outcome,
  );
  return card;
}

function jsonCard(ctx: Ctx, stem: string): HTMLElement {
  const card = el("form", "card export-card");
  card.dataset["export"] = "json";
  const [where, path] = destination(ctx, "json", stem);
  const outcome = el("div", "outcome");
  outcome.setAttribute("role", "status");
  const go = el("button", "btn btn-primary", "Export JSON");
  go.type = "submit";
  card.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const p = await target(ctx, path, "json", stem);
    if (!p) return;
    try {
      result(ctx, outcome, await ctx.api.exportJson(p));
    } catch (e) {
      ctx.fail(e);
    }
  });
  card.append(
    el("h2", "section-title", "Interchange (JSON)"),
    el("p", "muted", "The whole engagement as one document: for other tools, or to import into another engagement."),
    where,
    go,
    outcome,
  );
  return card;
}
