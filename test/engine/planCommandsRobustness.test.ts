/**
 * The computations behind the plan commands and views work on any text: the next action, the
 * renumbering (whose result is then in order) and the outline never throw and keep their ranges
 * inside the text. Generated with fast-check; bounded for CI.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PlanAnalysis, parsePlan, type Range } from '../../server/src/engine/index.js';
import { nextAction, renumberActions, type TextReplacement } from '../../server/src/engine/numbering.js';
import { outlinePlan } from '../../server/src/engine/outline.js';

const fragment = fc.constantFrom(
  '---\n', 'as-of: 2025-11-01\n', 'recommendations: ./r.plan.md\n', '## R1 Title\n', '## P2 Priority\n', '## Recommendation 3 Words\n', '### A1.1 Run 4 audits\n',
  '### A1.1 Twin\n', '#### Action 2.7 Written\n', '### A12 Bare\n', '### A1.2.3 Deep\n', '# Other\n', '- Links: R1, A1.1 and A9\n', '- Links: A1.2; R9\n',
  '- Status: Amber\n', '- Due: 30 September 2025\n', '- Owner: Head\n', '> quote\n', '```\n', '\r\n', '\t', '\uFEFF', '\u{1F600}', '\n\n', ' ',
);
const planLikeText = fc.array(fc.oneof(fragment, fc.string({ maxLength: 12 })), { maxLength: 40 }).map((parts) => parts.join(''));

const inside = (range: Range, text: string): boolean => 0 <= range.start && range.start <= range.end && range.end <= text.length;

const apply = (text: string, edits: readonly TextReplacement[]): string =>
  [...edits].sort((a, b) => b.range.start - a.range.start).reduce((result, edit) => result.slice(0, edit.range.start) + edit.newText + result.slice(edit.range.end), text);

describe('plan commands on any text', () => {
  it('next action: never throws, and goes inside the text', () => {
    fc.assert(
      fc.property(planLikeText, fc.double({ min: 0, max: 1, noNaN: true }), (text, at) => {
        const result = nextAction(parsePlan(text), Math.floor(at * text.length));
        if ('problem' in result) return;
        assert.ok(result.offset >= 0 && result.offset <= text.length);
        assert.match(result.id, /^A\d+\.\d+$/);
      }),
      { numRuns: 300 },
    );
  });

  it('renumbering: edits inside the text, not overlapping, and a second renumbering changes nothing', () => {
    fc.assert(
      fc.property(planLikeText, (text) => {
        const { edits } = renumberActions(new PlanAnalysis(parsePlan(text), { today: '2025-11-01' }));
        edits.forEach((edit, i) => {
          assert.ok(inside(edit.range, text));
          if (i > 0) assert.ok(edits[i - 1]!.range.end <= edit.range.start, 'edits do not overlap');
        });
        const again = renumberActions(new PlanAnalysis(parsePlan(apply(text, edits)), { today: '2025-11-01' }));
        assert.deepEqual(again.changes.map((c) => `${c.from}>${c.to}`), []);
      }),
      { numRuns: 300 },
    );
  });

  it('outline: never throws, and every range is inside the text', () => {
    fc.assert(
      fc.property(planLikeText, (text) => {
        const outline = outlinePlan(new PlanAnalysis(parsePlan(text), { today: '2025-11-01' }));
        const actions = [...outline.recommendations.flatMap((r) => r.actions), ...outline.otherActions];
        for (const item of [...outline.recommendations, ...actions]) assert.ok(inside(item.headingRange, text) && inside(item.idRange, text));
        assert.equal(outline.counts.actions, parsePlan(text).actions.length);
      }),
      { numRuns: 300 },
    );
  });
});
