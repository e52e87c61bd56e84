/**
 * Plans that keep their recommendations in another file, over stdio: diagnostics of the open plans
 * follow the recommendations file when it is edited, saved, changed on disk, closed or deleted.
 */
import assert from 'node:assert/strict';
import { unlinkSync } from 'node:fs';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { EXAMPLE_DIAGNOSTICS } from '../fixtures/examples.js';
import { TestLspClient } from '../helpers/lspClient.js';
import { PlanWorkspace } from '../helpers/planWorkspace.js';

const ACTIONS = 'multi-file/actions.plan.md';
const RECOMMENDATIONS = 'multi-file/recommendations.plan.md';
const CHANGED = 2;
const DELETED = 3;

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.range.start.line + 1} ${d.code} ${d.message}`);
// What actions.plan.md shows when R4 is not declared: its two Links to R4 (lines 105 and 116).
const WITHOUT_R4 = [
  '105 unknown-recommendation No recommendation R4 is declared in this plan or recommendations.plan.md.',
  '116 unknown-recommendation No recommendation R4 is declared in this plan or recommendations.plan.md.',
];
const dropR4 = (text: string) => text.replace('## R4 Early help waiting times\n\nWaiting time for early help support.\n', '');

describe('multi-file plans over stdio', function () {
  this.timeout(20000);
  let client: TestLspClient;
  let workspace: PlanWorkspace;
  afterEach(async () => client?.stop());

  describe('with pull diagnostics (as VS Code)', () => {
    beforeEach(async () => {
      workspace = PlanWorkspace.create({}, { examples: true });
      client = await TestLspClient.start({ pull: true, workspaceFolder: workspace.folder });
    });

    const refreshed = async (what: string, action: () => Promise<void>) => {
      const before = client.refreshRequests;
      await action();
      await client.waitFor(() => client.refreshRequests > before, `a diagnostic refresh after ${what}`);
    };

    it('the example is clean only because its Links resolve in the recommendations file', async () => {
      assert.deepEqual(EXAMPLE_DIAGNOSTICS[ACTIONS], []);
      await client.open(workspace.uri(ACTIONS), workspace.read(ACTIONS));
      assert.deepEqual(codes(await client.pull(workspace.uri(ACTIONS))), []);
      const without = workspace.read(ACTIONS).replace('recommendations: ./recommendations.plan.md\n', '');
      await client.open('untitled:without-recommendations.plan.md', without);
      const diagnostics = await client.pull('untitled:without-recommendations.plan.md');
      assert.equal(diagnostics.filter((d) => d.code === 'unknown-recommendation').length, 10);
    });

    it('refreshes an open plan when the open recommendations file is edited, and again when it is closed unsaved', async () => {
      const recommendations = workspace.read(RECOMMENDATIONS);
      await client.open(workspace.uri(ACTIONS), workspace.read(ACTIONS));
      await client.open(workspace.uri(RECOMMENDATIONS), recommendations);
      assert.deepEqual(codes(await client.pull(workspace.uri(ACTIONS))), []);
      await refreshed('an edit', () => client.change(workspace.uri(RECOMMENDATIONS), 2, [{ text: dropR4(recommendations) }]));
      assert.deepEqual(codes(await client.pull(workspace.uri(ACTIONS))), WITHOUT_R4);
      // Closing without saving: the file on disk, which declares R4, counts again.
      await refreshed('closing', () => client.close(workspace.uri(RECOMMENDATIONS)));
      assert.deepEqual(codes(await client.pull(workspace.uri(ACTIONS))), []);
    });

    it('refreshes an open plan when the recommendations file changes on disk', async () => {
      await client.open(workspace.uri(ACTIONS), workspace.read(ACTIONS));
      assert.deepEqual(codes(await client.pull(workspace.uri(ACTIONS))), []);
      const original = workspace.read(RECOMMENDATIONS);
      workspace.write(RECOMMENDATIONS, dropR4(original));
      await refreshed('a change on disk', () => client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: workspace.uri(RECOMMENDATIONS), type: CHANGED }] }));
      assert.deepEqual(codes(await client.pull(workspace.uri(ACTIONS))), WITHOUT_R4);
      workspace.write(RECOMMENDATIONS, original);
      await refreshed('the change undone', () => client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: workspace.uri(RECOMMENDATIONS), type: CHANGED }] }));
      assert.deepEqual(codes(await client.pull(workspace.uri(ACTIONS))), []);
    });

    it('says so when the recommendations file is deleted', async () => {
      await client.open(workspace.uri(ACTIONS), workspace.read(ACTIONS));
      assert.deepEqual(codes(await client.pull(workspace.uri(ACTIONS))), []);
      unlinkSync(workspace.path(RECOMMENDATIONS));
      await refreshed('a deletion', () => client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: workspace.uri(RECOMMENDATIONS), type: DELETED }] }));
      const diagnostics = codes(await client.pull(workspace.uri(ACTIONS)));
      assert.equal(diagnostics[0], '4 front-matter The recommendations file ./recommendations.plan.md cannot be read: check the path (it is relative to this plan).');
      assert.equal(diagnostics.filter((d) => / unknown-recommendation No recommendation R\d is declared in this plan\.$/.test(d)).length, 10);
      assert.equal(diagnostics.length, 11);
    });
  });

  it('pushes new diagnostics to clients without pull diagnostics when the file changes on disk', async () => {
    workspace = PlanWorkspace.create({}, { examples: true });
    client = await TestLspClient.start({ pull: false, workspaceFolder: workspace.folder });
    await client.open(workspace.uri(ACTIONS), workspace.read(ACTIONS));
    assert.deepEqual((await client.waitForPublished(workspace.uri(ACTIONS), 1)).diagnostics, []);
    const count = client.published.length;
    workspace.write(RECOMMENDATIONS, dropR4(workspace.read(RECOMMENDATIONS)));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: workspace.uri(RECOMMENDATIONS), type: CHANGED }] });
    const published = await client.waitFor(
      () => client.published.slice(count).find((p) => p.uri === workspace.uri(ACTIONS) && p.diagnostics.length > 0),
      'diagnostics pushed after the change on disk',
    );
    assert.deepEqual(codes(published.diagnostics), WITHOUT_R4);
  });
});
