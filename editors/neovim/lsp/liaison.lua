-- liaison: English usage checking for Markdown, plain text, LaTeX, HTML,
-- AsciiDoc, reStructuredText, Org, Typst and commit messages.
--
-- Neovim 0.11+: put this file on your 'runtimepath' as lsp/liaison.lua
-- (for example ~/.config/nvim/lsp/liaison.lua) and enable it:
--
--   vim.lsp.enable("liaison")
--
-- Change any field without copying the file:
--
--   vim.lsp.config("liaison", {
--     settings = { liaison = { rules = { ["liaison-verb"] = "error" } } },
--   })
--
-- The file only returns a table, so older Neovims can use it too (see
-- README.md and lspconfig.lua beside it).

---@type vim.lsp.Config
return {
  cmd = { "liaison", "serve", "--stdio" },
  filetypes = { "markdown", "text", "gitcommit", "tex", "html", "xhtml", "asciidoc", "rst", "org", "typst" },
  root_markers = { ".git" },
  -- The "liaison" section, sent on start and whenever the server asks.
  --   debounceMs: milliseconds after typing before checking again
  --   rules:      rule id -> false (off) or "error" | "warning" | "info" | "hint"
  --   categories: category -> false (off)
  --   sourceCode: source-code languages whose comments are checked, for
  --               example { "go", "python" } (add their filetypes above too)
  -- `liaison rules` lists the rule ids and categories.
  settings = {
    liaison = {
      debounceMs = 150,
      rules = vim.empty_dict(),
      categories = vim.empty_dict(),
      sourceCode = {},
    },
  },
  -- Send the same settings as initializationOptions, so the server starts
  -- with them also where the client never answers workspace/configuration
  -- (Neovim before 0.8 with vim.lsp.start_client).
  before_init = function(params, config)
    params.initializationOptions = (config.settings or {}).liaison
  end,
}
