-- What the code-action scripts (addword.lua, disable.lua) share, for
-- Neovim 0.7+ headless: start liaison with vim.lsp.start_client and the
-- shipped lsp/liaison.lua, wait for the diagnostic on the Markdown file,
-- ask for its quick fixes, apply the one the script picks, and wait for
-- the diagnostic to clear. What it saw goes as JSON to $LIAISON_RESULT
-- (rule, actions, applied, cleared, steps, ok, error); the Go test asserts
-- on that and on the files. A script calls the function this returns with
--   match: a Lua pattern the action's title must match,
--   apply: function(client, bufnr, action) that carries the action out,
--   done:  the step name recorded once it is applied.
return function(s)
  local bin = assert(os.getenv("LIAISON_BIN"), "LIAISON_BIN not set")
  local file = assert(os.getenv("LIAISON_FILE"), "LIAISON_FILE not set")
  local result_path = assert(os.getenv("LIAISON_RESULT"), "LIAISON_RESULT not set")
  local config_path = assert(os.getenv("LIAISON_CONFIG"), "LIAISON_CONFIG not set")
  local report = { steps = {}, actions = {} }

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
    local actions = client.request_sync("textDocument/codeAction", {
      textDocument = { uri = vim.uri_from_bufnr(bufnr) },
      range = { start = { line = d.lnum, character = d.col }, ["end"] = { line = d.lnum, character = d.col } },
      context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, d.lnum), only = { "quickfix" } },
    }, 10000, bufnr)
    assert(actions and not actions.err, "codeAction failed: " .. vim.inspect(actions))
    local chosen
    for _, a in ipairs(actions.result or {}) do
      table.insert(report.actions, a.title)
      if not chosen and a.title:match(s.match) then chosen = a end
    end
    assert(chosen, "no action whose title matches " .. s.match)
    report.applied = chosen.title
    s.apply(client, bufnr, chosen)
    step(s.done)

    report.cleared = vim.wait(20000, function() return #vim.diagnostic.get(bufnr) == 0 end, 20)
    client.stop()
    vim.wait(5000, function() return client.is_stopped() end, 20)
    step("stopped")
  end

  local ok, err = pcall(main)
  report.ok = ok
  if not ok then report.error = tostring(err) end
  local f = assert(io.open(result_path, "w"))
  f:write(vim.fn.json_encode(report))
  f:close()
  vim.cmd(ok and "qa!" or "cq!")
end
