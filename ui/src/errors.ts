// Errors as the UI sees them: `{code, message}` from the shell. The UI switches on the code only.

import type { ApiError } from "./bindings/trellis";

export interface ErrorView {
  title: string;
  advice: string;
}

/** What to tell the user for each error code the core reports; the message follows as detail. */
export function errorView(code: string): ErrorView {
  switch (code) {
    case "not-found":
      return { title: "File not found", advice: "Check the path, or choose another file." };
    case "exists":
      return { title: "That file already exists", advice: "Trellis never overwrites a file: choose another name." };
    case "not-trellis":
      return { title: "Not a Trellis engagement", advice: "This file was not made by Trellis. Open a .trellis file instead." };
    case "damaged":
      return { title: "The engagement file is damaged", advice: "Run trellis check on it for details, or restore it from a backup." };
    case "too-new":
      return { title: "Made by a newer Trellis", advice: "Update Trellis to open this engagement. It has not been changed." };
    case "usage":
      return { title: "That cannot be done", advice: "The details below say why. From Home you can create or open an engagement." };
    case "invalid":
      return { title: "That change was not saved", advice: "It would break a rule of the model; the details say which." };
    case "parse":
      return { title: "The file could not be read", advice: "It is not in the expected format; the details say where." };
    case "not-in-model":
      return { title: "Not in this engagement", advice: "The item may have been removed, or undone. The view has been refreshed." };
    case "io":
      return { title: "The file could not be written or read", advice: "Check the folder exists and you may write to it." };
    case "database":
      return { title: "The engagement file could not be saved", advice: "Nothing was changed. Check the disk, then try again." };
    case "not-live":
      return { title: "No live session is running", advice: "Start one from the Workshop view." };
    case "live":
      return { title: "A live session is being served", advice: "Use its controls in the Workshop view, or stop serving first." };
    case "ended":
      return { title: "This live session has ended", advice: "Stop serving, then start a new session to ask again." };
    case "no-more-questions":
      return { title: "That was the last question", advice: "End the session when the room is done." };
    case "closed":
    case "unknown-question":
      return { title: "That question cannot be opened now", advice: "The view has been refreshed." };
    case "not-saved":
      return { title: "The answer could not be saved", advice: "Nothing of it was kept. Check the disk, then try again." };
    default:
      return { title: "Something went wrong", advice: "The details below say why." };
  }
}

/** Whatever `invoke` rejected with, as an ApiError: the shell sends `{code, message}`, Tauri itself strings. */
export function toApiError(e: unknown): ApiError {
  if (typeof e === "object" && e !== null && "code" in e && "message" in e) {
    const { code, message } = e as Record<string, unknown>;
    if (typeof code === "string" && typeof message === "string") {
      return { code, message };
    }
  }
  if (e instanceof Error) {
    return { code: "internal", message: e.message };
  }
  return { code: "internal", message: String(e) };
}
