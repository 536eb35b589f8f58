// What a view may ask of the studio (`Ctx`) and the views' ids: a leaf module, so that the
// views depend on it rather than on the frame in app.ts that imports them all.

import type { History, Info } from "./bindings/trellis";
import type { Api } from "./ipc";

export type ViewId = "home" | "model" | "map" | "coverage" | "findings" | "workshop" | "export";

/** What a view may ask of the studio. */
export interface Ctx {
  api: Api;
  /** The open engagement, or null. */
  info: Info | null;
  /** Shows a view; `arg` picks something in it (an item id, a tab). */
  go(view: ViewId, arg?: string): void;
  /** After a change was saved: refreshes the history buttons and the engagement's name. */
  edited(history: History): Promise<void>;
  /** After an engagement was opened or created. */
  opened(info: Info): void;
  /** Shows an error in the banner, chosen by its code. */
  fail(e: unknown): void;
  /** A short confirmation in the status bar. */
  notify(text: string): void;
}
