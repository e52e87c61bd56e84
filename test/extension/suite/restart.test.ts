/**
 * When the language server process dies, the VS Code client starts a new one and the open plan
 * gets its diagnostics again, from the new server (an edit after the restart is analysed).
 *
 * The server is found as a child of the extension host (this process) running dist/server.cjs,
 * with `ps`: no test-only API in the extension is needed.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { EXAMPLE_DIAGNOSTICS } from '../../fixtures/examples.js';
import { copyInWorkspace, lineOf, openAndWait, revertAndClose, waitForDiagnostics, waitForLineCodes, codeOf } from './helpers.js';

const EXAMPLE = 'needs-work.plan.md';

/** Process IDs of this extension host's children that run the bundled server. */
function serverPids(): number[] {
  const table = execFileSync('ps', ['-A', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' });
  return table
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null && Number(m[2]) === process.pid && /server\.cjs/.test(m[3]!))
    .map((m) => Number(m[1]));
}

/** There is no event for "a process started": poll, briefly, and fail with what was awaited. */
async function poll<T>(probe: () => T | undefined, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

suite('server restart', () => {
  let uri: vscode.Uri;
  suiteSetup(async () => {
    uri = await copyInWorkspace(EXAMPLE, 'restart.plan.md');
  });
  suiteTeardown(async () => {
    if (uri) await revertAndClose(uri);
  });

  test('a killed server is started again and the open plan gets its diagnostics back', async () => {
    const expected = EXAMPLE_DIAGNOSTICS[EXAMPLE]!;
    const { editor } = await openAndWait(uri, (d) => d.length === expected.length, `${expected.length} diagnostics`);
    const [pid, ...others] = serverPids();
    assert.ok(pid, `no server process among the children of the extension host ${process.pid}`);
    assert.deepEqual(others, [], 'one server process');

    process.kill(pid, 'SIGKILL');
    const started = Date.now();
    const [newPid] = await poll(() => {
      const pids = serverPids().filter((candidate) => candidate !== pid);
      return pids.length > 0 ? pids : undefined;
    }, 'the client to start a new server process');
    assert.notEqual(newPid, pid);

    // The diagnostics of the plan as it is, from the new server.
    await waitForLineCodes(uri, expected, { what: 'the diagnostics after the restart' });

    // An edit is analysed by the new server: an action without an Owner at the end gets no-owner.
    const document = editor.document;
    const waiting = waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'no-owner' && document.lineAt(x.range.start.line).text.includes('A9.9')), {
      what: 'no-owner for an action typed after the restart',
    });
    const end = document.lineAt(document.lineCount - 1).range.end;
    assert.ok(await editor.edit((edit) => edit.insert(end, '\n### A9.9 Publish the restart audit to the board\n\n- Due: 31 March 2026\n')));
    await waiting;
    assert.ok(lineOf(document, '### A9.9 Publish the restart audit to the board') > 0);
    console.log(`server ${pid} killed; ${newPid} answered ${Date.now() - started} ms later`);
  });
});
