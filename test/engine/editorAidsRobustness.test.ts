/**
 * Completion, hover, code lenses and due-date hints on any text and at any offset: never an
 * exception, and every range inside the text (completion ranges on the cursor's line, around it).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { lintText } from '../../server/src/engine/index.js';
import { completionsAt } from '../../server/src/engine/completion.js';
import { dueHints } from '../../server/src/engine/dueHints.js';
import { hoverAt } from '../../server/src/engine/hover.js';
import { planLenses } from '../../server/src/engine/lenses.js';
import { EXAMPLE_DIAGNOSTICS, examplesFolder } from '../fixtures/examples.js';

const fragment = fc.constantFrom(
  '---\n', 'as-of: 2025-11-01\n', 'owners:\n  - Head\n', 'title: T\n', '# Plan\n', '## R1 Title\n', '### A1.1 Run 4 audits\n', '### A', '###', '#',
  '- ', '- Owner: ', '- **Due:** Q3 2025/26\n', '- Links: R1, R9', '- Status: Amber - late\n', '- Measure: 95%\n', '  - 31 March 2026: step\n',
  '<!-- plan-ignore -->\n', '```\n', '\r\n', '\t', '\uFEFF', '\u{1F600}', '\u0000', ':', ',', '**', '\n\n',
);
const planLikeText = fc.array(fc.oneof(fragment, fc.string({ maxLength: 12 })), { maxLength: 30 }).map((parts) => parts.join(''));

function assertAnswersEverywhere(text: string, stride = 1): void {
  const result = lintText(text, { today: '2025-11-01' });
  const inside = (start: number, end: number) => 0 <= start && start <= end && end <= text.length;
  const lineEnds = [...text.matchAll(/\r?\n/g)].map((match) => match.index);
  const offsets = new Set([-1, text.length, text.length + 1, ...lineEnds]);
  for (let offset = 0; offset < text.length; offset += stride) offsets.add(offset);
  for (const offset of offsets) {
    for (const candidate of completionsAt(result.plan, result.analysis, offset)) {
      const { start, end } = candidate.range;
      assert.ok(inside(start, end) && start <= offset && offset <= end, `completion range ${start}-${end} around ${offset}`);
      assert.ok(!text.slice(start, end).includes('\n'), 'completion range on one line');
    }
    const hover = hoverAt(result, offset, { isRuleOff: () => false });
    if (hover) assert.ok(inside(hover.range.start, hover.range.end) && hover.markdown.length > 0);
  }
  for (const lens of planLenses(result.plan, result.analysis)) assert.ok(inside(lens.range.start, lens.range.end) && lens.title.length > 0);
  for (const hint of dueHints(result.plan, result.analysis)) assert.ok(inside(hint.offset, hint.offset));
}

describe('completion, hover, lenses and hints on any text', () => {
  it('answer at every offset of plan-like text', () => {
    fc.assert(fc.property(planLikeText, (text) => assertAnswersEverywhere(text)), { numRuns: 150 });
  });

  it('answer at every line end and every third offset of the examples', () => {
    for (const name of Object.keys(EXAMPLE_DIAGNOSTICS)) assertAnswersEverywhere(readFileSync(new URL(name, examplesFolder), 'utf8'), 3);
  });
});
