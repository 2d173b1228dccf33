// Activation and restart of extension.ts, against stand-ins for the
// "vscode" and "vscode-languageclient/node" modules (test/fake/): what
// activate registers and starts, the client options it passes (the document
// selector with every checked language and .liaison.yaml, the settings, no
// settings push), restart and settings changes.

import { strict as assert } from "node:assert";
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterEach, beforeEach, describe, it } from "node:test";

import * as vscode from "vscode";
import { LanguageClient } from "vscode-languageclient/node";

import { activate, deactivate } from "../src/extension";
import { DEFAULT_LANGUAGES } from "../src/settings";

const fake = (vscode as unknown as { fake: typeof import("./fake/vscode").fake }).fake;
const made = (LanguageClient as unknown as { made: LanguageClient[] }).made;

type Filter = { scheme: string; language?: string; pattern?: string };
type Options = { documentSelector: Filter[]; initializationOptions: unknown; synchronize?: unknown };

function options(c: LanguageClient): Options {
  return (c as unknown as { clientOptions: Options }).clientOptions;
}

function notifications(c: LanguageClient): Array<{ method: string; params: unknown }> {
  return (c as unknown as { notifications: Array<{ method: string; params: unknown }> }).notifications;
}

function running(c: LanguageClient): boolean {
  return c.isRunning();
}

/** settle waits until the extension's queued work has run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) {
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe("extension activation and restart", () => {
  let subscriptions: Array<{ dispose(): unknown }>;
  let server: string;

  beforeEach(async () => {
    fake.reset();
    made.length = 0;
    const dir = mkdtempSync(path.join(tmpdir(), "liaison-ext-"));
    server = path.join(dir, "liaison");
    // Stands in for `liaison compare --format markdown -- WORD…`.
    writeFileSync(server, '#!/bin/sh\necho "# guide: $*"\n');
    chmodSync(server, 0o755);
    fake.settings.set("", { path: server, rules: { utilize: false }, sourceCode: ["go"] });
    fake.folders = [{ uri: vscode.Uri.file(dir), name: "ws", index: 0 }];
    fake.settings.set(dir, { sourceCode: ["python"] });
    subscriptions = [];
    const context = { subscriptions, extensionPath: dir, extensionUri: vscode.Uri.file(dir) };
    await activate(context as unknown as vscode.ExtensionContext);
  });

  afterEach(async () => {
    await deactivate();
    for (const s of subscriptions) {
      s.dispose();
    }
  });

  it("starts one client with the configured server", () => {
    assert.equal(made.length, 1);
    const c = made[0];
    assert.ok(running(c), "the client is not running");
    assert.equal((c as unknown as { serverOptions: { command: string } }).serverOptions.command, server);
    assert.ok(fake.commands.has("liaison.restartServer"), "no restart command");
    assert.ok(fake.commands.has("liaison.showOutput"), "no show-output command");
  });

  it("selects every checked language, the source code turned on in any folder, and .liaison.yaml", () => {
    const sel = options(made[0]).documentSelector;
    for (const id of [...DEFAULT_LANGUAGES, "go", "python"]) {
      for (const scheme of ["file", "untitled"]) {
        assert.ok(
          sel.some((f) => f.language === id && f.scheme === scheme),
          `no ${scheme} filter for ${id}: ${JSON.stringify(sel)}`,
        );
      }
    }
    assert.ok(
      sel.some((f) => f.scheme === "file" && f.pattern === "**/.liaison.yaml"),
      `.liaison.yaml is not selected: ${JSON.stringify(sel)}`,
    );
  });

  it("sends the settings at initialize and pushes none afterwards", () => {
    const o = options(made[0]);
    assert.deepEqual(o.initializationOptions, {
      rules: { utilize: false },
      sourceCode: ["go"],
      clientCommands: ["liaison.compare"],
    });
    assert.equal(o.synchronize, undefined, "synchronize pushes settings the server pulls");
  });

  it("restarts: the old client stopped and disposed, a new one running", async () => {
    const first = made[0];
    await vscode.commands.executeCommand("liaison.restartServer");
    await settle();
    assert.equal(made.length, 2);
    assert.ok(!running(first), "the old client still runs");
    assert.ok((first as unknown as { disposed: boolean }).disposed, "the old client was not disposed");
    assert.ok(running(made[1]), "the new client does not run");
    assert.match(fake.status.text, /\$\(check\) liaison/);
  });

  it("restarts once for quick repeated restarts, never two servers at a time", async () => {
    await Promise.all([
      vscode.commands.executeCommand("liaison.restartServer"),
      vscode.commands.executeCommand("liaison.restartServer"),
    ]);
    await settle();
    assert.equal(made.filter(running).length, 1, "more than one client runs");
  });

  it("tells the server to pull on a rule change, and restarts on a language change", async () => {
    const c = made[0];
    fake.changeSettings({ rules: { "liaison-verb": false } });
    await settle();
    assert.equal(made.length, 1, "a rule change restarted the server");
    assert.deepEqual(notifications(c), [{ method: "workspace/didChangeConfiguration", params: { settings: null } }]);

    fake.changeSettings({ languages: ["markdown"] });
    await settle();
    assert.equal(made.length, 2, "a language change did not restart the server");
    const sel = options(made[1]).documentSelector;
    assert.ok(!sel.some((f) => f.language === "latex"), "the new selector still has latex");
  });

  it("shows the status-bar item only for a checked document", () => {
    fake.activeDocument = { languageId: "markdown", uri: vscode.Uri.file("/w/a.md") };
    fake.activeEditor.fire(undefined);
    assert.ok(fake.status.visible, "hidden on Markdown");
    fake.activeDocument = { languageId: "yaml", uri: vscode.Uri.file("/w/.liaison.yaml") };
    fake.activeEditor.fire(undefined);
    assert.ok(fake.status.visible, "hidden on .liaison.yaml");
    fake.activeDocument = { languageId: "rust", uri: vscode.Uri.file("/w/a.rs") };
    fake.activeEditor.fire(undefined);
    assert.ok(!fake.status.visible, "shown on Rust, which is not turned on");
  });

  it("shows the usage guide the server's code action asks for", async () => {
    await vscode.commands.executeCommand("liaison.compare", "liaise", "liaison");
    assert.equal(fake.shown.length, 1);
    assert.equal(fake.shown[0]?.language, "markdown");
    assert.equal(fake.shown[0]?.content, "# guide: compare --format markdown -- liaise liaison\n");
    // Anything but words never reaches the command line.
    await vscode.commands.executeCommand("liaison.compare", "--help", 3);
    assert.equal(fake.shown.length, 1);
  });

  it("restarts when the workspace is trusted, so its liaison.path counts", async () => {
    fake.trustGranted.fire();
    await settle();
    assert.equal(made.length, 2);
  });
});
