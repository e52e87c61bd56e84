/** The dashboard's data on the weak example: counts, the coverage matrix and the timeline by owner. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { count, lintText, summarisePlan } from '../../server/src/engine/index.js';
import { dashboardContent, NO_OWNER } from '../../server/src/preview/dashboard.js';
import { examplesFolder } from '../fixtures/examples.js';

const NEEDS_WORK = readFileSync(new URL('needs-work.plan.md', examplesFolder), 'utf8');

describe('dashboard data', () => {
  const result = lintText(NEEDS_WORK);
  const data = dashboardContent(result);
  const action = (id: string) => data.actions.find((a) => a.id === id)!;
  const row = (id: string) => data.coverage.find((r) => r.id === id)!;
  const ids = (cells: { action: number }[]) => cells.map((cell) => data.actions[cell.action]!.id);

  it('counts every action by RAG status and overdue, as the engine does', () => {
    const { actions } = summarisePlan(result.plan, result.analysis);
    assert.deepEqual(data.counts, count(actions));
    assert.equal(data.counts.actions, 23);
    assert.equal(data.counts.overdue, 1);
    assert.equal(data.asOf, '2025-11-01');
    assert.equal(data.asOfText, '1 November 2025');
  });

  it('lists every action in document order with its line, status, owner and due date', () => {
    assert.deepEqual(data.actions.map((a) => a.id), result.plan.actions.map((a) => a.id));
    assert.deepEqual(action('A3.9'), {
      id: 'A3.9',
      statement: 'Launch an online early help request form for schools',
      line: NEEDS_WORK.split('\n').indexOf('### A3.9 Launch an online early help request form for schools'),
      status: 'amber',
      statusLabel: 'Amber',
      owner: 'Head of Early Help',
      due: '2025-09-30',
      dueText: '30 September 2025',
      daysOverdue: 32,
    });
    assert.equal(action('A1.3').owner, null);
    assert.equal(action('A3.5').due, null, '"ongoing" is not a date');
    assert.equal(action('A3.10').status, null, '"Yellow" is not a RAG value');
  });

  it('builds the coverage matrix: each recommendation with the actions addressing it, through Links too', () => {
    assert.deepEqual(data.coverage.map((r) => r.id), ['R1', 'R2', 'R3', 'R4']);
    assert.deepEqual(ids(row('R1').cells), ['A1.1', 'A1.2', 'A1.3', 'A1.4', 'A1.5']);
    assert.deepEqual(row('R4').cells, [], 'R4 is uncovered');
    assert.equal(row('R3').counts.overdue, 1);
    // Both actions numbered A2.1 (a duplicate ID) are columns of their own.
    const twins = data.actions.flatMap((a, index) => (a.id === 'A2.1' ? [index] : []));
    assert.equal(twins.length, 2);
    assert.deepEqual(row('R2').cells.filter((cell) => twins.includes(cell.action)).map((cell) => cell.action), twins);
    assert.equal(row('R1').line, NEEDS_WORK.split('\n').indexOf('## R1 Return home interviews'));
    // A5.1 is under no recommendation and has no Links: in no row.
    const a51 = data.actions.findIndex((a) => a.id === 'A5.1');
    assert.ok(data.coverage.every((r) => r.cells.every((cell) => cell.action !== a51)));
  });

  it('marks cells that address a recommendation only through Links', () => {
    const plan = lintText('## R1 One\n\n### A1.1 Run audits\n\n## R2 Two\n\n### A2.1 Train staff\n\n- Links: R1\n');
    const coverage = dashboardContent(plan).coverage;
    assert.deepEqual(coverage.map((r) => r.cells), [
      [{ action: 0, viaLinks: false }, { action: 1, viaLinks: true }],
      [{ action: 1, viaLinks: false }],
    ]);
  });

  it('puts dated actions on a timeline by owner, ordered by due date, overdue marked; undated ones counted', () => {
    const dated = data.actions.filter((a) => a.due !== null);
    assert.equal(data.undated, data.actions.length - dated.length);
    assert.equal(data.undated, 3);
    assert.equal(data.timeline.flatMap((lane) => lane.items).length, dated.length);
    for (const lane of data.timeline) {
      assert.deepEqual(lane.items.map((item) => item.due), lane.items.map((item) => item.due).sort());
      for (const item of lane.items) assert.equal(data.actions[item.action]!.owner ?? NO_OWNER, lane.owner);
    }
    const overdue = data.timeline.flatMap((lane) => lane.items.filter((item) => item.overdue).map((item) => `${lane.owner}: ${data.actions[item.action]!.id}`));
    assert.deepEqual(overdue, ['Head of Early Help: A3.9']);
    assert.equal(data.timeline.at(-1)!.owner, NO_OWNER, 'actions with no owner come last');
    assert.ok(data.timeline.some((lane) => lane.owner === 'TBC'), 'a placeholder owner is shown as written');
  });

  it('groups owners written differently', () => {
    const plan = lintText('## R1 One\n\n### A1.1 Run audits\n\n- Owner: Head of Service\n- Due: 2026-01-31\n\n### A1.2 Train staff\n\n- Owner: head of  service.\n- Due: 2025-12-31\n');
    const { timeline } = dashboardContent(plan);
    assert.deepEqual(timeline.map((lane) => [lane.owner, lane.items.map((item) => item.due)]), [['Head of Service', ['2025-12-31', '2026-01-31']]]);
  });
});
