/**
 * No regular expression of the engine backtracks catastrophically: every function that uses one
 * gets adversarial inputs (long runs of spaces, `*`, `_`, `-`, digits, `R1R1R1...`, separators,
 * up to 100,000 characters, each with a tail that makes the match fail late) and must answer
 * within a generous time budget. A catastrophic pattern takes seconds to years on such input, so
 * the budget tells them apart even on a loaded 2-core machine; the real times are logged.
 */
import assert from 'node:assert/strict';
import { readLinks } from '../../server/src/engine/analysis.js';
import { readDate } from '../../server/src/engine/dates.js';
import { fieldNameOf } from '../../server/src/engine/fields.js';
import { fixesFor } from '../../server/src/engine/fixes/index.js';
import { isCloseSlip } from '../../server/src/engine/fixes/links.js';
import { statusFixes } from '../../server/src/engine/fixes/status.js';
import { eolAt, ignoreCommentBefore } from '../../server/src/engine/fixes/text.js';
import { readFrontMatter } from '../../server/src/engine/frontMatter.js';
import { matchActionId, matchRecommendationId, separatorLength } from '../../server/src/engine/ids.js';
import { lintText } from '../../server/src/engine/index.js';
import type { Field } from '../../server/src/engine/model.js';
import { nextAction } from '../../server/src/engine/numbering.js';
import { isPlaceholderOwner, ownerKey } from '../../server/src/engine/owners.js';
import { flattenDeepNesting, parsePlan } from '../../server/src/engine/parse.js';
import { splitSections } from '../../server/src/engine/sections.js';
import { readStatus } from '../../server/src/engine/status.js';
import { AllowList } from '../../server/src/engine/smart/allow.js';
import { readMeasure } from '../../server/src/engine/smart/measurable.js';
import { termsOf } from '../../server/src/engine/smart/relevance.js';
import { statementIssues } from '../../server/src/engine/smart/specific.js';
import { contentWords } from '../../server/src/engine/words.js';

/** Per call. Linear work on 100,000 characters takes a few milliseconds; catastrophic backtracking, seconds or more. */
const BUDGET_MS = 200;
/** Whole-plan functions (remark, chrono) do far more work per character: a larger budget, still far below catastrophic. */
const PLAN_BUDGET_MS = 5000;
/**
 * Whole-plan inputs are 20,000 characters; runs of emphasis markers and of `<!--` 5,000, because
 * micromark's own time grows with the square of them (see the pending tests at the end).
 */
const planLength = (unit: string) => (/[*_]|<!--/.test(unit) ? 5_000 : 20_000);

const LENGTH = 100_000;
const repeat = (unit: string, length = LENGTH) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

// Runs that regexes with nested or adjacent quantifiers choke on, each with tails that fail the match late.
const UNITS = [' ', '\t', '\n ', '\r\n', '*', '_', '-', '0', '9', 'R1', 'R1.', 'A1.', '1.', ', ', ' and ', ',', ';', '/', '&', ':', '**', '__', '**a', 'a ', 'a', "'", 'Q1 ', '2025/', '<!--', '> ', '- ', '#', '.', '\u2013', 'ab1', ' \t'];
const TAILS = ['', '!', '\u0000', ':', '\n', 'x'];
const HEADS = ['', '**', '__', 'R1', 'A1', 'Owner', 'Q3 ', 'financial year ', 'recommendation ', 'continue to ', '<!-- plan-ignore', '- '];

function adversarialInputs(): string[] {
  const inputs: string[] = [];
  for (const unit of UNITS) {
    inputs.push(repeat(unit));
    // Quadratic backtracking shows at 20,000 characters (hundreds of millions of steps), exponential at a few dozen.
    for (const head of HEADS) inputs.push(head + repeat(unit, 20_000) + '!');
    for (const tail of TAILS) inputs.push(repeat(unit, 20_000) + tail, repeat(unit, 40) + tail);
  }
  return inputs;
}

const field = (value: string): Field => ({
  name: 'links',
  key: { text: 'Links', range: { start: 0, end: 5 } },
  value: { text: value, range: { start: 7, end: 7 + value.length } },
  valueText: value,
  items: [],
  range: { start: 0, end: 7 + value.length },
});

/** Every exported function of the engine that runs a regular expression over its input. */
const FUNCTIONS: Record<string, (input: string) => unknown> = {
  'ids: matchRecommendationId': matchRecommendationId,
  'ids: matchActionId': matchActionId,
  'ids: separatorLength': separatorLength,
  'fields: fieldNameOf': fieldNameOf,
  'owners: isPlaceholderOwner': isPlaceholderOwner,
  'owners: ownerKey': ownerKey,
  'status: readStatus': readStatus,
  'smart: statementIssues': statementIssues,
  'smart: readMeasure': readMeasure,
  'smart: termsOf': termsOf,
  'smart: AllowList': (s) => new AllowList([s.slice(0, 200), 'support']).occursIn(s),
  'words: contentWords': contentWords,
  'sections: splitSections': splitSections,
  'parse: flattenDeepNesting': flattenDeepNesting,
  'analysis: readLinks': (s) => readLinks(field(s)),
  'fixes: eolAt': (s) => eolAt(s, 0),
  'fixes: ignoreCommentBefore': (s) => ignoreCommentBefore(s + '-->\n', s.length + 4),
  'fixes: isCloseSlip': (s) => isCloseSlip(s.slice(0, 40), 'R1'),
  'fixes: statusFixes': (s) => statusFixes(`Links: ${s}`, field(s)),
};

/** Functions that parse a whole plan or date: the input goes where the dialect's regexes read it. */
const PLAN_FUNCTIONS: Record<string, (input: string) => unknown> = {
  'dates: readDate': (s) => readDate(s, '2025-11-01'),
  'parse: field keys (BOLD_KEY, PLAIN_KEY)': (s) => parsePlan(`## R1 T\n\n### A1.1 Run\n\n- ${s}\n- ${s}: value\n`),
  'parse: plan-ignore comment': (s) => parsePlan(`<!-- plan-ignore ${s} -->\n## R1 T\n`),
  'parse: heading IDs': (s) => parsePlan(`## ${s}\n\n### ${s}\n`),
  'frontMatter: readFrontMatter': (s) => readFrontMatter(`as-of: ${s}\nowners:\n  - ${s}\n`, 4, { start: 0, end: s.length * 2 + 30 }),
  'lint: a plan with the input in every field': (s) =>
    lintText(`## R1 ${s}\n\n${s}\n\n### A1.1 ${s}\n\n- Owner: ${s}\n- Due: ${s}\n- Measure: ${s}\n- Status: ${s}\n- Links: ${s}\n- Start: ${s}\n`, { today: '2025-11-01' }),
  'numbering: nextAction (blank lines before the section end)': (s) => nextAction(parsePlan(`## R1 T\n\n${s}x\n\n## R2 U\n`), 3),
  'fixes: fixesFor every diagnostic': (s) => {
    const result = lintText(`## R1 Title\n\n### A1.1 Run audits\n\n- Links: ${s}\n- Status: ${s}\n`, { today: '2025-11-01' });
    return result.diagnostics.map((d) => fixesFor(result, d));
  },
};

function time(run: () => unknown): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

describe('regular expressions on adversarial input', function () {
  this.timeout(600_000);
  const inputs = adversarialInputs();

  for (const [name, run] of Object.entries(FUNCTIONS)) {
    it(`${name} answers within ${BUDGET_MS} ms on ${inputs.length} inputs of up to ${LENGTH} characters`, function () {
      let slowest = { ms: 0, input: '' };
      const over: string[] = [];
      for (const input of inputs) {
        const ms = time(() => run(input));
        if (ms > slowest.ms) slowest = { ms, input };
        if (ms > BUDGET_MS) over.push(`${ms.toFixed(0)} ms on ${JSON.stringify(input.slice(0, 40))}... (${input.length} characters)`);
      }
      this.test!.title += ` (slowest ${slowest.ms.toFixed(1)} ms)`;
      assert.deepEqual(over, []);
    });
  }

  // Whole-plan functions get one input per unit, with a tail that fails matches late. The lint and
  // fix functions put it in nine places: about 180,000 characters of plan, a second or two when loaded.
  const planInputs = UNITS.map((unit) => repeat(unit, planLength(unit)) + '!');
  for (const [name, run] of Object.entries(PLAN_FUNCTIONS)) {
    it(`${name} answers within ${PLAN_BUDGET_MS} ms on ${planInputs.length} inputs of up to 20,000 characters`, function () {
      let slowest = { ms: 0, input: '' };
      const over: string[] = [];
      for (const input of planInputs) {
        const ms = time(() => run(input));
        if (ms > slowest.ms) slowest = { ms, input };
        if (ms > PLAN_BUDGET_MS) over.push(`${ms.toFixed(0)} ms on ${JSON.stringify(input.slice(0, 40))}... (${input.length} characters)`);
      }
      this.test!.title += ` (slowest ${slowest.ms.toFixed(1)} ms on ${JSON.stringify(slowest.input.slice(0, 12))}...)`;
      assert.deepEqual(over, []);
    });
  }

  // Known, upstream and not tested here: micromark (remark-parse) takes about 3 s on 50,000
  // characters of `**a` and about 28 s on 100,000 (its emphasis resolution), and about 1.3 s on a
  // 20,000-character heading of `<!--`. Not a regular expression of ours; see the closing notes.
});
