// Errors as the UI sees them: `{code, message}` from the shell. The UI switches on the code only.

import type { ApiError, ErrorCode, FieldError } from "./bindings/trellis";

export interface ErrorView {
  title: string;
  advice: string;
}

/**
 * What to tell the user for each error code, the message following as detail. Keyed by the
 * generated `ErrorCode`: a code added in Rust (src/error.rs) does not type-check here until it
 * has its words, and a code removed there fails here too.
 */
export const ERROR_VIEWS: Record<ErrorCode, ErrorView> = {
  "not-found": { title: "File not found", advice: "Check the path, or choose another file." },
  exists: { title: "That file already exists", advice: "Trellis never overwrites a file: choose another name." },
  "not-trellis": { title: "Not a Trellis engagement", advice: "This file was not made by Trellis. Open a .trellis file instead." },
  damaged: { title: "The engagement file is damaged", advice: "Run trellis check on it for details, or restore it from a backup." },
  "too-new": { title: "Made by a newer Trellis", advice: "Update Trellis to open this engagement. It has not been changed." },
  invalid: { title: "That change was not saved", advice: "It would break a rule of the model; the details say which." },
  parse: { title: "The file could not be read", advice: "It is not in the expected format; the details say where." },
  "not-in-model": { title: "Not in this engagement", advice: "The item may have been removed, or undone. The view has been refreshed." },
  usage: { title: "The request was not understood", advice: "The details below say why." },
  refused: { title: "That cannot be done", advice: "The details below say why." },
  io: { title: "The file could not be written or read", advice: "Check the folder exists and you may write to it." },
  database: { title: "The engagement file could not be saved", advice: "Nothing was changed. Check the disk, then try again." },
  closed: { title: "That question cannot be opened now", advice: "The view has been refreshed." },
  "unknown-question": { title: "That question cannot be opened now", advice: "The view has been refreshed." },
  "unknown-participant": { title: "That participant has not joined", advice: "They join with the session's code on their phone." },
  ended: { title: "This live session has ended", advice: "Stop serving, then start a new session to ask again." },
  "no-more-questions": { title: "That was the last question", advice: "End the session when the room is done." },
  full: { title: "The session is full", advice: "It takes no more participants; groups can share a phone." },
  "not-saved": { title: "The answer could not be saved", advice: "Nothing of it was kept. Check the disk, then try again." },
  "no-engagement": { title: "No engagement is open", advice: "From Home you can create or open an engagement." },
  "not-live": { title: "No live session is running", advice: "Start one from the Workshop view." },
  live: { title: "A live session is being served", advice: "Use its controls in the Workshop view, or stop serving first." },
  internal: { title: "Something went wrong", advice: "The details below say why." },
};

/** What to tell the user about an error. */
export function errorView(code: ErrorCode): ErrorView {
  return ERROR_VIEWS[code];
}

function isErrorCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(ERROR_VIEWS, code);
}

/**
 * Whatever `invoke` rejected with, as an ApiError: the shell sends `{code, message, fields}`,
 * Tauri itself strings (a command it does not know, arguments it cannot read). A code the table
 * does not know is `internal` too, its message kept; fields that are not well-formed are dropped.
 */
export function toApiError(e: unknown): ApiError {
  if (typeof e === "object" && e !== null && "code" in e && "message" in e) {
    const { code, message, fields } = e as Record<string, unknown>;
    if (typeof code === "string" && typeof message === "string") {
      return { code: isErrorCode(code) ? code : "internal", message, fields: Array.isArray(fields) ? fields.filter(isFieldError) : [] };
    }
  }
  if (e instanceof Error) {
    return { code: "internal", message: e.message, fields: [] };
  }
  return { code: "internal", message: String(e), fields: [] };
}

function isFieldError(f: unknown): f is FieldError {
  return typeof f === "object" && f !== null && typeof (f as FieldError).field === "string" && typeof (f as FieldError).message === "string";
}
