// The ecosystem map's data for Cytoscape: elements from the shell's MapGraph, colours by kind,
// the layouts, and what the summary banner says. No DOM here: tested with Vitest.

import type { ChannelKind, MapGraph, MapNode, MapNodeKind, MapQuery } from "../bindings/trellis";

/** Colour per node kind; channels by their channel kind. Chosen to stay apart for common colour blindness. */
export const KIND_COLOURS: Record<MapNodeKind, string> = {
  role: "#2b5c9e",
  competency: "#2f7d57",
  channel: "#8a5a00",
  group: "#2b5c9e",
  category: "#2f7d57",
  "channel-kind": "#8a5a00",
};

export const CHANNEL_COLOURS: Record<ChannelKind, string> = {
  formal: "#b5651d",
  experiential: "#6a3d9a",
  coaching: "#c2185b",
  knowledge: "#00838f",
  social: "#7c8b00",
  platform: "#5d4037",
};

export function colourOf(node: MapNode): string {
  if ((node.kind === "channel" || node.kind === "channel-kind") && node.class in CHANNEL_COLOURS) {
    return CHANNEL_COLOURS[node.class as ChannelKind];
  }
  return KIND_COLOURS[node.kind];
}

export interface Element {
  group: "nodes" | "edges";
  data: Record<string, string | number>;
  classes?: string;
}

/** Cytoscape elements: node data carries label, kind, colour and size; edges their kind and weight. */
export function elements(graph: MapGraph): Element[] {
  const out: Element[] = [];
  for (const n of graph.nodes) {
    const summary = n.count > 1 || n.kind === "group" || n.kind === "category" || n.kind === "channel-kind";
    const label = summary ? `${n.label} (${n.count.toLocaleString("en")})` : n.label;
    out.push({
      group: "nodes",
      data: { id: n.id, label, kind: n.kind, colour: colourOf(n), size: summary ? Math.min(90, 30 + Math.sqrt(n.count) * 4) : 28 },
      classes: `${n.kind}${summary ? " summary" : ""}`,
    });
  }
  graph.edges.forEach((e, i) => {
    out.push({
      group: "edges",
      data: { id: `e${i}`, source: e.source, target: e.target, kind: e.kind, width: Math.min(8, 1 + Math.log2(e.count)) },
      classes: `${e.kind}${e.criticality === "high" ? " critical" : ""}`,
    });
  });
  return out;
}

export type LayoutName = "layered" | "force";

/** The layer of a node kind: roles left, competencies in the middle, channels right. */
function layerOf(kind: MapNodeKind): number {
  return kind === "role" || kind === "group" ? 0 : kind === "competency" || kind === "category" ? 1 : 2;
}

export const COLUMN_WIDTH = 190;
export const ROW_HEIGHT = 34;
const LAYER_GAP = 70;

/**
 * Positions for the layered layout: three bands of columns (roles, competencies, channels), each
 * sorted by group, category or kind, then name; as many rows as make the whole about as wide as
 * `aspect` times its height, so that it fills the canvas.
 */
export function layeredPositions(nodes: readonly MapNode[], aspect = 1.6): Map<string, { x: number; y: number }> {
  const layers: MapNode[][] = [[], [], []];
  for (const n of nodes) layers[layerOf(n.kind)]?.push(n);
  for (const l of layers) l.sort((a, b) => a.class.localeCompare(b.class, "en", { numeric: true }) || a.label.localeCompare(b.label, "en", { numeric: true }));
  const largest = Math.max(1, ...layers.map((l) => l.length));
  let rows = largest;
  let best = Infinity;
  for (let r = Math.min(6, largest); r <= largest; r++) {
    const columns = layers.reduce((sum, l) => sum + Math.ceil(l.length / r), 0);
    const width = columns * COLUMN_WIDTH + 2 * LAYER_GAP;
    const off = Math.abs(width / (r * ROW_HEIGHT) - aspect);
    if (off < best) {
      best = off;
      rows = r;
    }
  }
  const out = new Map<string, { x: number; y: number }>();
  let x = 0;
  for (const l of layers) {
    if (l.length === 0) continue;
    l.forEach((n, i) => out.set(n.id, { x: x + Math.floor(i / rows) * COLUMN_WIDTH, y: (i % rows) * ROW_HEIGHT }));
    x += Math.ceil(l.length / rows) * COLUMN_WIDTH + LAYER_GAP;
  }
  return out;
}

/** Cytoscape layout options: layered is a preset of `layeredPositions`, force is cose. */
export function layout(name: LayoutName, nodes: readonly MapNode[], aspect = 1.6): Record<string, unknown> {
  if (name === "layered") {
    const at = layeredPositions(nodes, aspect);
    return {
      name: "preset",
      positions: (node: { id(): string }) => at.get(node.id()) ?? { x: 0, y: 0 },
      fit: true,
      padding: 24,
      animate: false,
    };
  }
  // cose runs in the page: fewer iterations on large maps keep the window responsive.
  const n = nodes.length;
  return {
    name: "cose",
    animate: false,
    fit: true,
    padding: 30,
    randomize: true,
    numIter: n > 800 ? 150 : n > 300 ? 400 : 1000,
    nodeRepulsion: () => 9000,
    idealEdgeLength: () => 90,
  };
}

/** The line above the map: what is drawn, and how to go further when it is a summary. */
export function caption(graph: MapGraph, q: MapQuery): string {
  const drawn = graph.nodes.length.toLocaleString("en");
  const items = graph.items.toLocaleString("en");
  const where = [q.focus ? "one role in focus" : "", q.group ? `role group “${q.group}”` : "", q.category ? `category “${q.category}”` : ""]
    .filter(Boolean)
    .join(", ");
  const scope = where ? ` in ${where}` : "";
  if (graph.summary) {
    return `${items} items${scope}: too many to draw one by one, so ${drawn} groups, categories and kinds are shown. Double-click one to look inside.`;
  }
  return `${items} items${scope}, ${graph.edges.length.toLocaleString("en")} links.`;
}

/** A fresh query: everything, no focus. */
export function emptyQuery(): MapQuery {
  return { group: null, category: null, kinds: [], focus: null, limit: null };
}

/** The query after double-clicking a summary node: its group, category or channel kind becomes a filter. */
export function drillInto(q: MapQuery, node: Pick<MapNode, "kind" | "class">): MapQuery {
  switch (node.kind) {
    case "group":
      return { ...q, group: node.class };
    case "category":
      return { ...q, category: node.class };
    case "channel-kind":
      return { ...q, kinds: [node.class as ChannelKind] };
    default:
      return q;
  }
}
