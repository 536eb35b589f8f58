// Saving one edit from a form: the form's own problems first, then the core's refusal shown
// beside the form, any other error in the banner. Shared by the item forms and their links.

import type { Edit } from "../bindings/trellis";
import type { Ctx } from "../ctx";
import { el } from "../dom";
import { toApiError } from "../errors";
import type { Problem } from "../logic/model";

/** Saves `edit` unless `problems` says otherwise; problems and refusals show in `messages`. */
export async function save(ctx: Ctx, edit: Edit, problems: Problem[], messages: HTMLElement): Promise<boolean> {
  messages.replaceChildren(...problems.map((p) => el("p", "problem", p.message)));
  if (problems.length > 0) return false;
  try {
    await ctx.edited((await ctx.api.apply(edit)).history);
    return true;
  } catch (e) {
    const err = toApiError(e);
    if (err.code === "invalid") {
      messages.replaceChildren(el("p", "problem", "Not saved: this change breaks a rule of the model."), el("pre", "problem-detail", err.message));
    } else {
      ctx.fail(err);
    }
    return false;
  }
}
