// Ecosystem map: Cytoscape.js draws roles, competencies and channels coloured by kind, with
// filters, a focus on one role, a layered and a force layout, and groups to drill into on large models.

import cytoscape from "cytoscape";
import type { ChannelKind, Lists, MapGraph, MapNode, MapQuery } from "../bindings/trellis";
import type { Ctx } from "../ctx";
import { button, el, header, select } from "../dom";
import { CHANNEL_COLOURS, KIND_COLOURS, caption, drillInto, elements, emptyQuery, layout, type LayoutName } from "../logic/map";
import { CHANNEL_KINDS, CHANNEL_KIND_LABELS } from "../bindings/vocabularies";

const state = { query: emptyQuery() as MapQuery, layout: "layered" as LayoutName };
let current: cytoscape.Core | null = null;
let shownNodes: MapNode[] = [];
window.addEventListener("trellis:engagement-changed", () => (state.query = emptyQuery()));

function aspectOf(container: HTMLElement | null): number {
  return container && container.clientHeight > 0 ? container.clientWidth / container.clientHeight : 1.6;
}

const STYLE = [
  {
    selector: "node",
    style: {
      "background-color": "data(colour)",
      label: "data(label)",
      width: "data(size)",
      height: "data(size)",
      "font-size": 11,
      color: "#1f2a24",
      "text-valign": "bottom",
      "text-margin-y": 4,
      "text-wrap": "ellipsis",
      "text-max-width": "140px",
      "min-zoomed-font-size": 7,
      "text-background-color": "#ffffff",
      "text-background-opacity": 0.75,
      "text-background-padding": "1px",
      "border-width": 0,
    },
  },
  { selector: "node.role", style: { shape: "round-rectangle" } },
  { selector: "node.competency", style: { shape: "ellipse" } },
  { selector: "node.channel", style: { shape: "diamond" } },
  { selector: "node.side-label", style: { "text-valign": "center", "text-halign": "right", "text-margin-x": 5, "text-margin-y": 0, "text-max-width": "150px", width: 16, height: 16 } },
  { selector: "node.summary", style: { shape: "round-rectangle", "font-size": 13, "font-weight": "bold", "border-width": 2, "border-color": "#ffffff" } },
  { selector: "node.side-label.summary", style: { width: 26, height: 26 } },
  { selector: "edge", style: { width: "data(width)", "line-color": "#b9c5bd", "curve-style": "haystack", opacity: 0.8 } },
  { selector: "edge.develops", style: { "line-color": "#c9b48a", "line-style": "dashed" } },
  { selector: "edge.reaches", style: { "line-color": "#9db4d6" } },
  { selector: "edge.critical", style: { "line-color": "#c0392b" } },
  { selector: "edge.follows, edge.prerequisite", style: { "curve-style": "bezier", "target-arrow-shape": "triangle", "line-color": "#7d8a82", "target-arrow-color": "#7d8a82" } },
  { selector: "node:selected", style: { "border-width": 4, "border-color": "#111111" } },
  { selector: ".faded", style: { opacity: 0.12 } },
];

export async function renderMap(root: HTMLElement, ctx: Ctx, arg?: string): Promise<void> {
  const lists = await ctx.api.lists();
  if (arg) {
    // A finding's subject: a role is put in focus; anything else is found on the whole map.
    state.query = emptyQuery();
    if (lists.roles.some((r) => r.id === arg)) state.query.focus = arg;
  }
  const graph = await ctx.api.map(state.query);
  root.append(header("Ecosystem map", "Roles, the competencies they need, and the channels that develop them."));
  const panel = el("aside", "map-panel");
  const canvas = el("div", "map-canvas");
  canvas.setAttribute("aria-label", "Ecosystem map");
  canvas.tabIndex = 0;
  const note = el("p", "map-caption", caption(graph, state.query));
  note.setAttribute("role", "status");
  root.append(controls(ctx, lists), note);
  const body = el("div", "map-body");
  body.append(canvas, panel);
  root.append(body, legend());
  panel.append(el("p", "muted", "Select a node to see what it links to. Drag to move it, scroll to zoom."));
  // Cytoscape measures its container: draw once the view is on the page.
  requestAnimationFrame(() => draw(ctx, canvas, panel, graph, arg));
}

function controls(ctx: Ctx, lists: Lists): HTMLElement {
  const q = state.query;
  const bar = el("div", "map-controls");
  const lay = select([["layered", "Layered layout"], ["force", "Force layout"]], state.layout, "layout");
  lay.addEventListener("change", () => {
    state.layout = lay.value as LayoutName;
    if (!current) return;
    current.nodes().toggleClass("side-label", state.layout === "layered");
    current.layout(layout(state.layout, shownNodes, aspectOf(current.container())) as unknown as cytoscape.LayoutOptions).run();
  });
  const group = select([["", "All role groups"], ...lists.groups.map((g) => [g, g] as const)], q.group ?? "", "group");
  const category = select([["", "All categories"], ...lists.categories.map((c) => [c, c] as const)], q.category ?? "", "category");
  const kind = select([["", "All channel kinds"], ...CHANNEL_KINDS.map((k) => [k, CHANNEL_KIND_LABELS[k]] as const)], q.kinds.length === 1 ? (q.kinds[0] ?? "") : "", "kind");
  const focus = select([["", "No role in focus"], ...lists.roles.slice(0, 5000).map((r) => [r.id, r.name] as const)], q.focus ?? "", "focus");
  const apply = () => {
    state.query = {
      ...state.query,
      group: group.value || null,
      category: category.value || null,
      kinds: kind.value ? [kind.value as ChannelKind] : [],
      focus: focus.value || null,
    };
    ctx.go("map");
  };
  for (const s of [group, category, kind, focus]) s.addEventListener("change", apply);
  const reset = button("Show everything", () => {
    state.query = emptyQuery();
    ctx.go("map");
  });
  const labels: [HTMLSelectElement, string][] = [[lay, "Layout"], [group, "Role group"], [category, "Competency category"], [kind, "Channel kind"], [focus, "Focus on a role"]];
  for (const [s, label] of labels) s.setAttribute("aria-label", label);
  bar.append(lay, group, category, kind, focus, reset);
  return bar;
}

function draw(ctx: Ctx, canvas: HTMLElement, panel: HTMLElement, graph: MapGraph, selectId?: string): void {
  current?.destroy();
  const big = graph.nodes.length > 400;
  // Classes and layout are given at creation: one style pass and one layout over every node,
  // rather than a second of each just after (what made the page stall on large maps).
  const defs = elements(graph) as cytoscape.ElementDefinition[];
  if (state.layout === "layered") for (const d of defs) if (d.group === "nodes") d.classes += " side-label";
  const cy = cytoscape({
    container: canvas,
    elements: defs,
    style: STYLE as unknown as cytoscape.StylesheetJson,
    layout: layout(state.layout, graph.nodes, aspectOf(canvas)) as unknown as cytoscape.LayoutOptions,
    textureOnViewport: big,
    hideEdgesOnViewport: big,
    pixelRatio: big ? 1 : "auto",
    minZoom: 0.05,
    maxZoom: 4,
  });
  current = cy;
  shownNodes = graph.nodes;
  canvas.dataset["nodes"] = String(graph.nodes.length);
  canvas.dataset["summary"] = String(graph.summary);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  cy.on("tap", "node", (ev) => {
    const node = ev.target as cytoscape.NodeSingular;
    cy.elements().addClass("faded");
    node.closedNeighborhood().removeClass("faded");
    const info = byId.get(node.id());
    if (info) showNode(ctx, panel, info, node.connectedEdges().length);
  });
  cy.on("tap", (ev) => {
    if (ev.target === cy) cy.elements().removeClass("faded");
  });
  cy.on("dbltap", "node.summary", (ev) => {
    const info = byId.get((ev.target as cytoscape.NodeSingular).id());
    if (info) {
      state.query = drillInto(state.query, info);
      ctx.go("map");
    }
  });
  if (selectId) {
    const node = cy.getElementById(selectId);
    if (node.nonempty()) {
      node.select();
      node.emit("tap");
      cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1) }, { duration: 0 });
    }
  }
}

function showNode(ctx: Ctx, panel: HTMLElement, node: MapNode, links: number): void {
  const kindName: Record<string, string> = {
    role: "Role",
    competency: "Competency",
    channel: "Channel",
    group: "Role group",
    category: "Competency category",
    "channel-kind": "Channel kind",
  };
  panel.replaceChildren(el("p", "eyebrow", kindName[node.kind] ?? node.kind), el("h2", "panel-title", node.label));
  const facts = el("dl", "facts");
  const fact = (k: string, v: string) => facts.append(el("dt", undefined, k), el("dd", undefined, v));
  const kindLabel = (CHANNEL_KIND_LABELS as Readonly<Record<string, string>>)[node.class];
  if (node.class) fact(node.kind === "role" ? "Group" : node.kind === "competency" ? "Category" : "Kind", node.kind === "channel" ? (kindLabel ?? node.class) : node.class);
  if (node.count > 1) fact("Items", node.count.toLocaleString("en"));
  fact("Links on the map", links.toLocaleString("en"));
  panel.append(facts);
  const actions = el("div", "panel-actions");
  if (node.kind === "role") {
    actions.append(button("Focus on this role", () => {
      state.query = { ...emptyQuery(), focus: node.id };
      ctx.go("map");
    }, "btn btn-primary"));
  }
  if (node.kind === "role" || node.kind === "competency" || node.kind === "channel") {
    actions.append(button("Edit in the model", () => ctx.go("model", `${node.kind}:${node.id}`)));
  } else {
    actions.append(button("Look inside", () => {
      state.query = drillInto(state.query, node);
      ctx.go("map");
    }, "btn btn-primary"));
  }
  panel.append(actions);
}

function legend(): HTMLElement {
  const box = el("div", "legend");
  const item = (colour: string, text: string, shape: string) => {
    const i = el("span", "legend-item");
    const swatch = el("span", `swatch ${shape}`);
    swatch.style.backgroundColor = colour;
    i.append(swatch, el("span", undefined, text));
    box.append(i);
  };
  item(KIND_COLOURS.role, "Role", "square");
  item(KIND_COLOURS.competency, "Competency", "round");
  for (const k of CHANNEL_KINDS) item(CHANNEL_COLOURS[k], CHANNEL_KIND_LABELS[k], "diamond");
  return box;
}
