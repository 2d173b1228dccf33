-- liaison with nvim-lspconfig, for Neovim 0.8 to 0.10 (on 0.11+ prefer
-- lsp/liaison.lua and vim.lsp.enable("liaison")). liaison is not among
-- nvim-lspconfig's bundled servers, so register it first, then set it up
-- like any other. Put this in your init.lua.

local configs = require("lspconfig.configs")
local util = require("lspconfig.util")

if not configs.liaison then
  configs.liaison = {
    default_config = {
      cmd = { "liaison", "serve", "--stdio" },
      filetypes = { "markdown", "text", "gitcommit", "tex", "html", "xhtml", "asciidoc", "rst", "org", "typst" },
      root_dir = util.root_pattern(".git"),
      single_file_support = true,
      settings = { liaison = { debounceMs = 150 } },
    },
    docs = {
      description = "liaison: English usage checking for Markdown, plain text, LaTeX, HTML, AsciiDoc, reStructuredText, Org, Typst and commit messages.",
    },
  }
end

require("lspconfig").liaison.setup({
  settings = {
    liaison = {
      -- rules = { ["liaison-verb"] = "error", ["atm-machine"] = false },
      -- categories = { redundancy = false },
      -- sourceCode = { "go" },  -- check Go comments (add "go" to filetypes too)
    },
  },
})
