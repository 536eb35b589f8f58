// Saving one edit from a form: the form's own problems first, then the core's refusal, each shown
// beside the field it is about (or under the form when no field of it is on screen), any other
// error in the banner. Shared by the item forms and their links.

import type { Edit } from "../bindings/trellis";
import type { Ctx } from "../ctx";
import { el } from "../dom";
import { toApiError } from "../errors";
import type { Problem } from "../logic/model";

/** Saves `edit` unless `problems` says otherwise; problems and refusals show in `messages`. */
export async function save(ctx: Ctx, edit: Edit, problems: Problem[], messages: HTMLElement): Promise<boolean> {
  const form = messages.closest("form");
  clearBesideFields(form);
  messages.replaceChildren(...besideFields(form, problems).map((p) => el("p", "problem", p.message)));
  if (problems.length > 0) return false;
  try {
    await ctx.edited((await ctx.api.apply(edit)).history);
    return true;
  } catch (e) {
    const err = toApiError(e);
    if (err.code === "invalid") {
      const unplaced = besideFields(form, err.fields);
      messages.replaceChildren(el("p", "problem", "Not saved: this change breaks a rule of the model."));
      if (unplaced.length > 0 || err.fields.length === 0) messages.append(el("pre", "problem-detail", err.message));
    } else {
      ctx.fail(err);
    }
    return false;
  }
}

/**
 * The control a field's problem belongs to: the one named as the field (`cohorts_per_year`), or
 * as its last part (`target_mix.experiential` is the `experiential` input).
 */
function controlFor(form: HTMLFormElement, field: string): HTMLElement | null {
  for (const name of [field, field.split(".").pop() ?? field]) {
    const control = form.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]`);
    if (control?.closest(".field")) return control;
  }
  return null;
}

/** Shows each problem under its field's control; returns those with no field on screen. */
function besideFields<P extends { field: string; message: string }>(form: HTMLFormElement | null, problems: readonly P[]): P[] {
  if (!form) return [...problems];
  const unplaced: P[] = [];
  for (const p of problems) {
    const control = controlFor(form, p.field);
    if (!control) {
      unplaced.push(p);
      continue;
    }
    control.setAttribute("aria-invalid", "true");
    const line = el("p", "problem field-problem", p.message);
    line.setAttribute("role", "alert");
    control.closest(".field")?.append(line);
  }
  return unplaced;
}

function clearBesideFields(form: HTMLFormElement | null): void {
  if (!form) return;
  for (const p of form.querySelectorAll(".field-problem")) p.remove();
  for (const c of form.querySelectorAll("[aria-invalid]")) c.removeAttribute("aria-invalid");
}
