// Coverage heatmap logic: cell lookup, the colour scale of the integration score, and what a cell says.

import type { CoverageCell, CoverageView, Stage } from "../bindings/trellis";
import { STAGES, STAGE_LABELS } from "../bindings/vocabularies";

/** Integration 0 (nothing covers it) to 4 (every stage covered): from alarm red to deep green. */
export const HEAT = ["#f3c1b8", "#f7dca6", "#e3eab0", "#b7dbb0", "#7fbf8e"] as const;

export function heat(integration: number): string {
  const i = Math.max(0, Math.min(4, Math.round(integration)));
  return HEAT[i] ?? HEAT[0];
}

/** The cells by `role|competency`. */
export function cellIndex(view: CoverageView): Map<string, CoverageCell> {
  return new Map(view.cells.map((c) => [`${c.role}|${c.competency}`, c]));
}

/** The competencies some role requires: the heatmap's columns (an unrequired one is an empty column). */
export function requiredColumns(view: CoverageView): CoverageView["competencies"] {
  const used = new Set(view.cells.map((c) => c.competency));
  return view.competencies.filter((c) => used.has(c.id));
}

/** The stages a cell lacks, in journey order. */
export function missingStages(cell: CoverageCell): Stage[] {
  return STAGES.filter((s) => !cell.stages.includes(s));
}

/** "2 of 4 stages: introduce, practice" */
export function describeCell(cell: CoverageCell): string {
  if (cell.stages.length === 0) return "No channel that reaches this role develops it.";
  return `${cell.integration} of 4 stages: ${inSentence(cell.stages)}`;
}

/** Stages named inside a sentence: "introduce, practice". */
export function inSentence(stages: readonly Stage[]): string {
  return stages.map((s) => STAGE_LABELS[s].toLowerCase()).join(", ");
}
