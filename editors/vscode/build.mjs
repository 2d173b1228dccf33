// Builds the extension with esbuild: src/extension.ts into dist/extension.js
// (one CommonJS file; "vscode" is provided by the editor), and with --tests
// the Node tests in test/ into out/test/.
import * as esbuild from "esbuild";
import { readdirSync } from "node:fs";

const production = process.argv.includes("--production");
const tests = process.argv.includes("--tests");

await esbuild.build({
  entryPoints: ["src/extension.ts"],
  outfile: "dist/extension.js",
  bundle: true,
  platform: "node",
  target: "node18",
  format: "cjs",
  external: ["vscode"],
  minify: production,
  sourcemap: !production,
  logLevel: "warning",
});

// extension.test.ts runs extension.ts against stand-ins for the editor's
// modules (test/fake/); the other tests use the real client libraries.
const extensionTest = "extension.test.ts";

if (tests) {
  await esbuild.build({
    entryPoints: readdirSync("test")
      .filter((f) => f.endsWith(".test.ts") && f !== extensionTest)
      .map((f) => `test/${f}`),
    outdir: "out/test",
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    sourcemap: true,
    logLevel: "warning",
  });
  await esbuild.build({
    entryPoints: [`test/${extensionTest}`],
    outdir: "out/test",
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    sourcemap: true,
    logLevel: "warning",
    alias: {
      vscode: "./test/fake/vscode.ts",
      "vscode-languageclient/node": "./test/fake/languageclient.ts",
    },
  });
}
