// Package vscode holds the tests of liaison's VS Code extension (a
// TypeScript extension on vscode-languageclient, in this folder). The Go
// test type-checks and lints the extension, packages it into a .vsix with
// @vscode/vsce and checks what the archive holds, and runs the Node tests,
// among them one that drives a freshly built `liaison serve` over stdio with
// Microsoft's own client stack (vscode-jsonrpc, vscode-languageserver-protocol).
//
// It needs node, npm and the extension's node_modules (npm ci). Without them
// the test is skipped; LIAISON_E2E=require makes that a failure.
package vscode
