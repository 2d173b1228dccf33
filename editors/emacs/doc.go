// Package emacs holds liaison's Emacs end-to-end test: Emacs in batch mode
// loads liaison-eglot.el (the Eglot configuration users install), opens a
// Markdown file, waits for liaison's diagnostic through Flymake, applies
// the preferred quick fix from eglot-code-actions, saves, and the test
// reads the file back. It needs emacs (Debian's emacs-nox) and Eglot
// (elpa-eglot, or Emacs 29+); without them the test skips, and
// LIAISON_E2E=require makes a missing editor a failure.
package emacs
