// The live session's view logic without the DOM: what the facilitator's buttons say and allow,
// the distribution as bars, the address to listen on, the QR code as an image.

import { ANSWER_SCALE, DONT_KNOW, type LiveQuestion, type LiveView } from "../bindings/trellis";
import { counted } from "./words";

/** The question open (or last opened) now. */
export function currentQuestion(view: LiveView): LiveQuestion | undefined {
  return view.current === null ? undefined : view.questions.find((q) => q.id === view.current);
}

export interface Bar {
  label: string;
  count: number;
  /** Share of this question's answers, 0-100, rounded. */
  percent: number;
}

/** Each point of the answer scale ("1 not at all" ... "5 fully"), then "Don't know": Trellis's one scale. */
export function scaleLabels(): string[] {
  return [...ANSWER_SCALE.map((words, i) => `${i + 1} ${words}`), DONT_KNOW.charAt(0).toUpperCase() + DONT_KNOW.slice(1)];
}

/** Scores 1-5, then "Don't know", each with its share of the answers. */
export function bars(q: LiveQuestion): Bar[] {
  const counts = [...q.distribution, q.dont_know];
  const labels = scaleLabels();
  return counts.map((count, i) => ({
    label: labels[i] ?? "",
    count,
    percent: q.answers > 0 ? Math.round((count / q.answers) * 100) : 0,
  }));
}

export interface Controls {
  /** The forward button's words, and whether it may be pressed. */
  next: { label: string; enabled: boolean };
  close: boolean;
  end: boolean;
}

/** What the facilitator can do now. */
export function controls(view: LiveView): Controls {
  const q = currentQuestion(view);
  const last = q !== undefined && q.number === view.questions.length;
  const label = q === undefined ? "Open the first question" : last ? "That was the last question" : "Next question →";
  return {
    next: { label, enabled: !view.ended && !last && view.questions.length > 0 },
    close: !view.ended && q?.state === "open",
    end: !view.ended,
  };
}

/** "3 answers · 12 joined · mean 3.4", for the stage. */
export function tallyLine(view: LiveView, q: LiveQuestion | undefined): string {
  const parts = [`${view.participants} joined`];
  if (q) {
    parts.unshift(counted(q.answers, "answer"));
    if (q.mean !== null) parts.push(`mean ${q.mean.toFixed(1)}`);
  }
  return parts.join(" · ");
}

/** `HOST:PORT` to listen on, or why the port is unusable. */
export function listenAddress(host: string, port: string): { listen: string } | { problem: string } {
  const p = Number(port.trim());
  if (!Number.isInteger(p) || p < 1 || p > 65535) {
    return { problem: "The port is a whole number from 1 to 65535, such as 8080." };
  }
  return { listen: host.includes(":") ? `[${host}]:${p}` : `${host}:${p}` };
}

/** The QR code's SVG as an image URL: drawn by <img>, never inserted as markup. */
export function qrImage(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
