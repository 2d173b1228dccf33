-- End-to-end script for Neovim 0.7+ (headless): the code action "Add “X”
-- to the project's words" is a command the server performs
-- (workspace/executeCommand, run as Neovim runs any server command: the
-- server writes the words file itself, no client plugin needed); the
-- spelling diagnostic must then clear. The rest is action.lua's.
local here = vim.fn.fnamemodify(debug.getinfo(1, "S").source:sub(2), ":h")
dofile(here .. "/action.lua")({
  match = "to the project's words$",
  done = "added",
  apply = function(client, bufnr, action)
    assert(action.command and action.command.command, "the action has no command")
    local res = client.request_sync("workspace/executeCommand", action.command, 10000, bufnr)
    assert(res and not res.err, "executeCommand failed: " .. vim.inspect(res))
  end,
})
