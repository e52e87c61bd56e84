/** Protocol tests of the improvementPlan/summary request and its change notification. */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestLspClient } from '../helpers/lspClient.js';

const PLAN = `---
title: Summary test plan
as-of: 2025-11-01
---

## R1 Supervision

### A1.1 Run monthly supervision audits of 20 case files

- Owner: Head of Quality Assurance
- Due: 20 October 2025
- Status: Amber

### A1.2 Train 38 team managers

- Due: 31 March 2026
- Status: Complete

## R2 Early help

# Other actions

### A9 Publish a new web page

- Links: R1
- Status: Not started

### A10 Hold a staff conference
`;

const range = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });

describe('improvementPlan/summary', function () {
  this.timeout(20000);
  let client: TestLspClient;
  afterEach(async () => client?.stop());

  it('returns the recommendations, their actions with status and lateness, and the counts', async () => {
    client = await TestLspClient.start({ pull: true });
    const uri = 'untitled:summary.plan.md';
    await client.open(uri, PLAN, 7);
    const summary = await client.request('improvementPlan/summary', { textDocument: { uri } });
    const action = (fields: Record<string, unknown>) => ({
      statusLabel: null,
      status: null,
      due: null,
      dueText: null,
      daysOverdue: 0,
      owner: null,
      viaLinks: false,
      ...fields,
    });
    const a11 = action({
      id: 'A1.1',
      statement: 'Run monthly supervision audits of 20 case files',
      range: range(7, 0, 56),
      selectionRange: range(7, 4, 8),
      status: 'amber',
      statusLabel: 'Amber',
      due: '2025-10-20',
      dueText: '20 October 2025',
      daysOverdue: 12,
      owner: 'Head of Quality Assurance',
    });
    const a12 = action({
      id: 'A1.2',
      statement: 'Train 38 team managers',
      range: range(13, 0, 31),
      selectionRange: range(13, 4, 8),
      status: 'blue',
      statusLabel: 'Blue',
      due: '2026-03-31',
      dueText: '31 March 2026',
    });
    const a9 = action({ id: 'A9', statement: 'Publish a new web page', range: range(22, 0, 29), selectionRange: range(22, 4, 6), status: 'not started', statusLabel: 'Not started' });
    const none = { 'not started': 0, red: 0, amber: 0, green: 0, blue: 0, none: 0 };
    assert.deepEqual(summary, {
      uri,
      version: 7,
      title: 'Summary test plan',
      asOf: '2025-11-01',
      counts: { actions: 4, overdue: 1, byStatus: { ...none, 'not started': 1, amber: 1, blue: 1, none: 1 } },
      recommendations: [
        {
          id: 'R1',
          title: 'Supervision',
          uri,
          range: range(5, 0, 17),
          selectionRange: range(5, 3, 5),
          external: false,
          counts: { actions: 3, overdue: 1, byStatus: { ...none, 'not started': 1, amber: 1, blue: 1 } },
          actions: [a11, a12, { ...a9, viaLinks: true }],
        },
        { id: 'R2', title: 'Early help', uri, range: range(18, 0, 16), selectionRange: range(18, 3, 5), external: false, counts: { actions: 0, overdue: 0, byStatus: none }, actions: [] },
      ],
      otherActions: [action({ id: 'A10', statement: 'Hold a staff conference', range: range(27, 0, 31), selectionRange: range(27, 4, 7) })],
      recommendationsFile: null,
    });
  });

  it('follows edits, answers null for a document it does not have, and survives junk', async () => {
    client = await TestLspClient.start({ pull: true });
    const uri = 'untitled:edits.plan.md';
    await client.open(uri, '## R1 One\n');
    await client.change(uri, 2, [{ range: range(1, 0, 0), text: '### A1.1 New\n- Status: Red\n' }]);
    const summary = await client.request<{ version: number; counts: { actions: number; byStatus: { red: number } } }>('improvementPlan/summary', { textDocument: { uri } });
    assert.deepEqual([summary.version, summary.counts.actions, summary.counts.byStatus.red], [2, 1, 1]);
    assert.equal(await client.request('improvementPlan/summary', { textDocument: { uri: 'untitled:other.plan.md' } }), null);
    assert.equal(await client.request('improvementPlan/summary', null), null);
    assert.ok(client.alive);
  });

  it('lists recommendations from the recommendations file with ranges in that file', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'summary-'));
    writeFileSync(path.join(folder, 'recommendations.plan.md'), '# Recommendations\n\n## R1 Supervision\n');
    const planPath = path.join(folder, 'actions.plan.md');
    const plan = '---\nrecommendations: ./recommendations.plan.md\n---\n\n### A1 Audit 20 files\n\n- Links: R1\n';
    writeFileSync(planPath, plan);
    client = new TestLspClient({ pull: true, workspaceFolder: folder });
    const logs = client.recordNotifications('window/logMessage') as { message: string }[];
    await client.initialize();
    await client.waitFor(() => logs.some((log) => log.message.startsWith('Indexed 2 improvement plans')), 'the workspace index');
    const uri = pathToFileURL(planPath).href;
    await client.open(uri, plan);
    const summary = await client.request<{ recommendations: unknown[]; recommendationsFile: string; otherActions: unknown[] }>('improvementPlan/summary', { textDocument: { uri } });
    assert.equal(summary.recommendationsFile, 'recommendations.plan.md');
    assert.deepEqual(
      summary.recommendations.map((r) => {
        const { id, uri: where, range: at, external, actions } = r as { id: string; uri: string; range: unknown; external: boolean; actions: { id: string }[] };
        return { id, where, at, external, actions: actions.map((a) => a.id) };
      }),
      [{ id: 'R1', where: pathToFileURL(path.join(folder, 'recommendations.plan.md')).href, at: range(2, 0, 17), external: true, actions: ['A1'] }],
    );
    assert.deepEqual(summary.otherActions, []);
  });

  it('tells the client when every summary may have changed', async () => {
    client = new TestLspClient({ pull: true });
    const changed = client.recordNotifications('improvementPlan/summaryChanged');
    await client.initialize();
    await client.changeConfiguration({ rules: {} });
    await client.waitFor(() => changed.length > 0, 'improvementPlan/summaryChanged');
  });
});
