/** Workspace symbols over stdio: every recommendation and action of every plan in the workspace, filtered. */
import assert from 'node:assert/strict';
import path from 'node:path';
import type { SymbolInformation } from 'vscode-languageserver-protocol';
import { TestLspClient } from '../helpers/lspClient.js';
import { PlanWorkspace, showRange } from '../helpers/planWorkspace.js';

describe('workspace symbols over stdio', function () {
  this.timeout(20000);
  let client: TestLspClient;
  let workspace: PlanWorkspace;

  beforeEach(async () => {
    workspace = PlanWorkspace.create({ 'node_modules/pkg/ignored.plan.md': '## R1 Not a plan of this workspace\n' }, { examples: true });
    client = await TestLspClient.start({ pull: true, workspaceFolder: workspace.folder });
  });
  afterEach(async () => client?.stop());

  const query = async (text: string) => {
    const result = await client.request<SymbolInformation[]>('workspace/symbol', { query: text });
    return result.map((s) => `${path.relative(workspace.folder, new URL(s.location.uri).pathname)} ${showRange(s.location.range)} ${s.kind} ${s.name} < ${s.containerName ?? '-'}`);
  };

  it('declares a workspace symbol provider', () => {
    assert.equal(client.initializeResult.capabilities.workspaceSymbolProvider, true);
  });

  it('finds recommendations and actions in every plan, with the characters of the query in order', async () => {
    assert.deepEqual(await query('out of HOURS'), [
      'multi-file/actions.plan.md 29:4-29:117 12 A1.1 Recruit 4 social workers to the emergency duty team so that at least 2 answer calls out of hours every night < -',
      'multi-file/actions.plan.md 41:4-41:99 12 A1.2 Visit every child held in police custody overnight within 4 hours of the out-of-hours call < -',
      'multi-file/actions.plan.md 109:4-109:146 12 A5.1 Present a monthly dashboard of out-of-hours response times, changes of practitioner and early help waiting times to the Improvement Board < -',
      'multi-file/recommendations.plan.md 27:3-27:27 2 R1 Out-of-hours services < -',
    ]);
    assert.deepEqual(await query('life-story work'), [
      'westmorland-and-furness.plan.md 105:3-105:21 2 R3 Life-story work < -',
      'westmorland-and-furness.plan.md 109:4-109:115 12 A3.1 Start planned life-story work for every child in care living with kinship carers or planned to return home < R3 Life-story work',
      'westmorland-and-furness.plan.md 122:4-122:96 12 A3.2 Train 60 social workers and 30 kinship carers in life-story work and later life letters < R3 Life-story work',
      'westmorland-and-furness.plan.md 187:4-187:118 12 A6.1 Launch the new case recording system with redesigned forms for child protection enquiries and life-story work < -',
    ]);
    assert.deepEqual(await query('nothing like this'), []);
  });

  it('lists everything for an empty query, skipping node_modules', async () => {
    const all = await client.request<SymbolInformation[]>('workspace/symbol', { query: '' });
    const files = all.map((s) => path.relative(workspace.folder, new URL(s.location.uri).pathname));
    assert.deepEqual([...new Set(files)], ['multi-file/actions.plan.md', 'multi-file/recommendations.plan.md', 'needs-work.plan.md', 'westmorland-and-furness.plan.md']);
    assert.deepEqual(
      ['multi-file/actions.plan.md', 'multi-file/recommendations.plan.md', 'westmorland-and-furness.plan.md'].map((file) => files.filter((f) => f === file).length),
      [8, 4, 18],
    );
  });

  it('uses the unsaved text of open plans, and open plans outside the workspace', async () => {
    const name = 'multi-file/recommendations.plan.md';
    await client.open(workspace.uri(name), workspace.read(name).replace('## R1 Out-of-hours services', '## R1 Emergency duty team'));
    await client.open('untitled:new.plan.md', '## R8 Out-of-hours health support\n');
    assert.deepEqual(await query('R1 out-of-hours'), []);
    assert.deepEqual(await query('emergency duty'), [
      'multi-file/actions.plan.md 29:4-29:117 12 A1.1 Recruit 4 social workers to the emergency duty team so that at least 2 answer calls out of hours every night < -',
      'multi-file/recommendations.plan.md 27:3-27:25 2 R1 Emergency duty team < -',
    ]);
    const untitled = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'R8 out-of-hours health' });
    assert.deepEqual(untitled.map((s) => [s.location.uri, s.name]), [['untitled:new.plan.md', 'R8 Out-of-hours health support']]);
  });
});
