// Drives the real `liaison serve` over stdio with Microsoft's own client
// stack (vscode-jsonrpc and vscode-languageserver-protocol, which
// vscode-languageclient is built on): initialize with the settings this
// extension sends, open a document, receive its diagnostics, hover, ask
// for a code action and apply its edit with vscode-languageserver-textdocument.
//
// LIAISON_BIN names the executable (the Go test builds it).

import { strict as assert } from "node:assert";
import { type ChildProcessWithoutNullStreams, execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import { pathToFileURL } from "node:url";

import { createMessageConnection, type MessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";
import {
  CodeAction,
  CodeActionRequest,
  ConfigurationRequest,
  type Diagnostic,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DiagnosticRefreshRequest,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticReportKind,
  DocumentDiagnosticRequest,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  type InitializeResult,
  MarkupContent,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  ShutdownRequest,
  type TextEdit,
  type WorkspaceEdit,
} from "vscode-languageserver-protocol";
import { TextDocument } from "vscode-languageserver-textdocument";

import { serverArgs, type ServerSettings } from "../src/settings";

const bin = process.env.LIAISON_BIN ?? "";
const timeoutMs = 15_000;

/** Diagnostics waits for publishes and returns the first that passes want. */
class Diagnostics {
  private readonly seen: PublishDiagnosticsParams[] = [];
  private readonly waiters: Array<() => void> = [];

  push(p: PublishDiagnosticsParams): void {
    this.seen.push(p);
    for (const w of this.waiters.splice(0)) {
      w();
    }
  }

  async wait(uri: string, want: (d: Diagnostic[]) => boolean, what: string): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.seen.filter((p) => p.uri === uri).reverse().find((p) => want(p.diagnostics));
      if (hit !== undefined) {
        return hit.diagnostics;
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        const last = this.seen.filter((p) => p.uri === uri).at(-1);
        throw new Error(`timed out waiting for ${what}; last diagnostics: ${JSON.stringify(last?.diagnostics)}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}

/** applyWorkspaceEdit applies the edits for one document, in either form. */
function applyWorkspaceEdit(doc: TextDocument, edit: WorkspaceEdit): TextDocument {
  const edits: TextEdit[] = [];
  for (const change of edit.documentChanges ?? []) {
    if ("textDocument" in change && change.textDocument.uri === doc.uri) {
      assert.ok(
        change.textDocument.version === null || change.textDocument.version === doc.version,
        `the edit is for version ${change.textDocument.version}, the document is at ${doc.version}`,
      );
      edits.push(...change.edits);
    }
  }
  edits.push(...(edit.changes?.[doc.uri] ?? []));
  assert.ok(edits.length > 0, `the edit changes nothing in ${doc.uri}: ${JSON.stringify(edit)}`);
  const text = TextDocument.applyEdits(doc, edits);
  return TextDocument.create(doc.uri, doc.languageId, doc.version + 1, text);
}

describe("liaison serve with vscode-jsonrpc and vscode-languageserver-protocol", { skip: bin === "" ? "LIAISON_BIN is not set" : false }, () => {
  let proc: ChildProcessWithoutNullStreams;
  let conn: MessageConnection;
  let init: InitializeResult;
  let stderr = "";
  const diagnostics = new Diagnostics();
  // What the client answers to workspace/configuration, as VS Code would
  // answer from the "liaison" section.
  let configuration: ServerSettings & Record<string, unknown> = {};
  const configurationRequests: string[] = [];
  const uri = pathToFileURL(path.join(process.cwd(), "note.md")).toString();
  let doc = TextDocument.create(uri, "markdown", 1, "# Plans\n\nI will liaison with the vendor.\n");

  before(async () => {
    proc = spawn(bin, serverArgs("debug"), { stdio: ["pipe", "pipe", "pipe"] });
    proc.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    conn.onNotification(PublishDiagnosticsNotification.type, (p) => diagnostics.push(p));
    conn.onRequest(ConfigurationRequest.type, (p) => {
      configurationRequests.push(...p.items.map((i) => i.section ?? ""));
      return p.items.map((i) => (i.section === "liaison" ? configuration : null));
    });
    conn.listen();
    init = await conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      clientInfo: { name: "liaison-vscode-test", version: "0" },
      rootUri: null,
      workspaceFolders: null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false }, workspaceEdit: { documentChanges: true } },
        textDocument: {
          synchronization: { didSave: true },
          hover: { contentFormat: ["markdown", "plaintext"] },
          codeAction: {
            codeActionLiteralSupport: { codeActionKind: { valueSet: ["", "quickfix", "source", "source.fixAll"] } },
            isPreferredSupport: true,
          },
          publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true },
        },
      },
      initializationOptions: { debounceMs: 0 } satisfies ServerSettings,
    });
    await conn.sendNotification(InitializedNotification.type, {});
  });

  after(async () => {
    if (conn !== undefined) {
      try {
        await conn.sendRequest(ShutdownRequest.type);
        await conn.sendNotification(ExitNotification.type);
      } catch {
        // the process may already be gone; the exit code below tells
      }
    }
    const code = await new Promise<number | null>((resolve) => {
      if (proc.exitCode !== null) {
        resolve(proc.exitCode);
        return;
      }
      const timer = setTimeout(() => {
        proc.kill();
        resolve(null);
      }, 5000);
      proc.on("exit", (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    conn?.dispose();
    assert.equal(code, 0, `liaison serve exited with ${code}; stderr:\n${stderr}`);
  });

  it("initializes with the capabilities the extension relies on", () => {
    assert.equal(init.serverInfo?.name, "liaison");
    assert.ok(init.capabilities.hoverProvider, "no hover provider");
    const actions = init.capabilities.codeActionProvider;
    assert.ok(actions !== undefined && actions !== false, "no code action provider");
    if (typeof actions === "object") {
      assert.ok(actions.codeActionKinds?.includes("quickfix"), `code action kinds ${JSON.stringify(actions.codeActionKinds)}`);
    }
  });

  it("publishes a diagnostic for liaison used as a verb", async () => {
    await conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: doc.languageId, version: doc.version, text: doc.getText() },
    });
    const got = await diagnostics.wait(uri, (d) => d.length > 0, "a diagnostic");
    assert.equal(got.length, 1, JSON.stringify(got));
    const d = got[0];
    const line = doc.getText().split("\n")[2];
    assert.deepEqual(d.range, {
      start: { line: 2, character: line.indexOf("liaison") },
      end: { line: 2, character: line.indexOf("liaison") + "liaison".length },
    });
    assert.equal(d.source, "liaison");
    assert.equal(d.code, "liaison-verb");
    assert.match(d.message, /liaise/);
  });

  it("hovers with the rule's explanation", async () => {
    const line = doc.getText().split("\n")[2];
    const h = await conn.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: 2, character: line.indexOf("liaison") + 2 },
    });
    assert.ok(h !== null, "no hover on the finding");
    assert.ok(MarkupContent.is(h.contents), `hover contents are not MarkupContent: ${JSON.stringify(h.contents)}`);
    assert.equal(h.contents.kind, "markdown");
    assert.match(h.contents.value, /liaise/);
    const none = await conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 0 } });
    assert.equal(none, null, "hover on the empty line");
  });

  it("offers a preferred quick fix whose edit makes the sentence right", async () => {
    const [d] = await diagnostics.wait(uri, (ds) => ds.length === 1, "the diagnostic");
    const result = await conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d], only: ["quickfix"] },
    });
    assert.ok(result !== null && result.length > 0, "no code actions");
    const actions = result.filter((a) => CodeAction.is(a));
    const preferred = actions.find((a) => a.isPreferred === true);
    assert.ok(preferred !== undefined, `no preferred action among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(preferred.kind, "quickfix");
    assert.match(preferred.title, /liaise/);
    assert.ok(preferred.edit !== undefined, "the preferred action has no edit");
    doc = applyWorkspaceEdit(doc, preferred.edit);
    assert.equal(doc.getText(), "# Plans\n\nI will liaise with the vendor.\n");
    await conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: doc.version },
      contentChanges: [{ text: doc.getText() }],
    });
    await diagnostics.wait(uri, (ds) => ds.length === 0, "the diagnostics to clear after the fix");
  });

  it("follows the settings VS Code sends: a severity override, then the rule turned off", async () => {
    assert.ok(configurationRequests.includes("liaison"), `the server never asked for the liaison section (asked ${JSON.stringify(configurationRequests)})`);
    const bad = "We liaisoned with them.\n";
    doc = TextDocument.create(uri, "markdown", doc.version + 1, bad);
    configuration = { debounceMs: 0, rules: { "liaison-verb": "error" } };
    await conn.sendNotification(DidChangeConfigurationNotification.type, { settings: { liaison: configuration } });
    await conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: doc.version },
      contentChanges: [{ text: bad }],
    });
    const [d] = await diagnostics.wait(
      uri,
      (ds) => ds.length === 1 && ds[0].severity === DiagnosticSeverity.Error,
      "an error-severity diagnostic",
    );
    assert.equal(d.code, "liaison-verb");

    configuration = { debounceMs: 0, rules: { "liaison-verb": false } };
    await conn.sendNotification(DidChangeConfigurationNotification.type, { settings: { liaison: configuration } });
    await diagnostics.wait(uri, (ds) => ds.length === 0, "no diagnostics once the rule is off");
  });

  it("names only real rules and categories in the extension's settings", () => {
    const rules = JSON.parse(execFileSync(bin, ["rules", "--format", "json"], { encoding: "utf8", maxBuffer: 256 << 20 })) as Array<{
      id: string;
      category: string;
    }>;
    assert.ok(rules.length > 0, "liaison rules listed nothing");
    const ids = new Set(rules.map((r) => r.id));
    const categories = new Set(rules.map((r) => r.category));
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as {
      contributes: { configuration: { properties: Record<string, { markdownDescription?: string }> } };
    };
    const props = pkg.contributes.configuration.properties;
    // The examples are JSON objects: every "key": in a description is a rule id or a category.
    const keys = (setting: string) => [...(props[setting]?.markdownDescription ?? "").matchAll(/"([a-z0-9-]+)":/g)].map((m) => m[1]);
    const ruleKeys = keys("liaison.rules");
    assert.ok(ruleKeys.length > 0, "liaison.rules has no example");
    for (const id of ruleKeys) {
      assert.ok(ids.has(id), `liaison.rules names ${id}, which is not a rule (rules: ${[...ids].join(", ")})`);
    }
    const categoryKeys = keys("liaison.categories");
    assert.ok(categoryKeys.length > 0, "liaison.categories has no example");
    for (const c of categoryKeys) {
      assert.ok(categories.has(c), `liaison.categories names ${c}, which is not a category (categories: ${[...categories].join(", ")})`);
    }
  });
});

// vscode-languageclient 9 advertises pulled diagnostics and
// workspace/diagnostic/refresh, so VS Code pulls rather than being pushed
// to: a settings change must reach it through a refresh.
describe("liaison serve with the pulled diagnostics vscode-languageclient negotiates", { skip: bin === "" ? "LIAISON_BIN is not set" : false }, () => {
  let proc: ChildProcessWithoutNullStreams;
  let conn: MessageConnection;
  let stderr = "";
  let configuration: ServerSettings = { debounceMs: 0 };
  let refreshes = 0;
  let wakeOnRefresh: (() => void) | undefined;
  let pushes = 0;
  const uri = pathToFileURL(path.join(process.cwd(), "pulled.md")).toString();

  before(async () => {
    proc = spawn(bin, serverArgs("debug"), { stdio: ["pipe", "pipe", "pipe"] });
    proc.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    conn.onNotification(PublishDiagnosticsNotification.type, () => {
      pushes++;
    });
    conn.onRequest(ConfigurationRequest.type, (p) => p.items.map((i) => (i.section === "liaison" ? configuration : null)));
    conn.onRequest(DiagnosticRefreshRequest.type, () => {
      refreshes++;
      wakeOnRefresh?.();
      return null;
    });
    conn.listen();
    await conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, diagnostics: { refreshSupport: true } },
        textDocument: {
          synchronization: { didSave: true },
          diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false },
          publishDiagnostics: { relatedInformation: true },
        },
      },
      initializationOptions: { debounceMs: 0 } satisfies ServerSettings,
    });
    await conn.sendNotification(InitializedNotification.type, {});
  });

  after(async () => {
    await conn.sendRequest(ShutdownRequest.type).catch(() => undefined);
    await conn.sendNotification(ExitNotification.type).catch(() => undefined);
    const code = await new Promise<number | null>((resolve) => {
      if (proc.exitCode !== null) {
        resolve(proc.exitCode);
        return;
      }
      const timer = setTimeout(() => {
        proc.kill();
        resolve(null);
      }, 5000);
      proc.on("exit", (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    conn.dispose();
    assert.equal(code, 0, `liaison serve exited with ${code}; stderr:\n${stderr}`);
  });

  async function refreshAfter(seen: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (refreshes <= seen) {
      const left = deadline - Date.now();
      assert.ok(left > 0, `no workspace/diagnostic/refresh after ${seen}; stderr:\n${stderr}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        wakeOnRefresh = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  it("answers pulls, says unchanged, and asks for a new pull after a settings change", async () => {
    // The settings fetched after initialized arrive with a refresh.
    await refreshAfter(0);
    await conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: "markdown", version: 1, text: "I will liaison with the vendor.\n" },
    });
    const first = await conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    assert.equal(first.kind, DocumentDiagnosticReportKind.Full);
    assert.ok(first.kind === DocumentDiagnosticReportKind.Full && first.items.length === 1, JSON.stringify(first));
    assert.equal(first.items[0].code, "liaison-verb");
    const again = await conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId: first.resultId });
    assert.equal(again.kind, DocumentDiagnosticReportKind.Unchanged, JSON.stringify(again));

    const seen = refreshes;
    configuration = { debounceMs: 0, rules: { "liaison-verb": false } };
    await conn.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await refreshAfter(seen);
    const after = await conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId: first.resultId });
    assert.ok(after.kind === DocumentDiagnosticReportKind.Full && after.items.length === 0, JSON.stringify(after));
    assert.equal(pushes, 0, "a client that pulls was also pushed to");
  });
});
