/** Protocol tests of the improvementPlan/dashboard request: counts, coverage and timeline of the open version. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { TestLspClient } from '../helpers/lspClient.js';
import { examplesFolder } from '../fixtures/examples.js';

const NEEDS_WORK = readFileSync(new URL('needs-work.plan.md', examplesFolder), 'utf8');
const range = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });

interface Dashboard {
  uri: string;
  version: number;
  asOf: string;
  counts: { actions: number; overdue: number; byStatus: Record<string, number> };
  actions: { id: string; line: number; status: string | null }[];
  coverage: { id: string; cells: { action: number }[] }[];
  timeline: { owner: string; items: { action: number; overdue: boolean }[] }[];
}

describe('improvementPlan/dashboard', function () {
  this.timeout(20000);
  let client: TestLspClient;
  afterEach(async () => client?.stop());

  it('agrees with the summary request on counts, and gives the coverage matrix and timeline', async () => {
    client = await TestLspClient.start({ pull: true });
    const uri = 'untitled:needs-work.plan.md';
    await client.open(uri, NEEDS_WORK, 5);
    const dashboard = await client.request<Dashboard>('improvementPlan/dashboard', { textDocument: { uri } });
    const summary = await client.request<{ counts: unknown; recommendations: { id: string; actions: { id: string; range: { start: { line: number } } }[] }[] }>('improvementPlan/summary', { textDocument: { uri } });
    assert.equal(dashboard.uri, uri);
    assert.equal(dashboard.version, 5);
    assert.deepEqual(dashboard.counts, summary.counts);
    assert.deepEqual(
      dashboard.coverage.map((row) => [row.id, row.cells.map((cell) => dashboard.actions[cell.action]!.line)]),
      summary.recommendations.map((r) => [r.id, r.actions.map((a) => a.range.start.line)]),
    );
    const overdue = dashboard.timeline.flatMap((lane) => lane.items.filter((item) => item.overdue).map((item) => dashboard.actions[item.action]!.id));
    assert.deepEqual(overdue, ['A3.9']);
  });

  it('follows edits, answers null for a document it does not have, and survives junk', async () => {
    client = await TestLspClient.start({ pull: true });
    const uri = 'untitled:edits.plan.md';
    await client.open(uri, '## R1 One\n\n### A1.1 Run audits\n\n- Status: Red\n');
    await client.change(uri, 2, [{ range: range(4, 10, 13), text: 'Amber' }]);
    const dashboard = await client.request<Dashboard>('improvementPlan/dashboard', { textDocument: { uri } });
    assert.deepEqual([dashboard.version, dashboard.actions.map((a) => a.status)], [2, ['amber']]);
    assert.equal(await client.request('improvementPlan/dashboard', { textDocument: { uri: 'untitled:other.plan.md' } }), null);
    assert.equal(await client.request('improvementPlan/dashboard', null), null);
    assert.equal(await client.request('improvementPlan/dashboard', { textDocument: {} }), null);
    assert.ok(client.alive);
  });
});
