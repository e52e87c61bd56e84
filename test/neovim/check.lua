-- Headless Neovim (0.7.2 or later) as an independent LSP client of the improvement-plan server.
--
-- Usage (from the repository root, after `node scripts/build.mjs`):
--   nvim --headless --clean -u NONE -c "luafile test/neovim/check.lua" -- FILE.plan.md
--
-- Output, on stdout, one item a line:
--   {"line":..,"col":..,"severity":..,"code":..,"source":..,"message":..}  a diagnostic of FILE
--       as first pushed by the server (1-based line and byte column; severity 1 error,
--       2 warning, 3 information, 4 hint)
--   ok <step> (<ms> ms) [detail]        a step that happened
--   FAIL <step>: <reason>               a step that did not happen
--   # <text>                            information (server messages, edits made)
--   RESULT ok | RESULT FAIL <n>         last line
-- Exit code 0 only if every step happened; 1 if a step failed; 3 if the script itself broke.
--
-- FILE is edited in the buffer only, never written.
-- Environment: IMPROVEMENT_PLAN_SERVER  path of the server script (default: bin/improvement-plan-language-server.cjs
--                                       of this repository; no arguments: the bin adds --stdio)
--              IMPROVEMENT_PLAN_NODE    node executable (default: node)
--              PLAN_WAIT_MS             how long to wait for each step (default 15000)

local uv = vim.loop
local t0 = uv.hrtime()
local function ms() return math.floor((uv.hrtime() - t0) / 1e6) end
local function out(s) io.stdout:write(s .. '\n') end

local failures = 0
local function ok(step, detail)
  out(string.format('ok %s (%d ms)%s', step, ms(), detail and (' ' .. detail) or ''))
end
local function fail(step, reason)
  failures = failures + 1
  out(string.format('FAIL %s: %s', step, reason))
end

local function finish()
  out(failures == 0 and 'RESULT ok' or ('RESULT FAIL ' .. failures))
  io.stdout:flush()
  if failures == 0 then vim.cmd('qall!') else vim.cmd('cquit 1') end
end

local WAIT_MS = tonumber(os.getenv('PLAN_WAIT_MS') or '') or 15000
local script_dir = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h')
local repo_root = vim.fn.fnamemodify(script_dir, ':h:h')
local server = os.getenv('IMPROVEMENT_PLAN_SERVER') or (repo_root .. '/bin/improvement-plan-language-server.cjs')
local node = os.getenv('IMPROVEMENT_PLAN_NODE') or 'node'

local function main()
  local file = vim.fn.argv(0)
  if file == nil or file == '' then
    fail('arguments', 'no FILE given: nvim --headless --clean -u NONE -c "luafile test/neovim/check.lua" -- FILE')
    return
  end
  if vim.fn.filereadable(file) == 0 then fail('arguments', 'cannot read ' .. file); return end
  if vim.fn.filereadable(server) == 0 then fail('arguments', 'no server at ' .. server); return end
  local v = vim.version()
  out(string.format('# Neovim %d.%d.%d; server %s', v.major, v.minor, v.patch, server))

  -- No swap file: a run that was killed must not make the next one stop at E325.
  vim.o.swapfile = false
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'improvement-plan'
  local uri = vim.uri_from_bufnr(bufnr)

  -- Every textDocument/publishDiagnostics for this buffer, in order: { version, count, at }.
  local publishes = {}
  local initialized, exit_code, exit_signal = false, nil, nil
  local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']

  local client_id = vim.lsp.start_client({
    name = 'improvement-plan',
    cmd = { node, server },
    root_dir = vim.fn.fnamemodify(file, ':p:h'),
    on_init = function() initialized = true end,
    on_exit = function(code, signal) exit_code, exit_signal = code, signal end,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
        default_publish(err, result, ctx, config)
        if result and result.uri == uri then
          table.insert(publishes, { version = result.version, count = #result.diagnostics, at = ms() })
        end
      end,
      ['window/showMessage'] = function(_, result)
        out('# server message: ' .. tostring(result and result.message))
      end,
      ['window/logMessage'] = function(_, result)
        out('# server log: ' .. tostring(result and result.message))
      end,
      ['workspace/configuration'] = function(err, result, ctx, config)
        out('# server asked workspace/configuration')
        return vim.lsp.handlers['workspace/configuration'](err, result, ctx, config)
      end,
      -- Neovim's own handler asks with inputlist(), which would wait for ever in a headless run.
      ['window/showMessageRequest'] = function(_, result)
        out('# server message request: ' .. tostring(result and result.message))
        return vim.NIL
      end,
    },
  })
  if not client_id then fail('start', 'vim.lsp.start_client returned nil'); return end
  if not vim.lsp.buf_attach_client(bufnr, client_id) then fail('attach', 'vim.lsp.buf_attach_client failed'); return end

  if vim.wait(WAIT_MS, function() return initialized or exit_code ~= nil end, 10) and initialized then
    ok('initialize')
  else
    fail('initialize', exit_code and ('server exited with code ' .. exit_code) or ('no initialize result in ' .. WAIT_MS .. ' ms'))
    return
  end
  local client = vim.lsp.get_client_by_id(client_id)

  local function buffer_version() return vim.lsp.util.buf_versions[bufnr] end
  local function codes_on(lnum0, code)
    for _, d in ipairs(vim.diagnostic.get(bufnr, { lnum = lnum0 })) do
      if d.code == code then return true end
    end
    return false
  end
  local function count_code(code)
    local n = 0
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.code == code then n = n + 1 end
    end
    return n
  end
  -- Waits for a push made for the buffer's current version (and after `after` pushes) that satisfies `check`.
  local function wait_push(after, check)
    return vim.wait(WAIT_MS, function()
      local last = publishes[#publishes]
      return #publishes > after and last.version == buffer_version() and check()
    end, 10)
  end
  local function last_push_detail()
    local last = publishes[#publishes]
    if not last then return 'no push at all' end
    return string.format('last push: version %s (buffer %s), %d diagnostic(s), %d push(es) in all',
      tostring(last.version), tostring(buffer_version()), last.count, #publishes)
  end

  -- 1. First diagnostics, pushed with the version Neovim opened the document at.
  if not wait_push(0, function() return true end) then
    fail('first diagnostics', 'no textDocument/publishDiagnostics for ' .. uri .. ' in ' .. WAIT_MS .. ' ms; ' .. last_push_detail())
    return
  end
  local diagnostics = vim.diagnostic.get(bufnr)
  table.sort(diagnostics, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
  for _, d in ipairs(diagnostics) do
    out(vim.fn.json_encode({
      line = d.lnum + 1, col = d.col + 1, severity = d.severity,
      code = d.code, source = d.source, message = d.message,
    }))
  end
  ok('first diagnostics', string.format('%d diagnostic(s), version %s', #diagnostics, tostring(publishes[#publishes].version)))

  -- 2. Add an action with no owner at the end of the first recommendation's section.
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  local first_rec, insert_at
  for i, line in ipairs(lines) do
    if not first_rec then
      if line:match('^##%s+R') then first_rec = i end
    elseif line:match('^##?%s') then
      insert_at = i - 1 -- 0-based index of that next heading: insert before it
      break
    end
  end
  if not first_rec then fail('edit', 'no "## R..." recommendation heading in ' .. file); return end
  insert_at = insert_at or #lines
  local heading = '### A9.9 Publish the audit schedule for 2026'
  local before = #publishes
  vim.api.nvim_buf_set_lines(bufnr, insert_at, insert_at, false, { heading, '' })
  out(string.format('# inserted "%s" as line %d', heading, insert_at + 1))
  if wait_push(before, function() return codes_on(insert_at, 'no-owner') end) then
    ok('no-owner on new action', string.format('line %d, version %s', insert_at + 1, tostring(buffer_version())))
  else
    fail('no-owner on new action', string.format('no no-owner diagnostic on line %d in %d ms; %s', insert_at + 1, WAIT_MS, last_push_detail()))
  end

  -- 3. Pushed settings: rules.no-owner = off removes every no-owner diagnostic (the new one at
  --    least) and nothing else. Sent as Neovim users do: client.notify('workspace/didChangeConfiguration').
  local owners_before, total_before = count_code('no-owner'), #vim.diagnostic.get(bufnr)
  local off = { improvementPlan = { rules = { ['no-owner'] = 'off' } } }
  -- Also what Neovim answers if the server asks with workspace/configuration (Neovim 0.8+ offers
  -- it; 0.7.2 does not, so there the notification's own settings must be used).
  client.config.settings = off
  local before_settings = #publishes
  client.notify('workspace/didChangeConfiguration', { settings = off })
  if owners_before == 0 then
    fail('settings turn no-owner off', 'no no-owner diagnostic to turn off')
  elseif wait_push(before_settings, function() return count_code('no-owner') == 0 end) then
    local total = #vim.diagnostic.get(bufnr)
    if total == total_before - owners_before then
      ok('settings turn no-owner off', string.format('%d -> %d diagnostic(s)', total_before, total))
    else
      fail('settings turn no-owner off', string.format('%d no-owner of %d diagnostic(s) before, %d diagnostic(s) after: others changed too', owners_before, total_before, total))
    end
  else
    fail('settings turn no-owner off', string.format('%d no-owner diagnostic(s) still there after %d ms; %s', count_code('no-owner'), WAIT_MS, last_push_detail()))
  end

  -- 4. Back to the defaults: every no-owner returns.
  -- vim.empty_dict(): a plain {} would be sent as a JSON array [].
  local defaults = { improvementPlan = { rules = vim.empty_dict() } }
  client.config.settings = defaults
  before_settings = #publishes
  client.notify('workspace/didChangeConfiguration', { settings = defaults })
  if wait_push(before_settings, function() return count_code('no-owner') == owners_before and codes_on(insert_at, 'no-owner') end) then
    ok('default settings bring no-owner back', string.format('%d no-owner', owners_before))
  else
    fail('default settings bring no-owner back', string.format('%d no-owner, expected %d; %s', count_code('no-owner'), owners_before, last_push_detail()))
  end

  -- 5. Give the new action an owner: no-owner on its heading must clear.
  before = #publishes
  vim.api.nvim_buf_set_lines(bufnr, insert_at + 2, insert_at + 2, false, { '- Owner: Head of Safeguarding', '' })
  out(string.format('# inserted "- Owner: Head of Safeguarding" as line %d', insert_at + 3))
  if wait_push(before, function() return not codes_on(insert_at, 'no-owner') end) then
    ok('owner clears no-owner', string.format('version %s', tostring(buffer_version())))
  else
    fail('owner clears no-owner', string.format('no-owner still on line %d after %d ms; %s', insert_at + 1, WAIT_MS, last_push_detail()))
  end

  -- 6. Shut down: shutdown request, exit notification, process ends with code 0.
  vim.lsp.stop_client(client_id)
  if vim.wait(WAIT_MS, function() return exit_code ~= nil end, 10) then
    if exit_code == 0 then ok('shutdown') else fail('shutdown', string.format('server exited with code %s, signal %s', tostring(exit_code), tostring(exit_signal))) end
  else
    fail('shutdown', 'server still running ' .. WAIT_MS .. ' ms after stop_client')
    vim.lsp.stop_client(client_id, true)
  end
end

local status, err = pcall(main)
if not status then
  out('FAIL script: ' .. tostring(err))
  io.stdout:flush()
  vim.cmd('cquit 3')
end
finish()
