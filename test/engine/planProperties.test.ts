/**
 * Properties of the engine on generated plans (test/helpers/planGenerators.ts): every diagnostic
 * range covers exactly the text its message names, every quick fix edits only its own element's
 * region and leaves every other element as it was. Bounded runs for CI; scripts/fuzz.ts runs the
 * same properties on 100,000 plans. robustness.test.ts, sections.test.ts and fixes.test.ts hold
 * the properties over arbitrary text, sectioned parsing and what each fix removes.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits, fixesFor } from '../../server/src/engine/fixes/index.js';
import { parsePlan, parsePlanWhole } from '../../server/src/engine/index.js';
import { dialectPlan, planText } from '../helpers/planGenerators.js';
import { fixAllProblems, fixProblems, lint, rangeProblems, sectionProblems } from '../helpers/planProperties.js';

const holds = (problems: string[], text: string) => assert.deepEqual(problems, [], `in ${JSON.stringify(text)}`);

describe('engine properties on generated plans', function () {
  // Property runs: bounded, but each case parses a plan several times; slow on a busy 2-core machine.
  this.timeout(180_000);

  describe('diagnostic ranges', () => {
    it('name the text they are about: the Owner value, the Links entry, the Status value, the ID, the vague words', () => {
      fc.assert(fc.property(dialectPlan, (text) => holds(rangeProblems(text), text)), { numRuns: 100 });
    });

    it('stay inside the text and their element after random edits, CRLF and byte order marks', () => {
      fc.assert(fc.property(planText, (text) => holds(rangeProblems(text), text)), { numRuns: 100 });
    });

    it('are checked on the examples the rules document (a placeholder Owner, an unknown Links entry)', () => {
      const text = '---\nas-of: 2025-11-01\n---\n\n## R1 Supervision\n\nOversight.\n\n### A1.1 Run monthly audits of 20 case files\n\n- Owner:  TBC \n- Due: 31 March 2026\n- Measure: 95% of files\n- Links: R1, R9 and care leavers\n';
      const { diagnostics } = lint(text);
      const at = (code: string) => diagnostics.filter((d) => d.code === code).map((d) => text.slice(d.range.start, d.range.end));
      assert.deepEqual(at('no-owner'), ['TBC']);
      assert.deepEqual(at('unknown-recommendation'), ['R9', 'care leavers']);
      holds(rangeProblems(text), text);
    });
  });

  describe('quick fixes', () => {
    it('edit only their element (its heading block and section), and leave every other element as it was', () => {
      fc.assert(fc.property(dialectPlan, (text) => holds(fixProblems(text), text)), { numRuns: 30 });
    });

    it('do the same after random edits, CRLF and byte order marks', () => {
      fc.assert(fc.property(planText, fc.nat(), (text, sample) => holds(fixProblems(text, lint(text), { compareOthers: { sample } }), text)), { numRuns: 80 });
    });

    it('fix all is idempotent on generated plans', () => {
      fc.assert(fc.property(planText, (text) => holds(fixAllProblems(text), text)), { numRuns: 80 });
    });

    it('silence an element on the first line after a byte order mark, not before it (found by the fuzzer)', () => {
      const text = '\uFEFF### R12 Supervision\n\nManagement oversight and supervision of practice.\n';
      const result = lint(text);
      const diagnostic = result.diagnostics.find((d) => d.code === 'uncovered-recommendation')!;
      const silence = fixesFor(result, diagnostic).find((f) => f.title.startsWith('Silence'))!;
      const after = applyEdits(text, silence.edits);
      assert.equal(after, '\uFEFF<!-- plan-ignore uncovered-recommendation -->\n### R12 Supervision\n\nManagement oversight and supervision of practice.\n');
      assert.deepEqual(lint(after).diagnostics, []);
    });
  });

  describe('parsing', () => {
    it('sectioned parsing equals a whole-text parse on generated plans', () => {
      fc.assert(fc.property(planText, (text) => holds(sectionProblems(text), text)), { numRuns: 80 });
    });

    it('counts a second byte order mark, as micromark would drop it uncounted (found by the fuzzer)', () => {
      const text = '\uFEFF\uFEFF# Plan\n\n## R1 Title\n\n### A1.1 Run 4 audits\n\n- Owner: TBC\n';
      assert.deepStrictEqual(parsePlan(text), parsePlanWhole(text));
      const action = parsePlan(text).actions[0]!;
      assert.equal(action.idSpan.text, 'A1.1');
      assert.equal(text.slice(action.idSpan.range.start, action.idSpan.range.end), 'A1.1');
      holds(rangeProblems(text), text);
    });
  });
});
