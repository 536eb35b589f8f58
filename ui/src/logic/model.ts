// Model editor logic without the DOM: searching the item lists and checking a form before it is saved.

import type { Channel, Competency, Engagement, Role, Scale } from "../bindings/trellis";

/** At most this many items are listed at once; the search narrows the rest. */
export const LIST_LIMIT = 300;

export interface Named {
  id: string;
  name: string;
}

/** Items whose name (or group/category/kind) contains every word of `query`, case-insensitively. */
export function search<T extends Named>(items: readonly T[], query: string, extra: (t: T) => string = () => ""): T[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...items];
  return items.filter((t) => {
    const text = `${t.name} ${extra(t)}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

/** A field's problem, shown under it; the save waits until there are none. */
export interface Problem {
  field: string;
  message: string;
}

const blank = (s: string) => s.trim() === "";

export function checkRole(r: Role): Problem[] {
  const out: Problem[] = [];
  if (blank(r.name)) out.push({ field: "name", message: "A role needs a name." });
  if (!Number.isInteger(r.headcount) || r.headcount < 0)
    out.push({ field: "headcount", message: "Headcount is a whole number, 0 or more." });
  return out;
}

export function checkCompetency(c: Competency): Problem[] {
  const out: Problem[] = [];
  if (blank(c.name)) out.push({ field: "name", message: "A competency needs a name." });
  if (c.parent === c.id) out.push({ field: "parent", message: "A competency cannot be its own parent." });
  return out;
}

export function checkChannel(c: Channel): Problem[] {
  const out: Problem[] = [];
  if (blank(c.name)) out.push({ field: "name", message: "A channel needs a name." });
  if (c.capacity !== null && (!Number.isInteger(c.capacity) || c.capacity < 0))
    out.push({ field: "capacity", message: "Capacity is a whole number of people, or empty." });
  if (c.cost !== null && (!Number.isFinite(c.cost) || c.cost < 0))
    out.push({ field: "cost", message: "Cost is 0 or more, or empty." });
  return out;
}

export function checkEngagement(e: Engagement): Problem[] {
  const out: Problem[] = [];
  if (blank(e.name)) out.push({ field: "name", message: "The engagement needs a name." });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(e.created)) out.push({ field: "created", message: "A date as YYYY-MM-DD." });
  const m = e.target_mix;
  const parts = [m.experiential, m.social, m.formal];
  if (parts.some((p) => !Number.isInteger(p) || p < 0 || p > 100))
    out.push({ field: "target_mix", message: "Each bucket is a whole percentage, 0 to 100." });
  else if (parts.reduce((a, b) => a + b, 0) !== 100)
    out.push({ field: "target_mix", message: `The buckets add up to ${parts.reduce((a, b) => a + b, 0)}, not 100.` });
  return out;
}

/** A proficiency level typed in a form: a whole number on the scale, or null when left empty and allowed. */
export function parseLevel(text: string, scale: Scale, optional: boolean): number | null | Problem {
  if (text.trim() === "") {
    return optional ? null : { field: "level", message: "Give a level." };
  }
  const n = Number(text);
  if (!Number.isInteger(n) || n < scale.min || n > scale.max)
    return { field: "level", message: `A level is a whole number from ${scale.min} to ${scale.max}.` };
  return n;
}

/** A number typed in a form, or null when empty. NaN stays NaN so that the check reports it. */
export function parseOptionalNumber(text: string): number | null {
  return text.trim() === "" ? null : Number(text);
}

/**
 * A whole number typed in a form, or null when empty; anything else is a problem for `field`.
 * Only the type is checked here: whether the number is allowed is the core's rule.
 */
export function parseOptionalWhole(text: string, field: string, message: string): number | null | Problem {
  if (text.trim() === "") return null;
  const n = Number(text);
  return Number.isInteger(n) ? n : { field, message };
}

/** Text typed in a form, trimmed, or null when empty. */
export function parseOptionalText(text: string): string | null {
  const t = text.trim();
  return t === "" ? null : t;
}

/** "Level 3 · Competent" for a level on a scale with labels. */
export function levelLabel(level: number, scale: Scale): string {
  const label = scale.labels[level - scale.min];
  return label ? `${level} · ${label}` : String(level);
}
