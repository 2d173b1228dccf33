// The liaison extension in real VS Code: code-server (VS Code served by
// Node) with the packaged .vsix installed, driven by headless Chromium
// through puppeteer-core. Every assertion reads the page as a user sees
// it: squiggles, the Problems panel, hovers, the light-bulb menu, the
// status bar, the command palette. Run by e2e_test.go with Node 24:
//
//	node run.mjs   (settings in the environment, see `env` below)
//
// It prints one line per step ("ok N - step (ms)" or "not ok N - step:
// why"), keeps a screenshot of every step in E2E_ARTIFACTS, and exits 1 on
// the first failure. Every wait is bounded, and so is the whole run.

import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as net from "node:net";
import * as path from "node:path";

const env = {
  app: must("E2E_APP"), // the installed e2e package: node_modules/{code-server,puppeteer-core}
  vsix: must("E2E_VSIX"),
  workspace: must("E2E_WORKSPACE"), // a folder holding the documents below
  artifacts: must("E2E_ARTIFACTS"),
  chromium: process.env.E2E_CHROMIUM ?? "/usr/bin/chromium",
  deadlineMs: Number(process.env.E2E_DEADLINE_MS ?? 170_000),
  waitMs: Number(process.env.E2E_WAIT_MS ?? 30_000),
};

function must(name) {
  const v = process.env[name];
  if (!v) {
    console.error(`run.mjs: ${name} is not set`);
    process.exit(2);
  }
  return v;
}

const started = Date.now();
const children = [];
let browser;

function cleanup() {
  for (const c of children) {
    try {
      process.kill(-c.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
}

// The whole run is bounded: past the deadline, stop everything and fail.
const deadline = setTimeout(async () => {
  console.log(`not ok - the whole run took longer than ${env.deadlineMs} ms`);
  await shot("deadline").catch(() => undefined);
  cleanup();
  process.exit(1);
}, env.deadlineMs);

const require = createRequire(path.join(env.app, "package.json"));
const puppeteer = require("puppeteer-core");
const codeServer = path.join(env.app, "node_modules", "code-server", "out", "node", "entry.js");

const home = path.join(env.artifacts, "home");
const userData = path.join(home, "user-data");
const extensions = path.join(home, "extensions");
mkdirSync(path.join(userData, "User"), { recursive: true });
mkdirSync(extensions, { recursive: true });
writeFileSync(
  path.join(userData, "User", "settings.json"),
  JSON.stringify({
    "chat.disableAIFeatures": true,
    "workbench.startupEditor": "none",
    "workbench.tips.enabled": false,
    "editor.hover.delay": 100,
    "editor.lightbulb.enabled": "on",
    "files.autoSave": "off",
    "telemetry.telemetryLevel": "off",
    "extensions.autoCheckUpdates": false,
    "extensions.autoUpdate": false,
    "liaison.debounceMs": 0,
  }),
);
// code-server and VS Code write under these; keep them out of the home folder.
const childEnv = {
  ...process.env,
  HOME: home,
  XDG_CONFIG_HOME: path.join(home, "config"),
  XDG_DATA_HOME: path.join(home, "data"),
  XDG_CACHE_HOME: path.join(home, "cache"),
};

let page;
let stepNo = 0;

async function shot(name) {
  if (page) {
    await page.screenshot({ path: path.join(env.artifacts, `${String(stepNo).padStart(2, "0")}-${name}.png`) });
  }
}

/** step runs one named check; a failure prints why and ends the run. */
async function step(name, f) {
  stepNo++;
  const t0 = Date.now();
  try {
    await f();
    await shot(name.replace(/[^a-z0-9]+/gi, "-"));
    console.log(`ok ${stepNo} - ${name} (${Date.now() - t0} ms)`);
  } catch (err) {
    await shot(`FAILED-${name.replace(/[^a-z0-9]+/gi, "-")}`).catch(() => undefined);
    console.log(`not ok ${stepNo} - ${name}: ${err instanceof Error ? err.message : String(err)}`);
    dumpLogs();
    cleanup();
    process.exit(1);
  }
}

/** dumpLogs prints the liaison output channel and the extension host log. */
function dumpLogs() {
  const logs = path.join(userData, "logs");
  if (!existsSync(logs)) {
    return;
  }
  const walk = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
    );
  for (const f of walk(logs)) {
    if (/liaison\.log$|remoteexthost\.log$/.test(f)) {
      console.log(`--- ${path.relative(logs, f)}\n${readFileSync(f, "utf8").slice(-4000)}`);
    }
  }
}

/** liaisonLog is the text of the liaison output channel, as VS Code logs it. */
function liaisonLog() {
  const logs = path.join(userData, "logs");
  if (!existsSync(logs)) {
    return "";
  }
  const walk = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
    );
  return walk(logs)
    .filter((f) => /-liaison\.log$/.test(f))
    .map((f) => readFileSync(f, "utf8"))
    .join("\n");
}

/** until polls f (in this process) until it returns a truthy value. */
async function until(what, f, ms = env.waitMs) {
  const end = Date.now() + ms;
  let last;
  for (;;) {
    try {
      const v = await f();
      if (v) {
        return v;
      }
      last = v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > end) {
      throw new Error(`timed out after ${ms} ms waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** inPage polls a function in the page until it returns a truthy value. */
function inPage(what, f, arg, ms = env.waitMs) {
  return until(what, () => page.evaluate(f, arg), ms);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

// --- the page, as a user sees it ---

/** openFile opens a workspace file from the Explorer. */
async function openFile(name) {
  const row = `.explorer-folders-view .monaco-list-row[aria-label^="${name}"]`;
  await page.waitForSelector(row, { timeout: env.waitMs });
  await page.click(row);
  await inPage(
    `${name} in front`,
    (n) => document.querySelector(".tabs-container .tab.active")?.getAttribute("aria-label")?.startsWith(n) ?? false,
    name,
  );
}

/** squiggles are the diagnostics decorations of the editor in front. */
function squiggles(kind) {
  return page.evaluate(
    (k) => document.querySelectorAll(`.editor-group-container.active .monaco-editor .squiggly-${k}`).length,
    kind,
  );
}

/** problems are the Problems panel's rows (their aria-label holds the message). */
async function problems() {
  return page.evaluate(() =>
    [...document.querySelectorAll(".markers-panel .monaco-list-row")].map((r) => r.getAttribute("aria-label") ?? r.textContent),
  );
}

async function showProblems() {
  const open = await page.evaluate(() => document.querySelector(".markers-panel") !== null && document.querySelector(".markers-panel").offsetParent !== null);
  if (!open) {
    await page.keyboard.down("Control");
    await page.keyboard.down("Shift");
    await page.keyboard.press("KeyM");
    await page.keyboard.up("Shift");
    await page.keyboard.up("Control");
    await page.waitForSelector(".markers-panel", { visible: true, timeout: env.waitMs });
  }
}

/** squiggleCenter is the middle of the first squiggle of kind in the editor in front. */
async function squiggleCenter(kind = "warning") {
  const r = await page.evaluate((k) => {
    const el = document.querySelector(`.editor-group-container.active .monaco-editor .squiggly-${k}`);
    if (!el) {
      return null;
    }
    const b = el.getBoundingClientRect();
    return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  }, kind);
  if (!r) {
    throw new Error(`no ${kind} squiggle`);
  }
  return r;
}

/** visibleHover is the text of the editor hover on screen, or "". */
function visibleHover() {
  return page.evaluate(() =>
    [...document.querySelectorAll(".monaco-hover")]
      .filter((h) => !h.classList.contains("hidden") && h.getClientRects().length > 0)
      .map((h) => h.textContent ?? "")
      .join("\n"),
  );
}

/** command runs a command from the command palette by its title. */
async function command(title) {
  await page.keyboard.press("F1");
  await page.waitForSelector(".quick-input-widget input", { visible: true, timeout: env.waitMs });
  await page.keyboard.type(title);
  await inPage(
    `"${title}" in the command palette`,
    (t) => [...document.querySelectorAll(".quick-input-list .monaco-list-row")].some((r) => (r.textContent ?? "").includes(t)),
    title,
  );
  await page.keyboard.press("Enter");
}

/** statusItem is the liaison status-bar item: its text and its icon. */
function statusItem() {
  return page.evaluate(() => {
    const item = [...document.querySelectorAll(".statusbar-item")].find((e) => (e.id ?? "").includes("liaison.status"));
    if (!item) {
      return null;
    }
    const icon = item.querySelector(".codicon");
    return { text: (item.textContent ?? "").trim(), icon: icon ? [...icon.classList].join(" ") : "", label: item.getAttribute("aria-label") ?? "" };
  });
}

/** menuRows are the rows of the code-action (light-bulb or refactor) menu. */
function menuRows() {
  return page.evaluate(() =>
    [...document.querySelectorAll(".action-widget .monaco-list-row")]
      .filter((r) => r.getClientRects().length > 0)
      .map((r) => (r.textContent ?? "").trim()),
  );
}

async function pickMenuRow(text) {
  await inPage(
    `"${text}" in the menu`,
    (t) => [...document.querySelectorAll(".action-widget .monaco-list-row")].some((r) => (r.textContent ?? "").includes(t)),
    text,
  );
  const rows = await page.$$(".action-widget .monaco-list-row");
  for (const r of rows) {
    if ((await r.evaluate((e) => e.textContent ?? "")).includes(text)) {
      await r.click();
      return;
    }
  }
  throw new Error(`no menu row "${text}"`);
}

async function escape() {
  await page.keyboard.press("Escape");
  await page.keyboard.press("Escape");
}

// --- the run ---

const ws = env.workspace;


await step("install the .vsix", async () => {
  const r = spawnSync(process.execPath, [codeServer, "--user-data-dir", userData, "--extensions-dir", extensions, "--install-extension", env.vsix], {
    env: childEnv,
    encoding: "utf8",
    timeout: 60_000,
  });
  if (r.status !== 0 || !/successfully installed/i.test(r.stdout + r.stderr)) {
    throw new Error(`code-server --install-extension: status ${r.status}\n${r.stdout}\n${r.stderr}`);
  }
});

const port = await freePort();
await step("start code-server and open the workspace", async () => {
  const config = path.join(home, "code-server.yaml");
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const cs = spawn(
    process.execPath,
    [codeServer, "--config", config, "--user-data-dir", userData, "--extensions-dir", extensions,
      "--disable-telemetry", "--disable-update-check", "--disable-workspace-trust", "--disable-getting-started-override", ws],
    { env: childEnv, detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  children.push(cs);
  let out = "";
  cs.stdout.on("data", (d) => (out += d));
  cs.stderr.on("data", (d) => (out += d));
  await until("code-server to listen", async () => {
    if (cs.exitCode !== null) {
      throw new Error(`code-server exited ${cs.exitCode}: ${out}`);
    }
    const res = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null);
    return res?.ok;
  });
  browser = await puppeteer.launch({
    executablePath: env.chromium,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,900"],
    defaultViewport: { width: 1400, height: 900 },
    protocolTimeout: env.waitMs,
  });
  children.push(browser.process());
  page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(ws)}`, { timeout: env.waitMs });
  await page.waitForSelector(".monaco-workbench", { timeout: env.waitMs });
  await page.waitForSelector(".explorer-folders-view .monaco-list-row", { timeout: env.waitMs });
});

await step("squiggle and Problems entry", async () => {
  await openFile("doc.md");
  // The first diagnostics wait for the server to load its model: allow more under load.
  await until("a warning squiggle on the sentence", async () => (await squiggles("warning")) > 0, 2 * env.waitMs);
  await showProblems();
  await until(
    "the Problems panel entry",
    async () => (await problems()).find((p) => /liaise/.test(p)),
  );
});

await step("hover: rule explanation and dictionary entry", async () => {
  const at = await squiggleCenter();
  await page.mouse.move(at.x - 30, at.y + 40);
  await page.mouse.move(at.x, at.y, { steps: 4 });
  const text = await until("the hover", async () => {
    const t = await visibleHover();
    if (!/act between parties/.test(t)) {
      throw new Error(`hover without the dictionary entry of “liaise”: …${t.slice(-400)}`);
    }
    return t;
  });
  if (!/liaise/.test(text)) {
    throw new Error(`the hover lacks the rule's explanation: ${text}`);
  }
  await page.mouse.move(5, 5);
  await escape();
});

await step("preferred quick-fix through the light bulb, then save", async () => {
  const at = await squiggleCenter();
  await page.mouse.click(at.x, at.y);
  await page.mouse.move(5, 5);
  const bulb = ".editor-group-container.active .lightBulbWidget";
  await page.waitForSelector(bulb, { visible: true, timeout: env.waitMs });
  // The bulb can re-render between appearing and the click (the server's
  // code actions arrive after the cursor moves), so a click that opened no
  // menu is repeated, at most every two seconds.
  let clicked = 0;
  await until("the code-action menu", async () => {
    if ((await menuRows()).length > 0) {
      return true;
    }
    if (Date.now() - clicked > 2000) {
      clicked = Date.now();
      await page.click(bulb);
    }
    return false;
  });
  await pickMenuRow("Replace “liaison” with “liaise”");
  await until("the squiggle to clear", async () => (await squiggles("warning")) === 0);
  await page.keyboard.down("Control");
  await page.keyboard.press("KeyS");
  await page.keyboard.up("Control");
  await until("doc.md saved with the fix", () => readFileSync(path.join(ws, "doc.md"), "utf8").startsWith("We will liaise with the vendor."));
});

await step("status-bar item", async () => {
  const item = await until("the liaison status-bar item", async () => {
    const s = await statusItem();
    return s && /liaison/.test(s.text) && /codicon-check/.test(s.icon) ? s : null;
  });
  if (!item) {
    throw new Error("no status item");
  }
});

await step("a rule turned off in settings clears the finding", async () => {
  await openFile("second.md");
  await until("the finding in second.md", async () => (await squiggles("warning")) > 0);
  mkdirSync(path.join(ws, ".vscode"), { recursive: true });
  writeFileSync(path.join(ws, ".vscode", "settings.json"), JSON.stringify({ "liaison.rules": { "liaison-verb": false } }));
  await until("the squiggle to clear", async () => (await squiggles("warning")) === 0);
  await until("the Problems entry to clear", async () => !(await problems()).some((p) => /second\.md|liaise/.test(p)));
});

await step("an error in .liaison.yaml shown on that file", async () => {
  // Expand the folder; a click can land while the explorer re-renders, or
  // collapse it again, so it is repeated, at most every two seconds, until the
  // file's row is there.
  let clicked = 0;
  await until("conf/.liaison.yaml in the explorer", async () => {
    if (await page.$('.explorer-folders-view .monaco-list-row[aria-label^=".liaison.yaml"]')) {
      return true;
    }
    if (Date.now() - clicked > 2000) {
      clicked = Date.now();
      await page.click('.explorer-folders-view .monaco-list-row[aria-label^="conf"]');
    }
    return false;
  });
  await openFile(".liaison.yaml");
  await until("an error squiggle in .liaison.yaml", async () => (await squiggles("error")) > 0);
  await until("the Problems entry for .liaison.yaml", async () => (await problems()).find((p) => /sometimes/.test(p)));
});

await step("restart command", async () => {
  const before = (liaisonLog().match(/\[liaison\] starting /g) ?? []).length;
  await command("liaison: Restart server");
  await until("a second server start in the liaison output", () => (liaisonLog().match(/\[liaison\] starting /g) ?? []).length > before);
  await until("the status item running again", async () => /codicon-check/.test((await statusItem())?.icon ?? ""));
  await until("the .liaison.yaml error back from the new server", async () => (await squiggles("error")) > 0);
});

/** intoLiaised opens thesaurus.md and puts the cursor into "liaised": the
 * start of the line, two words right (the end of "liaised"), one back. */
async function intoLiaised() {
  await openFile("thesaurus.md");
  const line = await page.waitForSelector(".editor-group-container.active .view-line", { visible: true, timeout: env.waitMs });
  await line.click();
  await page.keyboard.press("Home");
  await page.keyboard.down("Control");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.up("Control");
  await page.keyboard.press("ArrowLeft");
}

await step("usage guide through Refactor", async () => {
  await intoLiaised();
  await command("Refactor...");
  await until("the usage guide in the refactor menu", async () => (await menuRows()).some((r) => /Usage guide: liaise vs liaison/.test(r)));
  await pickMenuRow("Usage guide: liaise vs liaison");
  await inPage(
    "the guide in an editor",
    () => [...document.querySelectorAll(".editor-group-container .view-lines")].some((v) => /liaise/.test(v.textContent ?? "") && /liaison/.test(v.textContent ?? "") && !/They liaised/.test(v.textContent ?? "")),
  );
});

await step("thesaurus: synonyms through Refactor", async () => {
  await intoLiaised();
  await command("Refactor...");
  await until("synonyms in the refactor menu", async () => {
    const rows = await menuRows();
    return rows.some((r) => /Synonym: “mediated” — act between parties/.test(r)) && rows.some((r) => /“interceded”/.test(r));
  });
  await pickMenuRow("“mediated”");
  // A save pressed before the edit is applied saves the old text, so the
  // save is repeated, at most every two seconds, until the file has the synonym.
  let saved = 0;
  await until("thesaurus.md saved with the synonym", async () => {
    if (readFileSync(path.join(ws, "thesaurus.md"), "utf8").startsWith("They mediated with the press.")) {
      return true;
    }
    if (Date.now() - saved > 2000) {
      saved = Date.now();
      await page.keyboard.down("Control");
      await page.keyboard.press("KeyS");
      await page.keyboard.up("Control");
    }
    return false;
  });
});

clearTimeout(deadline);
await browser?.close().catch(() => undefined);
cleanup();
console.log(`${stepNo} passed, 0 failed: the VS Code end-to-end run took ${Date.now() - started} ms`);

