// Package neovim holds liaison's Neovim end-to-end test: a headless Neovim
// (0.7 or later, vim.lsp.start_client) starts `liaison serve`, receives a
// diagnostic, asks for hover, applies the preferred code action and writes
// the file. Without nvim the test skips; LIAISON_E2E=require makes a
// missing editor a failure.
package neovim
