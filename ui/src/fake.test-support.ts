// A fake shell for the view tests: answers each command from a table, records what was invoked.
// The table is keyed by the generated command names, so a test cannot answer a command the
// shell does not have.

import type { Command } from "./bindings/commands";
import type { Call } from "./ipc";

export interface Invocation {
  cmd: Command;
  args: Record<string, unknown> | undefined;
}

/** What the fake answers for each command: a value, or a function of the arguments. */
export type Answers = Partial<Record<Command, unknown | ((args: Record<string, unknown> | undefined) => unknown)>>;

export function fakeShell(answers: Answers): {
  call: Call;
  calls: Invocation[];
} {
  const calls: Invocation[] = [];
  const call: Call = async (cmd, args) => {
    calls.push({ cmd, args: args as Record<string, unknown> | undefined });
    if (!(cmd in answers)) throw { code: "internal", message: `no fake answer for ${cmd}` };
    const a = answers[cmd];
    const value = typeof a === "function" ? (a as (x: typeof args) => unknown)(args) : a;
    if (value instanceof Error) throw { code: value.name, message: value.message };
    return value;
  };
  return { call, calls };
}

export const INFO = {
  path: "/tmp/demo.trellis",
  file_version: 3,
  engagement: {
    name: "<b>Review</b> & more",
    client: "Northmere",
    consultant: "",
    created: "2026-01-15",
    scale: { min: 0, max: 5, labels: [] },
    target_mix: { experiential: 70, social: 20, formal: 10 },
    currency: null,
  },
  roles: 12,
  competencies: 20,
  channels: 15,
  requires: 40,
  develops: 30,
  reaches: 25,
  follows: 5,
  prerequisites: 3,
  responses: 0,
};

/** Lets pending promises (and the renders waiting on them) settle. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0));
}
