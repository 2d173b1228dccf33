-- End-to-end script for Neovim 0.7+ (headless). It starts liaison with
-- vim.lsp.start_client and the configuration users install
-- (lsp/liaison.lua: cmd, filetypes, settings), opens a Markdown file, waits
-- for the diagnostic, asks for hover, applies the preferred code action,
-- writes the file and quits. It reports what it saw as JSON in
-- $LIAISON_RESULT; the Go test asserts on that and on the file.
local bin = assert(os.getenv("LIAISON_BIN"), "LIAISON_BIN not set")
local file = assert(os.getenv("LIAISON_FILE"), "LIAISON_FILE not set")
local result_path = assert(os.getenv("LIAISON_RESULT"), "LIAISON_RESULT not set")
local config_path = assert(os.getenv("LIAISON_CONFIG"), "LIAISON_CONFIG not set")
local report = { steps = {} }

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

  -- The shipped configuration, with the freshly built binary, no debounce,
  -- and liaison-verb (a warning by default) raised to an error: the
  -- diagnostic's severity shows the settings reached the server.
  local config = dofile(config_path)
  report.filetypes = config.filetypes
  assert(vim.tbl_contains(config.filetypes, "markdown"), "lsp/liaison.lua does not attach to markdown")
  local cmd = vim.deepcopy(config.cmd)
  cmd[1] = bin
  vim.list_extend(cmd, { "--log-level", "debug" })
  local settings = vim.tbl_deep_extend("force", config.settings,
    { liaison = { debounceMs = 0, rules = { ["liaison-verb"] = "error" } } })

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

  local got = vim.wait(20000, function()
    local ds = vim.diagnostic.get(bufnr)
    return #ds > 0 and ds[1].severity == vim.diagnostic.severity.ERROR
  end, 20)
  assert(got, "no error diagnostic within 20 s: " .. vim.inspect(vim.diagnostic.get(bufnr)))
  local d = vim.diagnostic.get(bufnr)[1]
  report.diagnostic = { lnum = d.lnum, col = d.col, end_col = d.end_col, message = d.message, source = d.source,
    severity = d.severity,
    code = d.user_data and d.user_data.lsp and d.user_data.lsp.code or vim.NIL }
  step("diagnostic")

  local client = vim.lsp.get_client_by_id(client_id)
  local uri = vim.uri_from_bufnr(bufnr)
  local hover = client.request_sync("textDocument/hover", {
    textDocument = { uri = uri },
    position = { line = d.lnum, character = d.col + 2 },
  }, 10000, bufnr)
  assert(hover and not hover.err, "hover failed: " .. vim.inspect(hover))
  assert(hover.result and hover.result.contents, "hover is empty")
  report.hover = hover.result.contents.value or vim.inspect(hover.result.contents)
  report.hover_kind = hover.result.contents.kind or vim.NIL
  step("hover")

  local actions = client.request_sync("textDocument/codeAction", {
    textDocument = { uri = uri },
    range = { start = { line = d.lnum, character = d.col }, ["end"] = { line = d.lnum, character = d.col } },
    context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, d.lnum) },
  }, 10000, bufnr)
  assert(actions and not actions.err, "codeAction failed: " .. vim.inspect(actions))
  local preferred
  report.actions = {}
  for _, a in ipairs(actions.result or {}) do
    table.insert(report.actions, a.title)
    if a.isPreferred and not preferred then preferred = a end
  end
  assert(preferred, "no preferred code action")
  assert(preferred.edit, "the preferred action has no edit")
  report.applied = preferred.title
  vim.lsp.util.apply_workspace_edit(preferred.edit, client.offset_encoding)
  report.fixed_line = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, true)[1]
  vim.cmd("write")
  step("fixed")

  -- The fix leaves nothing to report.
  local cleared = vim.wait(20000, function() return #vim.diagnostic.get(bufnr) == 0 end, 20)
  report.cleared = cleared
  client.stop()
  vim.wait(5000, function() return client.is_stopped() end, 20)
  step("stopped")
end

local ok, err = pcall(main)
report.ok = ok
if not ok then report.error = tostring(err) end
save()
vim.cmd(ok and "qa!" or "cq!")
