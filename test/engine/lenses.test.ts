import assert from 'node:assert/strict';
import { lintText } from '../../server/src/engine/index.js';
import { dueHints } from '../../server/src/engine/dueHints.js';
import { planLenses, planTitleRange } from '../../server/src/engine/lenses.js';
import { AMBER_AND_COMPLETE_ACTIONS, GREEN_AND_UNKNOWN_STATUS_RECOMMENDATION } from '../fixtures/plans.js';

const PLAN = `---
title: Front-matter title
as-of: 2025-11-01
---

\`\`\`
# not a title: in a code block
\`\`\`

# Plan title #

## R1 One

${AMBER_AND_COMPLETE_ACTIONS}### A1.3 c
- Due: 1 November 2025
- Status: Red

${GREEN_AND_UNKNOWN_STATUS_RECOMMENDATION}
## R3 Three
`;

describe('code lenses and due-date hints', () => {
  const { plan, analysis } = lintText(PLAN);

  it('summarises the plan on its title and each recommendation on its heading', () => {
    assert.deepEqual(
      planLenses(plan, analysis).map((lens) => [PLAN.slice(lens.range.start, lens.range.end), lens.title]),
      [
        ['# Plan title #', '5 actions: 1 red · 1 amber · 1 green · 1 blue · 1 with no status · 1 overdue'],
        ['## R1 One', '4 actions · 1 overdue · 1 red · 1 amber · 1 green · 1 blue'],
        ['## R2 Two', '2 actions · 1 green · 1 with no status'],
        ['## R3 Three', 'No actions yet'],
      ],
    );
  });

  it('puts the plan summary at the top when there is no title heading', () => {
    const noHeading = lintText('---\ntitle: T\n---\n## R1 One\n### A1 Run 4 audits\n- Status: Not started\n');
    const [top] = planLenses(noHeading.plan, noHeading.analysis);
    assert.deepEqual(top, { range: { start: 0, end: 3 }, title: '1 action: 1 not started' });
    // A level-1 heading that declares a recommendation is not a title.
    assert.deepEqual(planTitleRange(lintText('# R1 One\n').plan), { start: 0, end: 8 });
    // Nothing declared and no title: no summary.
    assert.equal(planTitleRange(lintText('Just notes.\r\n\r\n## Heading\r\n').plan), undefined);
    assert.deepEqual(planTitleRange(lintText('\uFEFF# Title\r\n## R1\r\n').plan), { start: 1, end: 8 });
  });

  it('hints how long is left after each Due value, except for finished actions and unreadable dates', () => {
    const hints = dueHints(plan, analysis).map((hint) => [PLAN.slice(hint.offset - 8, hint.offset), hint.label]);
    assert.deepEqual(hints, [
      ['ber 2025', 'overdue by 1 day'],
      ['ber 2025', 'today'],
      ['rch 2026', 'in 150 days'],
    ]);
    assert.equal(dueHints(plan, analysis)[0]!.tooltip, "A1.1 is due on Friday 31 October 2025, counted from the plan's as-of date, Saturday 1 November 2025.");
    const vague = lintText('### A1 x\n- Due: ongoing\n');
    assert.deepEqual(dueHints(vague.plan, vague.analysis), []);
  });
});
