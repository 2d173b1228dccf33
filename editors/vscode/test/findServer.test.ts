// How the extension finds the server: liaison.path, then the bundled
// binary, then PATH, and a clear error with nothing found.

import { strict as assert } from "node:assert";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, describe, it } from "node:test";

import { expandConfiguredPath, findServer, found, type LookupInput } from "../src/findServer";
import { DEFAULT_LANGUAGES, languages, logLevel, serverArgs, serverSettings } from "../src/settings";

const root = mkdtempSync(path.join(os.tmpdir(), "liaison-find-"));

function executable(...parts: string[]): string {
  const p = path.join(root, ...parts);
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, "#!/bin/sh\n");
  chmodSync(p, 0o755);
  return p;
}

const setting = executable("custom", "my-liaison");
const bundledExt = path.join(root, "ext-with-bin");
const bundled = executable("ext-with-bin", "bin", "liaison");
const onPath = executable("path-b", "liaison");
const notExecutable = path.join(root, "path-a", "liaison");
mkdirSync(path.dirname(notExecutable), { recursive: true });
writeFileSync(notExecutable, "not a program");
chmodSync(notExecutable, 0o644);
mkdirSync(path.join(root, "path-c", "liaison"), { recursive: true }); // a folder, not a file
const emptyExt = path.join(root, "ext-without-bin");
mkdirSync(emptyExt, { recursive: true });

after(() => rmSync(root, { recursive: true, force: true }));

describe("findServer", { skip: process.platform === "win32" ? "uses POSIX file modes" : false }, () => {
  const base: LookupInput = {
    configuredPath: "",
    extensionPath: emptyExt,
    platform: "linux",
    envPath: [path.join(root, "path-a"), path.join(root, "path-c"), path.join(root, "path-b")].join(":"),
    home: root,
  };
  const cases: Array<{ name: string; input: Partial<LookupInput>; want: { path: string; source: string } | RegExp }> = [
    { name: "the setting comes first", input: { configuredPath: setting, extensionPath: bundledExt }, want: { path: setting, source: "setting" } },
    { name: "the setting with ~", input: { configuredPath: "~/custom/my-liaison" }, want: { path: setting, source: "setting" } },
    { name: "the setting relative to the workspace", input: { configuredPath: "custom/my-liaison", workspaceFolder: root }, want: { path: setting, source: "setting" } },
    { name: "the setting with ${workspaceFolder}", input: { configuredPath: "${workspaceFolder}/custom/my-liaison", workspaceFolder: root }, want: { path: setting, source: "setting" } },
    { name: "a bad setting is an error, not a fallback", input: { configuredPath: "/nonexistent/liaison", extensionPath: bundledExt }, want: /liaison\.path.*\/nonexistent\/liaison/ },
    { name: "a blank setting counts as unset", input: { configuredPath: "  ", extensionPath: bundledExt }, want: { path: bundled, source: "bundled" } },
    { name: "the bundled binary before PATH", input: { extensionPath: bundledExt }, want: { path: bundled, source: "bundled" } },
    { name: "PATH skips non-executables and folders", input: {}, want: { path: onPath, source: "PATH" } },
    { name: "nothing anywhere", input: { envPath: path.join(root, "path-a") }, want: /not found.*liaison\.path/ },
    { name: "no PATH at all", input: { envPath: undefined }, want: /not found/ },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const got = findServer({ ...base, ...c.input });
      if (c.want instanceof RegExp) {
        assert.ok(!found(got), `found ${JSON.stringify(got)}`);
        assert.match(got.error, c.want);
      } else {
        assert.ok(found(got), `not found: ${JSON.stringify(got)}`);
        assert.deepEqual(got, c.want);
      }
    });
  }

  it("restores the executable bits of a bundled binary that lost them", () => {
    const ext = path.join(root, "ext-unpacked");
    const lost = path.join(ext, "bin", "liaison");
    mkdirSync(path.dirname(lost), { recursive: true });
    writeFileSync(lost, "#!/bin/sh\n");
    chmodSync(lost, 0o644);
    const got = findServer({ ...base, extensionPath: ext });
    assert.deepEqual(got, { path: lost, source: "bundled" });
    assert.equal(statSync(lost).mode & 0o111, 0o111);
  });

  it("expands only a leading ~", () => {
    assert.equal(expandConfiguredPath("/opt/a~b/liaison", { home: "/home/me" }), "/opt/a~b/liaison");
    assert.equal(expandConfiguredPath("~/bin/liaison", { home: "/home/me" }), "/home/me/bin/liaison");
  });
});

describe("settings", () => {
  const from = (values: Record<string, unknown>) => <T>(key: string) => values[key] as T | undefined;
  it("passes only what the server reads", () => {
    const s = serverSettings(from({ path: "/x", logLevel: "debug", debounceMs: 300, rules: { "liaison-verb": "error" }, categories: { redundancy: false } }));
    assert.deepEqual(s, { debounceMs: 300, rules: { "liaison-verb": "error" }, categories: { redundancy: false } });
  });
  it("drops a negative debounce", () => {
    assert.deepEqual(serverSettings(from({ debounceMs: -5 })), {});
  });
  it("falls back to the info log level and the default languages", () => {
    assert.equal(logLevel(from({ logLevel: "loud" })), "info");
    assert.equal(logLevel(from({ logLevel: "debug" })), "debug");
    assert.deepEqual(languages(from({ languages: [] })), DEFAULT_LANGUAGES);
    assert.deepEqual(languages(from({ languages: ["markdown", 3, "restructuredtext"] })), ["markdown", "restructuredtext"]);
  });
  it("starts the server on stdio with the log level", () => {
    assert.deepEqual(serverArgs("warn"), ["serve", "--stdio", "--log-level", "warn"]);
  });
});
