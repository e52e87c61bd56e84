/**
 * Incremental analysis must give exactly what a full analysis gives: after random edit sequences,
 * linting with the section and finding caches carried from version to version equals linting the
 * same text from scratch (issue: instant on big plans). So must the plan model itself: the parser
 * reuses elements of the last version that an edit left untouched.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { lintPlan, lintText, parsePlan, parsePlanWhole, SectionCache, type LintOptions, type Plan } from '../../server/src/engine/index.js';
import { LintCache } from '../../server/src/engine/lintCache.js';
import { EXAMPLE_DIAGNOSTICS, examplesFolder } from '../fixtures/examples.js';
import { applyRandomEdit, dialectPlan, edit } from '../helpers/planGenerators.js';
import { TODAY } from '../helpers/planProperties.js';

const examples = Object.keys(EXAMPLE_DIAGNOSTICS)
  .filter((name) => !name.includes('/'))
  .map((name) => readFileSync(new URL(name, examplesFolder), 'utf8'));

// Edits that move, retitle and silence actions and recommendations, besides random noise.
const structuralEdit = fc.oneof(
  edit,
  fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    remove: fc.nat(40),
    insert: fc.constantFrom('## R9 Inserted\n\nNew text.\n\n', '### A9.1 Run 4 audits\n- Owner: DCS\n', '<!-- plan-ignore no-owner -->\n', '- Links: R9\n', 'as-of: 2020-01-01\n', '- Due: 2020-01-01\n', '#'),
  }),
);

function agreesThroughEdits(start: string, edits: { at: number; remove: number; insert: string }[], options: LintOptions): void {
  const sections = new SectionCache();
  const cache = new LintCache();
  let text = start;
  let previous: { plan: Plan; copy: Plan } | undefined;
  const incremental = (): unknown => {
    const plan = parsePlan(text, sections);
    assert.deepStrictEqual(plan, parsePlanWhole(text));
    // The last version's plan is left as it was (an analysis may still be reading it).
    if (previous) assert.deepStrictEqual(previous.plan, previous.copy);
    previous = { plan, copy: structuredClone(plan) };
    return lintPlan(plan, { ...options, cache }).diagnostics;
  };
  incremental();
  for (const change of edits) {
    text = applyRandomEdit(text, change);
    assert.deepStrictEqual(incremental(), lintText(text, options).diagnostics);
  }
}

describe('incremental analysis', function () {
  this.timeout(120_000);

  it('agrees with a full analysis through random edits of generated plans', () => {
    fc.assert(
      fc.property(dialectPlan, fc.array(structuralEdit, { minLength: 1, maxLength: 15 }), (text, edits) => agreesThroughEdits(text, edits, { today: TODAY })),
      { numRuns: 60 },
    );
  });

  it('agrees with a full analysis through random edits of the examples', () => {
    fc.assert(
      fc.property(fc.nat(examples.length - 1), fc.array(structuralEdit, { minLength: 1, maxLength: 20 }), (which, edits) =>
        agreesThroughEdits(examples[which]!, edits, { today: TODAY }),
      ),
      { numRuns: 20 },
    );
  });

  it('makes findings again when settings change', () => {
    const text = examples[0]!;
    const sections = new SectionCache();
    const cache = new LintCache();
    lintPlan(parsePlan(text, sections), { today: TODAY, cache });
    const off = { today: TODAY, cache, editorSettings: { 'no-owner': 'off' as const } };
    assert.deepStrictEqual(lintPlan(parsePlan(text, sections), off).diagnostics, lintText(text, off).diagnostics);
    assert.deepStrictEqual(lintPlan(parsePlan(text, sections), { today: '2030-01-01', cache }).diagnostics, lintText(text, { today: '2030-01-01' }).diagnostics);
  });

  it('reuses the findings of unchanged actions', () => {
    const text = examples.find((example) => example.includes('### A'))!;
    const sections = new SectionCache();
    const cache = new LintCache();
    lintPlan(parsePlan(text, sections), { today: TODAY, cache });
    const edited = text.replace('### A', '### A99 Inserted action\n- Owner: DCS\n\n### A');
    const result = lintPlan(parsePlan(edited, sections), { today: TODAY, cache });
    assert.ok(result.plan.actions.length > 3);
    assert.equal(cache.freshActions, 1, 'only the inserted action is analysed again');
  });

  it('reuses the elements an edit left in place, and only those', () => {
    const action = '### A1.1 Run 4 audits\n- Owner: DCS\n- Due: 31 March 2026\n\n';
    const start = `## R1 Recommendation\n\n${action}${action}`;
    const sections = new SectionCache();
    parsePlan(start, sections);
    // Pasted once more: the copy shares its blocks with the one before it (found by text), as identical sections do.
    const pasted = parsePlan(start + action, sections);
    const edited = `${start}${action}### A1.2 New\n`;
    const plan = parsePlan(edited, sections);
    assert.deepStrictEqual(plan, parsePlanWhole(edited));
    assert.equal(plan.actions[0], pasted.actions[0], 'an action the edit left in place is the same object');
    assert.notEqual(plan.recommendations[0], pasted.recommendations[0], 'the recommendation the edit extends is read again');
  });
});
