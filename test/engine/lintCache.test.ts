/**
 * Incremental analysis must give exactly what a full analysis gives: after random edit sequences,
 * linting with the section and finding caches carried from version to version equals linting the
 * same text from scratch (issue: instant on big plans). So must the plan model itself: the parser
 * reuses, and moves, the elements of the last version whose own text an edit left untouched, even
 * when a parse of another version was given up part-way in between.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { lintPlan, lintText, parsePlan, parsePlanWhole, SectionCache, type LintOptions } from '../../server/src/engine/index.js';
import { parsePlanSteps } from '../../server/src/engine/parse.js';
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
    insert: fc.constantFrom('## R9 Inserted\n\nNew text.\n\n', '### A9.1 Run 4 audits\n- Owner: DCS\n', '<!-- plan-ignore no-owner -->\n', '- Links: R9\n', 'as-of: 2020-01-01\n', '- Due: 2020-01-01\n', '#',
      // Front-matter values action rules read (the period, the owners), and a recommendation's wording.
      '  start: 2027-01-01\n', '  end: 2025-05-01\n', '  - Head of Early Help\n', 'Placement audits for every child.\n'),
  }),
);

function agreesThroughEdits(start: string, edits: { at: number; remove: number; insert: string }[], options: LintOptions): void {
  const sections = new SectionCache();
  const cache = new LintCache();
  let text = start;
  const incremental = (): unknown => {
    const plan = parsePlan(text, sections);
    assert.deepStrictEqual(plan, parsePlanWhole(text));
    return lintPlan(plan, { ...options, cache }).diagnostics;
  };
  incremental();
  for (const change of edits) {
    // A parse of another version given up part-way (a newer keystroke came) must leave the cache as it was.
    const abandoned = parsePlanSteps(applyRandomEdit(text, { at: 1 - change.at, remove: 0, insert: 'x' }), sections);
    for (let step = 0; step < Math.floor(change.at * 20); step++) if (abandoned.next().done) break;
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

  it('re-checks actions with the rules that read them when the wording of a recommendation or the front matter changes', () => {
    const action = (id: string, words: string): string => `### ${id} ${words}\n- Owner: DCS\n- Due: 31 March 2026\n- Measure: 90% of audits\n- Links: R1\n\n`;
    const start = [
      '---\ntitle: Plan\nperiod:\n  start: 2025-04-01\n  end: 2026-06-30\nowners:\n  - DCS\n---\n\n',
      '## R1 Supervision\n\nManagers supervise social workers.\n\n',
      action('A1.1', 'Run monthly supervision audits of 20 files'),
      action('A1.2', 'Publish the placement sufficiency strategy'),
      '## R2 Early help\n\nFamilies get help early.\n\n',
    ].join('');
    const sections = new SectionCache();
    const cache = new LintCache();
    const lintWithCache = (text: string): unknown => lintPlan(parsePlan(text, sections), { today: TODAY, cache }).diagnostics;
    lintWithCache(start);

    // R2's wording now fits A1.2 better than R1 does: only smart-relevant runs again, on every action.
    const relevant = (text: string): boolean => lintText(text, { today: TODAY }).diagnostics.some((d) => d.code === 'smart-relevant');
    const reworded = start.replace('## R2 Early help', '## R2 Placements').replace('Families get help early.', 'The placement sufficiency strategy is published.');
    assert.ok(!relevant(start) && relevant(reworded), 'the rewording makes a finding');
    assert.deepStrictEqual(lintWithCache(reworded), lintText(reworded, { today: TODAY }).diagnostics);
    assert.equal(cache.freshActions, 0);
    assert.equal(cache.recheckedActions, 2);

    // The title of the plan is read by no action rule; the period and the owners are.
    const retitled = reworded.replace('title: Plan', 'title: Improvement plan');
    assert.deepStrictEqual(lintWithCache(retitled), lintText(retitled, { today: TODAY }).diagnostics);
    assert.equal(cache.freshActions + cache.recheckedActions, 0);
    for (const changed of [retitled.replace('end: 2026-06-30', 'end: 2026-01-31'), retitled.replace('  - DCS\n', '  - Head of Service\n')]) {
      lintWithCache(retitled);
      assert.deepStrictEqual(lintWithCache(changed), lintText(changed, { today: TODAY }).diagnostics);
      assert.notDeepEqual(lintText(changed, { today: TODAY }).diagnostics, lintText(retitled, { today: TODAY }).diagnostics, 'the change matters to some action');
      assert.equal(cache.freshActions, 2);
    }
  });

  it('reuses the elements whose own text an edit left alone, moved to where they now are', () => {
    const action = (id: string): string => `### ${id} Run 4 audits\n- Owner: DCS\n- Due: 31 March 2026\n- Links: R1\n\n`;
    const start = `## R1 Recommendation\n\n${action('A1.1')}${action('A1.2')}`;
    const sections = new SectionCache();
    parsePlan(start, sections);
    // A copy pasted below its twin shares its blocks (found by text), as identical sections do; it is not taken for its twin.
    const pasted = parsePlan(start + action('A1.2'), sections);
    assert.deepStrictEqual(pasted, parsePlanWhole(start + action('A1.2')));
    const withThird = start + action('A1.3');
    const before = parsePlan(withThird, sections);
    const [first, second, third] = before.actions;
    const recommendation = before.recommendations[0];

    // A line typed above everything moves every element: the same objects, at their new places. Until
    // that parse finishes (it runs in steps while the server answers from the last plan), the last plan is as it was.
    const moved = `Introduction.\n\n${withThird}`;
    const copy = structuredClone(before);
    const steps = parsePlanSteps(moved, sections);
    let step = steps.next();
    while (!step.done) {
      assert.deepStrictEqual(before, copy);
      step = steps.next();
    }
    const plan = step.value;
    assert.deepStrictEqual(plan, parsePlanWhole(moved));
    assert.equal(plan.recommendations[0], recommendation);
    assert.deepEqual(plan.actions, [first, second, third]);

    // An action added at the end extends the recommendation's section: the same object, its end set again.
    const extended = `${moved}### A1.2 New\n`;
    assert.deepStrictEqual(parsePlan(extended, sections), parsePlanWhole(extended));
    assert.equal(parsePlan(extended, sections).recommendations[0], recommendation);

    // Renumbering the recommendation puts the actions under another one: they are read again.
    const renumbered = extended.replace('## R1', '## R2');
    const again = parsePlan(renumbered, sections);
    assert.deepStrictEqual(again, parsePlanWhole(renumbered));
    assert.ok(again.actions.every((each) => each !== first && each !== second && each !== third));
  });
});
