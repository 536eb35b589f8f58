// The UI's error views and command calls are checked by tsc against the generated bindings. This
// test makes sure the checking really bites: it compiles small probes with the UI's own
// tsconfig.json and expects an error for a misspelt command, a wrong argument and an error table
// that misses a code. Were `ERROR_VIEWS` or `Call` loosened to `string`, these would pass silently.

import ts from "typescript";
import { describe, expect, it } from "vitest";

const CONFIG = new URL("../tsconfig.json", import.meta.url).pathname;

/** The checker's messages for `source`, compiled as a file beside the UI's sources. */
function check(source: string): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(CONFIG, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  const file = new URL("./probe.virtual.ts", import.meta.url).pathname;
  const host = ts.createCompilerHost(parsed!.options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version) => (name === file ? ts.createSourceFile(name, source, version) : read(name, version));
  host.fileExists = ((exists) => (name: string) => name === file || exists(name))(host.fileExists.bind(host));
  const program = ts.createProgram([file], parsed!.options, host);
  return ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

const CHECKER_TIMEOUT_MS = 60_000;

describe("the typed boundary", () => {
  it("accepts a well-formed call and the real error table", () => {
    const found = check(`
      import type { ErrorCode } from "./bindings/trellis";
      import { ERROR_VIEWS, type ErrorView } from "./errors";
      import type { Call } from "./ipc";
      declare const call: Call;
      export const all: Record<ErrorCode, ErrorView> = ERROR_VIEWS;
      void call("engagement_open", { path: "/tmp/a.trellis" });
    `);
    expect(found).toEqual([]);
  }, CHECKER_TIMEOUT_MS);

  it("refuses a misspelt command, a misspelt argument and a table missing a code", () => {
    const found = check(`
      import type { ErrorCode } from "./bindings/trellis";
      import type { ErrorView } from "./errors";
      import type { Call } from "./ipc";
      declare const call: Call;
      void call("engagement_infos");
      void call("engagement_open", { paht: "/tmp/a.trellis" });
      export const some: Record<ErrorCode, ErrorView> = { "not-found": { title: "", advice: "" } };
    `).join("\n");
    expect(found).toContain('"engagement_infos"');
    expect(found).toContain("paht");
    expect(found).toMatch(/missing the following properties|is missing in type/);
  }, CHECKER_TIMEOUT_MS);
});
