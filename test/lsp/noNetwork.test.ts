/**
 * Plans never leave the machine (SECURITY.md). Two checks:
 *
 * 1. The bundles (dist/server.cjs, dist/cli.cjs, dist/extension.cjs, dist/export.cjs) load no HTTP, TLS, HTTP/2,
 *    UDP or DNS module and call no fetch or WebSocket. They do load `net`: vscode-jsonrpc and
 *    vscode-languageclient include the socket and pipe transports (`--socket`, `--pipe`), which the
 *    extension does not use (it talks to the server over Node IPC).
 * 2. At run time, with test/helpers/noNetwork.cjs preloaded (every outbound connection and name
 *    lookup fails and is recorded): a protocol session with the server on a workspace of plans and a
 *    run of the CLI attempt none. The hook is checked first to record an attempt.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TestLspClient } from '../helpers/lspClient.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const HOOK = fileURLToPath(new URL('../helpers/noNetwork.cjs', import.meta.url));
const BUNDLES = ['dist/server.cjs', 'dist/cli.cjs', 'dist/extension.cjs', 'dist/export.cjs'];
const FORBIDDEN_MODULES = ['http', 'https', 'http2', 'tls', 'dgram', 'dns', 'undici'];

describe('no network access', function () {
  this.timeout(60_000);
  let folder: string;
  let log: string;

  before(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'plan-no-network-'));
    cpSync(path.join(root, 'examples'), path.join(folder, 'plans'), { recursive: true });
    log = path.join(folder, 'network.log');
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  const attempts = () => (existsSync(log) ? readFileSync(log, 'utf8') : '');

  for (const bundle of BUNDLES) {
    it(`${bundle} loads no network module but net, and calls no fetch or WebSocket`, () => {
      const code = readFileSync(path.join(root, bundle), 'utf8');
      const required = [...code.matchAll(/require\(["'](?:node:)?([a-z0-9/_-]+)["']\)/g)].map((m) => m[1]!);
      assert.deepEqual(required.filter((name) => FORBIDDEN_MODULES.includes(name.split('/')[0]!)), []);
      assert.doesNotMatch(code, /\bfetch\(|new WebSocket\b|\bXMLHttpRequest\b|\bnavigator\.sendBeacon\b/);
    });
  }

  it('the hook records an attempt (so that no record means none was made)', () => {
    const script = "require('node:http').get('http://127.0.0.1:9/'); ";
    const run = spawnSync(process.execPath, ['--require', HOOK, '-e', `try { ${script} } catch {} require('node:net').connect(9, '127.0.0.1').on('error', () => {})`], {
      env: { ...process.env, NO_NETWORK_LOG: log },
      encoding: 'utf8',
    });
    assert.match(attempts(), /node:http\.get/);
    assert.match(attempts(), /net\.Socket\.connect/, run.stderr);
    rmSync(log);
  });

  it('a protocol session with the server on a workspace of plans attempts none', async () => {
    const previous = process.env.NODE_OPTIONS;
    process.env.NODE_OPTIONS = `${previous ?? ''} --require ${HOOK}`.trim();
    process.env.NO_NETWORK_LOG = log;
    const client = new TestLspClient({ pull: true, workspaceFolder: path.join(folder, 'plans') });
    try {
      await client.initialize();
      const file = path.join(folder, 'plans', 'needs-work.plan.md');
      const uri = pathToFileURL(file).href;
      await client.open(uri, readFileSync(file, 'utf8'));
      const diagnostics = await client.pull(uri);
      assert.ok(diagnostics.length > 0);
      const at = { textDocument: { uri }, position: diagnostics[0]!.range.start };
      await client.request('textDocument/hover', at);
      await client.request('textDocument/completion', at);
      await client.request('textDocument/definition', at);
      await client.request('textDocument/documentSymbol', { textDocument: { uri } });
      await client.request('workspace/symbol', { query: 'A1' });
      await client.request('textDocument/codeLens', { textDocument: { uri } });
      await client.request('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 400, character: 0 } } });
      assert.ok(client.alive);
    } finally {
      await client.stop();
      if (previous === undefined) delete process.env.NODE_OPTIONS;
      else process.env.NODE_OPTIONS = previous;
      delete process.env.NO_NETWORK_LOG;
    }
    assert.equal(attempts(), '');
  });

  it('the CLI checking a folder of plans attempts none', () => {
    let output = '';
    try {
      output = execFileSync(process.execPath, ['--require', HOOK, path.join(root, 'bin', 'improvement-plan.cjs'), 'check', path.join(folder, 'plans')], {
        env: { ...process.env, NO_NETWORK_LOG: log },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      // Exit code 1: the examples have errors. Anything else is a failure.
      assert.equal((error as { status: number }).status, 1, String(error));
      output = (error as { stdout: string }).stdout;
    }
    assert.match(output, /no-owner/);
    assert.equal(attempts(), '');
  });
});
