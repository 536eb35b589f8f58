// Findings logic: the filter query from the form, and the area chart's bars.

import type { Area, AreaScore, FindingQuery, Severity } from "../bindings/trellis";
import { counted } from "./words";

export interface FilterForm {
  area: string;
  severity: string;
  code: string;
  status: string;
}

/** The shell's query from the filter selects: an empty select keeps everything. */
export function queryOf(form: FilterForm): FindingQuery {
  return {
    area: (form.area || null) as Area | null,
    severity: (form.severity || null) as Severity | null,
    code: form.code || null,
    status: form.status || null,
    limit: null,
  };
}

/** One bar of the area chart: its width in percent and the text beside it. */
export interface Bar {
  area: Area;
  label: string;
  width: number;
  text: string;
  parts: string;
}

export function bars(areas: readonly AreaScore[]): Bar[] {
  return areas.map((a) => {
    const parts = [
      a.structural === null ? "" : `model ${Math.round(a.structural)}`,
      // A perceived score counts from five respondents; fewer are said, not scored.
      a.perceived !== null ? `workshop ${Math.round(a.perceived)} (${a.respondents} people)`
        : a.respondents > 0 ? `${a.respondents} answered, too few to score` : "",
    ].filter(Boolean);
    return {
      area: a.area,
      label: a.title,
      width: a.score === null ? 0 : Math.max(0, Math.min(100, a.score)),
      text: a.score === null ? "not scored yet" : `${Math.round(a.score)} / 100`,
      parts: `${parts.join(" · ")}${parts.length ? " · " : ""}${counted(a.open_findings, "open finding")}`,
    };
  });
}

/** "Showing 500 of 12,345 findings" or "12 findings". */
export function countLine(shown: number, matching: number, total: number): string {
  const f = (n: number) => n.toLocaleString("en");
  const of = matching === total ? `${f(total)} finding${total === 1 ? "" : "s"}` : `${f(matching)} of ${f(total)} findings match`;
  return shown < matching ? `Showing the first ${f(shown)}: ${of}. Narrow the filters to see the rest.` : of;
}
