// The scored session's state without the DOM: who takes part, which question is up, what each said.

import type { Bank, Question, QuestionResult, RespondentType, Response, ResponseSummary } from "../bindings/trellis";

export interface Mark {
  /** 1-5, or null for "don't know". */
  score: number | null;
  note: string;
}

export interface ScoredSession {
  bank: Bank;
  participants: string[];
  group: string;
  /** The part every participant plays in learning (learner, manager...), or null when not said. */
  respondentType: RespondentType | null;
  index: number;
  /** By `question|participant`. */
  marks: Map<string, Mark>;
  finished: boolean;
}

/** One participant or group per line (or comma), trimmed, without blanks or repeats. */
export function parseParticipants(text: string): string[] {
  const seen = new Set<string>();
  for (const raw of text.split(/[\n,]/)) {
    const name = raw.trim();
    if (name) seen.add(name);
  }
  return [...seen];
}

export function start(bank: Bank, participants: string[], group: string, respondentType: RespondentType | null = null): ScoredSession {
  return { bank, participants, group: group.trim(), respondentType, index: 0, marks: new Map(), finished: false };
}

export function question(w: ScoredSession): Question | undefined {
  return w.bank.questions[w.index];
}

/** "Question 3 of 12" and the share done, in percent. */
export function progress(w: ScoredSession): { text: string; percent: number } {
  const n = w.bank.questions.length;
  return { text: `Question ${Math.min(w.index + 1, n)} of ${n}`, percent: n === 0 ? 0 : Math.round(((w.index + 1) / n) * 100) };
}

export function move(w: ScoredSession, step: 1 | -1): void {
  const last = w.bank.questions.length - 1;
  if (step === 1 && w.index >= last) {
    w.finished = true;
    return;
  }
  w.index = Math.max(0, Math.min(last, w.index + step));
}

export function markOf(w: ScoredSession, q: string, participant: string): Mark | undefined {
  return w.marks.get(`${q}|${participant}`);
}

/** Records a mark and returns the answer to save (the latest answer per participant counts). */
export function record(w: ScoredSession, q: string, participant: string, mark: Mark, at: string): Response {
  w.marks.set(`${q}|${participant}`, mark);
  return {
    bank: w.bank.id,
    question: q,
    respondent: participant,
    group: w.group || null,
    respondent_type: w.respondentType,
    score: mark.score,
    note: mark.note,
    at,
  };
}

/** How many participants have a mark on the question up now. */
export function answered(w: ScoredSession): number {
  const q = question(w);
  return q ? w.participants.filter((p) => w.marks.has(`${q.id}|${p}`)).length : 0;
}

/** How many answered a question: every score and every "don't know". */
export function answersTo(q: QuestionResult): number {
  return q.distribution.reduce((a, b) => a + b, 0) + q.dont_know;
}

/** How many answers each bank has in the engagement, by bank id. */
export function answersByBank(all: ResponseSummary): Map<string, number> {
  const counts = new Map<string, number>();
  for (const q of all.questions) counts.set(q.bank, (counts.get(q.bank) ?? 0) + answersTo(q));
  return counts;
}
