-- End-to-end script for Neovim 0.7+ (headless): the "Disable … for this
-- line" code action is an edit (a directive comment inserted above the
-- line), applied and written to the file; the diagnostic must then clear.
-- The rest is action.lua's.
local here = vim.fn.fnamemodify(debug.getinfo(1, "S").source:sub(2), ":h")
dofile(here .. "/action.lua")({
  match = "^Disable .* for this line$",
  done = "disabled",
  apply = function(client, _, action)
    assert(action.edit, "the disable action has no edit")
    vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
    vim.cmd("write")
  end,
})
