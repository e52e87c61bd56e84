import assert from 'node:assert/strict';
import { lintText } from '../../server/src/engine/index.js';
import { hoverAt } from '../../server/src/engine/hover.js';

const PLAN = `---
as-of: 2025-11-01
---
# Plan

## R1 Early help

Timeliness of early help support.

### A1.1 Ensure that all partner agencies understand the early help thresholds

<!-- plan-ignore smart-measurable -->
### A1.2 Launch an online early help request form for schools

- Owner: Head of Early Help
- Due: 30 September 2025
- Status: Amber

## R2 LADO oversight

Management oversight of the LADO.

# Cross-cutting actions

### A3.1 Publish the early help guide for schools and partners

- Owner: Head of Early Help
- Due: 2026-03-31
- Measure: guide published; 200 copies sent
- Links: R1, R9
- Status: Complete
- Evidence: guide on the website
`;

const R1 = `**R1 Early help**

Timeliness of early help support.

Addressed by 3 actions:

- A1.1 Ensure that all partner agencies understand the early help thresholds — no status
- A1.2 Launch an online early help request form for schools — Amber, overdue by 32 days
- A3.1 Publish the early help guide for schools and partners — Blue, through Links`;

describe('hover', () => {
  const result = lintText(PLAN, { editorSettings: { 'smart-achievable': 'off' } });
  const hover = (marker: string, delta = 1, isRuleOff = (code: string): boolean => code === 'smart-achievable') => {
    const found = hoverAt(result, PLAN.indexOf(marker) + delta, { isRuleOff });
    return found && { text: PLAN.slice(found.range.start, found.range.end), markdown: found.markdown };
  };

  it('shows a recommendation and the actions addressing it, from its heading or from Links', () => {
    assert.deepEqual(hover('## R1'), { text: '## R1 Early help', markdown: R1 });
    assert.deepEqual(hover('R1, R9', 2), { text: 'R1', markdown: R1 });
    assert.deepEqual(hover('## R2', 10), {
      text: '## R2 LADO oversight',
      markdown: '**R2 LADO oversight**\n\nManagement oversight of the LADO.\n\nNo action addresses it yet.',
    });
  });

  it('shows nothing for an undeclared ID, prose or the front matter', () => {
    assert.equal(hover('R9'), undefined);
    assert.equal(hover('Timeliness'), undefined);
    assert.equal(hover('as-of'), undefined);
  });

  it('shows an action with its fields and each SMART letter with its reason', () => {
    assert.deepEqual(hover('### A1.1'), {
      text: '### A1.1 Ensure that all partner agencies understand the early help thresholds',
      markdown: `**A1.1** Ensure that all partner agencies understand the early help thresholds

Addresses R1 (Early help).

No fields yet: add \`- Owner:\`, \`- Due:\`, \`- Measure:\` and \`- Status:\` below the heading.

**SMART 1/4**

- **S** Specific: failed: "Ensure" says what should get better, not what will be done: start with the deliverable, such as "Run", "Publish", "Audit", "Train", "Recruit", and name what it produces.
- **M** Measurable: failed: A1.1 has no measure of success: add "- Measure:" with a number, a percentage, a target or a document that will show it worked.
- **A** Achievable: not checked: the rule is turned off
- **R** Relevant: passed
- **T** Time-bound: failed: A1.1 has no due date: add "- Due:" with a date such as 31 March 2026, March 2026 or Q4 2025/26.`,
    });
  });

  it('says when a plan-ignore comment silenced a letter, and lists fields as written', () => {
    assert.equal(
      hover('### A1.2', 20, () => false)!.markdown,
      `**A1.2** Launch an online early help request form for schools

Addresses R1 (Early help).

- **Owner:** Head of Early Help
- **Due:** 30 September 2025
- **Status:** Amber

**SMART 4/4**

- **S** Specific: passed
- **M** Measurable: not checked: silenced by a plan-ignore comment
- **A** Achievable: passed
- **R** Relevant: passed
- **T** Time-bound: passed`,
    );
    assert.match(hover('### A3.1')!.markdown, /^Addresses R1 \(Early help\), R9 \(not declared\)\.$/m);
  });

  it('lists Milestones and Progress entries under their field', () => {
    const text = '## R1 A\n### A1 Run 4 audits of files\n- Milestones:\n  - December 2025: post advertised\n  - 31/03/2026: first\n    review held\n';
    const found = hoverAt(lintText(text, { today: '2025-11-01' }), 5 + text.indexOf('### A1'))!;
    assert.match(found.markdown, /\n- \*\*Milestones:\*\*\n {2}- December 2025: post advertised\n {2}- 31\/03\/2026: first review held\n/);
  });

  it('reads a Due value: the date, its weekday, and the days left or overdue', () => {
    assert.deepEqual(hover('30 September'), {
      text: '30 September 2025',
      markdown: "**Due:** Tuesday 30 September 2025 — overdue by 32 days\n\nCounted from the plan's as-of date, Saturday 1 November 2025.",
    });
    assert.deepEqual(hover('2026-03-31'), {
      text: '2026-03-31',
      markdown: "**Due:** Tuesday 31 March 2026 — complete\n\nCounted from the plan's as-of date, Saturday 1 November 2025.",
    });
    const today = lintText('### A1 Run 4 audits\n- Due: Q4 2025/26\n', { today: '2025-11-01' });
    assert.equal(hoverAt(today, today.plan.text.indexOf('Q4'))!.markdown, '**Due:** Tuesday 31 March 2026 — in 150 days\n\nCounted from today, Saturday 1 November 2025.');
    const vague = lintText('### A1 Run 4 audits\n- Due: ongoing\n');
    assert.equal(hoverAt(vague, vague.plan.text.indexOf('ongoing')), undefined);
  });
});
