/**
 * The workspace index over stdio: scanned at start-up with work-done progress, and kept right
 * by workspace/didChangeWatchedFiles and by documents opening and closing.
 */
import assert from 'node:assert/strict';
import { rmSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SymbolInformation } from 'vscode-languageserver-protocol';
import { TestLspClient } from '../helpers/lspClient.js';
import { PlanWorkspace } from '../helpers/planWorkspace.js';

// workspace/didChangeWatchedFiles change types.
const CREATED = 1;
const CHANGED = 2;
const DELETED = 3;

describe('workspace index over stdio', function () {
  this.timeout(20000);
  let client: TestLspClient;
  afterEach(async () => client?.stop());

  const symbolNames = async () => {
    const symbols = await client.request<SymbolInformation[]>('workspace/symbol', { query: '' });
    return symbols.map((s) => `${path.basename(new URL(s.location.uri).pathname)} ${s.name}`);
  };

  it('reports work-done progress while it reads the workspace, when the client shows progress', async () => {
    const workspace = PlanWorkspace.create({ 'a.plan.md': '## R1 One\n', 'b/b.plan.md': '## R2 Two\n', 'b/c/c.plan.md': '## R3 Three\n', 'notes.md': '## R4 Not a plan\n' });
    client = new TestLspClient({ pull: true, workspaceFolder: workspace.folder, capabilities: { window: { workDoneProgress: true } } });
    const created: string[] = [];
    client.onServerRequest('window/workDoneProgress/create', (params: { token: string }) => {
      created.push(params.token);
      return null;
    });
    const progress = client.recordNotifications('$/progress') as { token: string; value: Record<string, unknown> }[];
    const logged = client.recordNotifications('window/logMessage') as { message: string }[];
    await client.initialize();
    await client.waitFor(() => progress.some((p) => p.value.kind === 'end'), 'the end of the progress');
    await client.waitFor(() => logged.some((m) => m.message === 'Indexed 3 improvement plans.'), 'the log of the scan');
    assert.equal(created.length, 1);
    assert.ok(progress.every((p) => p.token === created[0]), 'every notification carries the token the client created');
    assert.deepEqual(
      progress.map((p) => p.value),
      [
        { kind: 'begin', title: 'Indexing improvement plans', cancellable: false, percentage: 0 },
        { kind: 'report', percentage: 33, message: '1 of 3 plans' },
        { kind: 'report', percentage: 67, message: '2 of 3 plans' },
        { kind: 'report', percentage: 100, message: '3 of 3 plans' },
        { kind: 'end' },
      ],
    );
    assert.deepEqual((await symbolNames()).sort(), ['a.plan.md R1 One', 'b.plan.md R2 Two', 'c.plan.md R3 Three']);
  });

  it('indexes without progress for clients that do not show it', async () => {
    const workspace = PlanWorkspace.create({ 'a.plan.md': '## R1 One\n' });
    client = new TestLspClient({ pull: true, workspaceFolder: workspace.folder });
    let asked = false;
    client.onServerRequest('window/workDoneProgress/create', () => {
      asked = true;
      return null;
    });
    const progress = client.recordNotifications('$/progress');
    await client.initialize();
    assert.deepEqual(await symbolNames(), ['a.plan.md R1 One']);
    assert.equal(asked, false);
    assert.deepEqual(progress, []);
  });

  it('follows files created, changed and deleted on disk, and deleted folders', async () => {
    const workspace = PlanWorkspace.create({ 'a.plan.md': '## R1 One\n', 'sub/deep/d.plan.md': '## R4 Four\n' });
    client = await TestLspClient.start({ pull: true, workspaceFolder: workspace.folder });
    const changed = (changes: { name: string; type: number }[]) =>
      client.notify('workspace/didChangeWatchedFiles', { changes: changes.map((change) => ({ uri: workspace.uri(change.name), type: change.type })) });
    assert.deepEqual(await symbolNames(), ['a.plan.md R1 One', 'd.plan.md R4 Four']);

    workspace.write('b.plan.md', '## R2 Two\n');
    workspace.write('node_modules/x/n.plan.md', '## R8 Dependency\n');
    await changed([{ name: 'b.plan.md', type: CREATED }, { name: 'node_modules/x/n.plan.md', type: CREATED }]);
    assert.deepEqual(await symbolNames(), ['a.plan.md R1 One', 'b.plan.md R2 Two', 'd.plan.md R4 Four']);

    workspace.write('b.plan.md', '## R2 Two, renamed\n\n### A2.1 Run 4 audits\n');
    await changed([{ name: 'b.plan.md', type: CHANGED }]);
    assert.deepEqual(await symbolNames(), ['a.plan.md R1 One', 'b.plan.md R2 Two, renamed', 'b.plan.md A2.1 Run 4 audits', 'd.plan.md R4 Four']);

    unlinkSync(workspace.path('a.plan.md'));
    rmSync(workspace.path('sub'), { recursive: true });
    await changed([{ name: 'a.plan.md', type: DELETED }, { name: 'sub', type: DELETED }]);
    assert.deepEqual(await symbolNames(), ['b.plan.md R2 Two, renamed', 'b.plan.md A2.1 Run 4 audits']);

    // A plan outside the workspace folder is not part of the workspace.
    const outside = PlanWorkspace.create({ 'o.plan.md': '## R9 Elsewhere\n' });
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: outside.uri('o.plan.md'), type: CREATED }] });
    assert.deepEqual(await symbolNames(), ['b.plan.md R2 Two, renamed', 'b.plan.md A2.1 Run 4 audits']);
  });

  it('uses open documents\' text while they are open, and the files on disk once they close', async () => {
    const workspace = PlanWorkspace.create({ 'a.plan.md': '## R1 On disk\n' });
    client = await TestLspClient.start({ pull: true, workspaceFolder: workspace.folder });
    await client.open(workspace.uri('a.plan.md'), '## R1 Unsaved\n');
    assert.deepEqual(await symbolNames(), ['a.plan.md R1 Unsaved']);
    await client.close(workspace.uri('a.plan.md'));
    assert.deepEqual(await symbolNames(), ['a.plan.md R1 On disk']);

    // A new file, open before it is saved: it counts while open, and once saved (even if no watcher reported it).
    const uri = workspace.uri('new.plan.md');
    await client.open(uri, '## R2 New\n');
    assert.deepEqual(await symbolNames(), ['a.plan.md R1 On disk', 'new.plan.md R2 New']);
    await client.close(uri);
    assert.deepEqual(await symbolNames(), ['a.plan.md R1 On disk']);
    workspace.write('new.plan.md', '## R2 Saved\n');
    await client.open(uri, '## R2 Saved\n');
    await client.close(uri);
    assert.deepEqual(await symbolNames(), ['a.plan.md R1 On disk', 'new.plan.md R2 Saved']);
  });

  it('counts a file once however its URI is spelt', async () => {
    const workspace = PlanWorkspace.create({ "children's plan.plan.md": '## R1 One\n' });
    client = await TestLspClient.start({ pull: true, workspaceFolder: workspace.folder });
    // VS Code escapes the apostrophe, which Node's pathToFileURL leaves as it is.
    const vscodeUri = pathToFileURL(workspace.path("children's plan.plan.md")).href.replace("'", '%27');
    await client.open(vscodeUri, '## R1 One, unsaved\n');
    const symbols = await client.request<SymbolInformation[]>('workspace/symbol', { query: '' });
    assert.deepEqual(symbols.map((s) => [s.location.uri, s.name]), [[vscodeUri, 'R1 One, unsaved']]);
  });
});
