// "Add “X” to the project's words" through Microsoft's client stack
// (vscode-jsonrpc and vscode-languageserver-protocol, which
// vscode-languageclient is built on): the code action carries a command
// the server advertises in executeCommandProvider, so vscode-languageclient
// sends it back as workspace/executeCommand and the server writes the words
// file itself; no client code is needed. The test checks the file on disk
// and that the spelling diagnostic clears.
//
// LIAISON_BIN names the executable (the Go test builds it).

import { strict as assert } from "node:assert";
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import { pathToFileURL } from "node:url";

import { createMessageConnection, type MessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";
import {
  CodeAction,
  CodeActionRequest,
  type Diagnostic,
  DidOpenTextDocumentNotification,
  ExecuteCommandRequest,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  type InitializeResult,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  ShutdownRequest,
} from "vscode-languageserver-protocol";

import { serverArgs } from "../src/settings";

const bin = process.env.LIAISON_BIN ?? "";
const timeoutMs = 15_000;

describe("liaison serve adds a word with vscode-languageserver-protocol", { skip: bin === "" ? "LIAISON_BIN is not set" : false }, () => {
  const root = mkdtempSync(path.join(tmpdir(), "liaison-words-"));
  const uri = pathToFileURL(path.join(root, "note.md")).toString();
  const text = "# Plans\n\nPlease chekc the logs.\n";
  const seen: PublishDiagnosticsParams[] = [];
  let proc: ChildProcessWithoutNullStreams;
  let conn: MessageConnection;
  let init: InitializeResult;

  async function waitFor(want: (d: Diagnostic[]) => boolean, what: string): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = seen.filter((p) => p.uri === uri).reverse().find((p) => want(p.diagnostics));
      if (hit !== undefined) {
        return hit.diagnostics;
      }
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for ${what}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  before(async () => {
    proc = spawn(bin, serverArgs("info"), {
      stdio: ["pipe", "pipe", "pipe"],
      env: { ...process.env, XDG_CONFIG_HOME: path.join(root, "config") },
    });
    conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    conn.onNotification(PublishDiagnosticsNotification.type, (p) => seen.push(p));
    conn.listen();
    init = await conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(root).toString(),
      workspaceFolders: [{ uri: pathToFileURL(root).toString(), name: "ws" }],
      capabilities: {
        workspace: { workspaceEdit: { documentChanges: true }, executeCommand: { dynamicRegistration: false } },
        textDocument: { codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ["", "quickfix"] } } } },
      },
      initializationOptions: { debounceMs: 0 },
    });
    await conn.sendNotification(InitializedNotification.type, {});
  });

  after(async () => {
    await conn.sendRequest(ShutdownRequest.type);
    await conn.sendNotification(ExitNotification.type);
    conn.dispose();
    proc.kill();
  });

  it("advertises the add-word commands", () => {
    const commands = init.capabilities.executeCommandProvider?.commands ?? [];
    assert.ok(commands.includes("liaison.addWord.project"), JSON.stringify(commands));
    assert.ok(commands.includes("liaison.addWord.user"), JSON.stringify(commands));
  });

  it("writes the project's words and clears the finding", async () => {
    await conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "markdown", version: 1, text } });
    const diags = await waitFor((d) => d.some((x) => x.code === "spelling"), "a spelling diagnostic");
    const d = diags.find((x) => x.code === "spelling");
    assert.ok(d !== undefined);
    const actions = await conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d], only: ["quickfix"] },
    });
    const add = (actions ?? []).filter(CodeAction.is).find((a) => a.title === "Add “chekc” to the project's words");
    assert.ok(add?.command !== undefined, `no add-word action among ${JSON.stringify((actions ?? []).map((a) => a.title))}`);
    // What vscode-languageclient does with a code action's command that
    // the server advertised.
    await conn.sendRequest(ExecuteCommandRequest.type, { command: add.command.command, arguments: add.command.arguments });
    assert.equal(readFileSync(path.join(root, ".liaison-words.txt"), "utf8"), "chekc\n");
    await waitFor((x) => !x.some((y) => y.code === "spelling"), "the spelling diagnostic to clear");
  });
});
