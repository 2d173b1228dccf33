-- End-to-end script for Neovim 0.7+ (headless): the code action "Add “X”
-- to the project's words". It starts liaison with vim.lsp.start_client and
-- the shipped lsp/liaison.lua, waits for the spelling diagnostic on the
-- Markdown file, runs the action's command as Neovim runs any server
-- command (workspace/executeCommand: the server writes the words file
-- itself, no client plugin needed) and waits for the diagnostic to clear.
-- It reports what it saw as JSON in $LIAISON_RESULT; the Go test asserts on
-- that and on the words file.
local bin = assert(os.getenv("LIAISON_BIN"), "LIAISON_BIN not set")
local file = assert(os.getenv("LIAISON_FILE"), "LIAISON_FILE not set")
local result_path = assert(os.getenv("LIAISON_RESULT"), "LIAISON_RESULT not set")
local config_path = assert(os.getenv("LIAISON_CONFIG"), "LIAISON_CONFIG not set")
local report = { steps = {}, actions = {} }

local function save()
  local f = assert(io.open(result_path, "w"))
  f:write(vim.fn.json_encode(report))
  f:close()
end

local function step(name) table.insert(report.steps, name) end

local function main()
  vim.cmd("edit " .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = "markdown"

  local config = dofile(config_path)
  local cmd = vim.deepcopy(config.cmd)
  cmd[1] = bin
  local settings = vim.tbl_deep_extend("force", config.settings, { liaison = { debounceMs = 0 } })
  local client_id = vim.lsp.start_client({
    name = "liaison",
    cmd = cmd,
    root_dir = vim.fn.fnamemodify(file, ":p:h"),
    settings = settings,
    before_init = config.before_init,
  })
  assert(client_id, "start_client failed")
  vim.lsp.buf_attach_client(bufnr, client_id)
  step("started")

  local got = vim.wait(20000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20)
  assert(got, "no diagnostic within 20 s")
  local d = vim.diagnostic.get(bufnr)[1]
  report.rule = d.user_data and d.user_data.lsp and d.user_data.lsp.code or vim.NIL
  step("diagnostic")

  local client = vim.lsp.get_client_by_id(client_id)
  local uri = vim.uri_from_bufnr(bufnr)
  local actions = client.request_sync("textDocument/codeAction", {
    textDocument = { uri = uri },
    range = { start = { line = d.lnum, character = d.col }, ["end"] = { line = d.lnum, character = d.col } },
    context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, d.lnum), only = { "quickfix" } },
  }, 10000, bufnr)
  assert(actions and not actions.err, "codeAction failed: " .. vim.inspect(actions))
  local add
  for _, a in ipairs(actions.result or {}) do
    table.insert(report.actions, a.title)
    if a.title:match("to the project's words$") then add = a end
  end
  assert(add, "no 'Add … to the project's words' action")
  assert(add.command and add.command.command, "the action has no command")
  report.applied = add.title
  local res = client.request_sync("workspace/executeCommand", add.command, 10000, bufnr)
  assert(res and not res.err, "executeCommand failed: " .. vim.inspect(res))
  step("added")

  report.cleared = vim.wait(20000, function() return #vim.diagnostic.get(bufnr) == 0 end, 20)
  client.stop()
  vim.wait(5000, function() return client.is_stopped() end, 20)
  step("stopped")
end

local ok, err = pcall(main)
report.ok = ok
if not ok then report.error = tostring(err) end
save()
vim.cmd(ok and "qa!" or "cq!")
