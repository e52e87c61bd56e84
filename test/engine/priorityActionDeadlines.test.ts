/** Areas for priority action: the draft and final plan deadlines, in diagnostics and in the hover. */
import assert from 'node:assert/strict';
import { lintText, type PlanDiagnostic } from '../../server/src/engine/index.js';
import { hoverAt } from '../../server/src/engine/hover.js';

const CODE = 'priority-action-deadlines';

const action = `### A1.1 Publish a revised multi-agency thresholds document with practice guidance for partners

- Owner: Safeguarding Partnership Business Manager
- Due: 31 March 2027
- Measure: document signed off by all 3 statutory safeguarding partners
`;

/** A plan with the given front matter lines and headings, each heading followed by an action under it. */
function plan(front: string, headings: string[] = ['## P1 Multi-agency thresholds']): string {
  const body = headings.map((heading, n) => `${heading}\n\nThe report's words.\n\n${action.replace('A1.1', `A${n + 1}.1`)}`).join('\n');
  return `---\n${front}\n---\n\n${body}`;
}

const clockOf = (text: string, today = '2026-07-05'): PlanDiagnostic[] => lintText(text, { today }).diagnostics.filter((d) => d.code === CODE);
const messages = (text: string, today?: string): string[] => clockOf(text, today).map((d) => d.message);

describe('priority-action-deadlines', () => {
  it('gives both deadlines as information on the first P heading, counted from today', () => {
    const text = plan('inspection:\n  framework: ILACS\n  published: 2026-06-30', ['## P1 Front door', '## R1 Supervision', '## Priority action 2: Care leavers']);
    const found = clockOf(text);
    assert.deepEqual(found.map((d) => [d.severity, text.slice(d.range.start, d.range.end), d.data?.element?.id]), [
      ['information', 'P1', 'P1'],
      ['information', 'P1', 'P1'],
    ]);
    assert.deepEqual(found.map((d) => d.message), [
      'Priority action: the draft plan is due by Tuesday 28 July 2026 (20 working days after publication on 30 June 2026); 17 working days left, counted from today (5 July 2026). When it is ready, record its date as plan.draft in the front matter.',
      'Priority action: the final plan is due by Wednesday 7 October 2026 (70 working days after publication on 30 June 2026); 67 working days left, counted from today (5 July 2026). When it is ready, record its date as plan.final in the front matter.',
    ]);
  });

  it("judges the plan's own dates: a deadline missed is reported, one met (even on the day) is not", () => {
    const front = (draft: string, final: string) => `inspection:\n  published: 2026-06-30\nplan:\n  draft: ${draft}\n  final: ${final}`;
    assert.deepEqual(messages(plan(front('2026-07-31', '2026-10-07'))), [
      'Priority action: the draft plan was due by Tuesday 28 July 2026 (20 working days after publication on 30 June 2026); missed, 3 working days late: the draft plan is dated Friday 31 July 2026 (plan.draft).',
    ]);
    const [finalOnly, ...more] = messages(plan(front('20 July 2026', '2026-10-08')));
    assert.match(finalOnly!, /^Priority action: the final plan .*; missed, 1 working day late: /);
    assert.deepEqual(more, []);
    assert.deepEqual(messages(plan(front('20 July 2026', '2026-10-07'))), []);
  });

  it('says when a deadline has passed with no date recorded, counted from as-of', () => {
    const [draft, final] = messages(plan('as-of: 2026-08-04\ninspection:\n  published: 2026-06-30'));
    assert.equal(
      draft,
      "Priority action: the draft plan was due by Tuesday 28 July 2026 (20 working days after publication on 30 June 2026); it passed 5 working days ago, counted from the plan's as-of date (4 August 2026). Record the date the draft plan was ready as plan.draft in the front matter.",
    );
    assert.match(final!, /^Priority action: the final plan is due by .*; 45 working days left, counted from the plan's as-of date \(4 August 2026\)\./);
  });

  it('applies after focused visits and with no framework given, not after SIF or JTAI, nor before ILACS began', () => {
    const published = (framework: string, date: string) => plan(`inspection:\n${framework ? `  framework: ${framework}\n` : ''}  published: ${date}`);
    assert.equal(clockOf(published('focused visit', '2026-06-30')).length, 2);
    assert.equal(clockOf(published('monitoring visit', '2026-06-30')).length, 2);
    assert.equal(clockOf(published('', '2026-06-30')).length, 2);
    assert.equal(clockOf(published('ILACS', '2018-01-01')).length, 2);
    assert.equal(clockOf(published('SIF', '2016-03-08')).length, 0);
    assert.equal(clockOf(published('JTAI', '2026-06-30')).length, 0);
    assert.equal(clockOf(published('', '2017-12-29')).length, 0);
  });

  it('needs areas for priority action and a publication date', () => {
    assert.equal(clockOf(plan('inspection:\n  published: 2026-06-30', ['## R1 Front door'])).length, 0);
    assert.equal(clockOf(plan('title: Plan', ['## P1 Front door'])).length, 0);
    assert.equal(clockOf(plan('inspection:\n  published: sometime', ['## P1 Front door'])).length, 0);
    assert.equal(clockOf(`## P1 Front door\n\nThe report's words.\n\n${action}`).length, 0);
  });

  it('says a deadline beyond the bank holiday table cannot be worked out', () => {
    const [draft, final] = messages(plan('inspection:\n  published: 2030-10-15'), '2030-10-20');
    assert.match(draft!, /^Priority action: the draft plan is due by Tuesday 12 November 2030 /);
    assert.equal(final, 'Priority action: the final plan was due 70 working days after publication on 15 October 2030, a date that cannot be worked out: bank holidays are known only from 2018 to 2030.');
  });

  it('is silenced by a plan-ignore comment on the first P heading, and by settings', () => {
    const text = plan('inspection:\n  published: 2026-06-30', ['<!-- plan-ignore priority-action-deadlines -->\n## P1 Front door']);
    assert.equal(clockOf(text).length, 0);
    const off = plan('inspection:\n  published: 2026-06-30\nrules:\n  priority-action-deadlines: off');
    assert.equal(clockOf(off).length, 0);
    const warning = plan('inspection:\n  published: 2026-06-30\nrules:\n  priority-action-deadlines: warning');
    assert.deepEqual(clockOf(warning).map((d) => d.severity), ['warning', 'warning']);
  });

  it('reports plan dates it cannot read, a plan that is not a set of dates, and a final plan before its draft', () => {
    const frontMatterMessages = (front: string) =>
      lintText(plan(`inspection:\n  published: 2026-06-30\n${front}`), { today: '2026-07-05' }).diagnostics.filter((d) => d.code === 'front-matter').map((d) => d.message);
    assert.deepEqual(frontMatterMessages('plan:\n  draft: soon'), ['`plan.draft` is not a date: write it as 2025-06-28 or 28 June 2025.']);
    assert.deepEqual(frontMatterMessages('plan: 2026-07-20'), ['`plan` should hold the `draft` and `final` dates of the plan.']);
    assert.deepEqual(frontMatterMessages('plan:\n  draft: 2026-07-20\n  final: 2026-07-10'), ['The final plan is dated before the draft.']);
    assert.deepEqual(frontMatterMessages('plan:\n  draft: 2026-07-20\n  final: 2026-09-10'), []);
  });
});

describe('hover on an area for priority action', () => {
  const text = plan('as-of: 2026-08-04\ninspection:\n  published: 2026-06-30\nplan:\n  draft: 2026-07-24', ['## P1 Front door', '## R2 Supervision']);
  const result = lintText(text);
  const hover = (needle: string) => hoverAt({ ...result, diagnostics: result.diagnostics }, text.indexOf(needle) + 4)?.markdown;

  it('shows both deadlines and how they stand under the recommendation', () => {
    const markdown = hover('## P1')!;
    assert.ok(markdown.startsWith('**P1 Front door**\n\nThe report'), markdown);
    assert.ok(
      markdown.endsWith(
        [
          '**Priority action clock** from publication on Tuesday 30 June 2026',
          '- Draft plan, 20 working days: due by Tuesday 28 July 2026 — met, 2 working days early: the draft plan is dated Friday 24 July 2026 (plan.draft)\n' +
            '- Final plan, 70 working days: due by Wednesday 7 October 2026 — 45 working days left',
          "Working days leave out weekends and bank holidays in England and Wales. Counted from the plan's as-of date, Tuesday 4 August 2026.",
        ].join('\n\n'),
      ),
      markdown,
    );
  });

  it('shows no clock on a recommendation, or without a publication date', () => {
    assert.doesNotMatch(hover('## R2')!, /Priority action clock/);
    const undated = plan('title: Plan');
    const undatedResult = lintText(undated);
    assert.doesNotMatch(hoverAt(undatedResult, undated.indexOf('## P1') + 4)!.markdown, /Priority action clock/);
  });
});
