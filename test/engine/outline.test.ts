import assert from 'node:assert/strict';
import { PlanAnalysis, parsePlan } from '../../server/src/engine/index.js';
import { outlinePlan } from '../../server/src/engine/outline.js';

describe('plan outline', () => {
  const text = `---
title: Test plan
as-of: 2025-11-01
---
## R1 One  title
### A1.1 late   one
- Owner: Head of X
- Due: 21 October 2025
- Status: Amber
### A1.2 done
- Due: 30 September 2025
- Status: Complete
## R2 Two
### A2.1 linked
- Due: March 2026
- Status: Green
- Links: R1
## R3 Uncovered
# Other
### A9 nowhere
- Status: Not started
### A10 unknown link
- Links: R8
`;
  const outline = outlinePlan(new PlanAnalysis(parsePlan(text)));

  it('lists each recommendation with the actions in its section, then those linked to it', () => {
    assert.equal(outline.title, 'Test plan');
    assert.equal(outline.asOf, '2025-11-01');
    assert.deepEqual(
      outline.recommendations.map((r) => [r.id, r.title, r.actions.map((a) => `${a.id}${a.viaLinks ? ' (linked)' : ''}`)]),
      [
        ['R1', 'One title', ['A1.1', 'A1.2', 'A2.1 (linked)']],
        ['R2', 'Two', ['A2.1']],
        ['R3', 'Uncovered', []],
      ],
    );
    assert.deepEqual(outline.otherActions.map((a) => a.id), ['A9', 'A10']);
  });

  it('gives each action its statement, status, due date, lateness, owner and ranges', () => {
    const late = outline.recommendations[0]!.actions[0]!;
    assert.deepEqual(
      { ...late, headingRange: text.slice(late.headingRange.start, late.headingRange.end), idRange: text.slice(late.idRange.start, late.idRange.end) },
      {
        id: 'A1.1',
        statement: 'late one',
        headingRange: '### A1.1 late   one',
        idRange: 'A1.1',
        status: 'amber',
        due: '2025-10-21',
        daysOverdue: 11,
        owner: 'Head of X',
        viaLinks: false,
      },
    );
    assert.equal(outline.recommendations[0]!.actions[1]!.daysOverdue, 0);
    assert.equal(outline.otherActions[1]!.status, undefined);
  });

  it('counts every action once for the plan, and the listed ones for each recommendation', () => {
    assert.deepEqual(outline.counts, { actions: 5, overdue: 1, byStatus: { 'not started': 1, red: 0, amber: 1, green: 1, blue: 1, none: 1 } });
    assert.deepEqual(outline.recommendations[0]!.counts, { actions: 3, overdue: 1, byStatus: { 'not started': 0, red: 0, amber: 1, green: 1, blue: 1, none: 0 } });
    assert.equal(outline.recommendations[2]!.counts.actions, 0);
  });

  it('adds the recommendations of the recommendations file that the plan does not declare', () => {
    const recommendations = parsePlan('## R1 Shared one\n## R2 Shared two\n').recommendations;
    const analysis = new PlanAnalysis(parsePlan('---\nrecommendations: ./r.plan.md\n---\n## R2 Local\n### A1 x\n- Links: R1\n'), {
      readRecommendationsFile: () => ({ name: 'r.plan.md', recommendations }),
    });
    const result = outlinePlan(analysis);
    assert.deepEqual(result.recommendations.map((r) => [r.id, r.source, r.actions.map((a) => a.id)]), [
      ['R2', 'plan', ['A1']],
      ['R1', 'recommendations-file', ['A1']],
    ]);
    assert.equal(result.recommendationsFile, 'r.plan.md');
    assert.deepEqual(result.otherActions, []);
  });

  it('works on any text', () => {
    for (const source of ['', '---\n: bad\n---\n', '### A1\n- Links: R1, R1\n## R1\n## R1\n### A1.1\n']) {
      const result = outlinePlan(new PlanAnalysis(parsePlan(source)));
      assert.ok(result.counts.actions >= 0);
    }
  });
});
