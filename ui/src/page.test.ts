// The phone page's script (src/workshop/page/page.js, served by the live server) is plain
// JavaScript: this test runs the TypeScript checker over it with tsconfig.page.json, so a typo,
// an unknown DOM property or a syntax error fails here rather than on a participant's phone.

import ts from "typescript";
import { describe, expect, it } from "vitest";

function diagnostics(configPath: string): string[] {
  const host: ts.ParseConfigFileHost = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} };
  const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, host);
  if (!config) return [`cannot read ${configPath}`];
  const program = ts.createProgram(config.fileNames, config.options);
  const found = [...config.errors, ...ts.getPreEmitDiagnostics(program)];
  return found.map((d) => {
    const text = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    if (!d.file || d.start === undefined) return text;
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${d.file.fileName}:${line + 1}:${character + 1}: ${text}`;
  });
}

// Building a program with the DOM's declarations takes a few seconds, more on a busy machine.
const CHECKER_TIMEOUT_MS = 60_000;

describe("the phone page's script", () => {
  it("passes the TypeScript checker", () => {
    const config = new URL("../tsconfig.page.json", import.meta.url).pathname;
    expect(diagnostics(config)).toEqual([]);
  }, CHECKER_TIMEOUT_MS);

  it("would catch a misspelt DOM call with the same settings", () => {
    const config = new URL("../tsconfig.page.json", import.meta.url).pathname;
    const parsed = ts.getParsedCommandLineOfConfigFile(config, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
    const file = "/virtual/broken.js";
    const host = ts.createCompilerHost(parsed!.options);
    const read = host.getSourceFile.bind(host);
    host.getSourceFile = (name, version) =>
      name === file ? ts.createSourceFile(name, 'document.getElementByID("x");\n', version) : read(name, version);
    host.fileExists = ((exists) => (name: string) => name === file || exists(name))(host.fileExists.bind(host));
    const program = ts.createProgram([file], parsed!.options, host);
    const found = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(found.join("\n")).toContain("getElementByID");
  }, CHECKER_TIMEOUT_MS);
});
