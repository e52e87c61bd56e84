/**
 * The engine's properties, as functions that return what is wrong (an empty list when all holds),
 * so that mocha tests can assert on them and scripts/fuzz.ts can count failures without stopping:
 *
 * - every diagnostic range is inside the document, splits no surrogate pair, is not empty, and
 *   covers exactly the text its message names (the Owner value, the Links entry, the ID...);
 * - sectioned parsing gives the same plan as a whole-text parse;
 * - every quick fix edits only its target region, and leaves every other element as it was;
 * - fix all is idempotent.
 */
import { isDeepStrictEqual } from 'node:util';
import { fieldNameOf } from '../../server/src/engine/fields.js';
import { applyEdits, fixAllEdits, fixesFor, type Fix } from '../../server/src/engine/fixes/index.js';
import { isLineStart, startOfHeadingBlock } from '../../server/src/engine/fixes/text.js';
import { matchActionId, matchRecommendationId } from '../../server/src/engine/ids.js';
import { lintText, parsePlan, parsePlanWhole, readDate, readStatus, type LintResult, type PlanDiagnostic } from '../../server/src/engine/index.js';
import type { Plan, PlanElement } from '../../server/src/engine/model.js';
import { isPlaceholderOwner } from '../../server/src/engine/owners.js';
import { WORDING_MESSAGE } from '../../server/src/engine/smart/secondReading.js';

export const TODAY = '2025-11-01';
export const lint = (text: string): LintResult => lintText(text, { today: TODAY });

/** White space collapsed, as field values are read (`valueText`). */
const norm = (text: string): string => text.replace(/\s+/g, ' ').trim();
const quoted = (message: string): string | undefined => /^"((?:[^"]|"(?! ))*)" /.exec(message)?.[1];
const isIdOf = (slice: string, id: string): boolean => {
  const match = matchRecommendationId(slice) ?? matchActionId(slice);
  return match !== undefined && match.length === slice.length && match.id === id;
};
/** The ID a message starts with: `A1.2 has no owner`, `No action addresses R3`. */
const leadingId = (message: string): string | undefined => /^(?:No (?:action addresses|recommendation) )?([RPA]\d+(?:\.\d+)*)\b/.exec(message)?.[1];

/** What the range of one diagnostic must cover, by rule; undefined when it does. */
function namedTextProblem(text: string, d: PlanDiagnostic): string | undefined {
  const slice = text.slice(d.range.start, d.range.end);
  const q = quoted(d.message);
  const id = leadingId(d.message);
  const fieldKeyOr = (name: string) => (id !== undefined && isIdOf(slice, id)) || fieldNameOf(slice) === name;
  const expect = (ok: boolean, what: string) => (ok ? undefined : `${d.code} range text ${JSON.stringify(slice)} is not ${what} (message: ${d.message})`);
  switch (d.code) {
    case 'no-owner':
      return q !== undefined
        ? expect(norm(slice) === q && isPlaceholderOwner(q), `the placeholder Owner value "${q}"`)
        : expect(fieldKeyOr('owner'), `the action ID ${id} or the Owner key`);
    case 'unknown-owner':
      return expect(q !== undefined && norm(slice) === q, 'the Owner value');
    case 'unknown-recommendation':
      return q !== undefined ? expect(slice === q, `the Links entry "${q}"`) : expect(id !== undefined && isIdOf(slice, id), `the Links entry ${id}`);
    case 'invalid-status':
      return q !== undefined ? expect(norm(slice) === q, `the Status value "${q}"`) : expect(fieldNameOf(slice) === 'status', 'the Status key');
    case 'duplicate-id':
    case 'uncovered-recommendation':
    case 'unlinked-action':
      return expect(id !== undefined && isIdOf(slice, id), `the ID ${id}`);
    case 'smart-specific':
      // The wording model's finding is about the whole statement: one line, no space at either end.
      if (d.message === WORDING_MESSAGE) return expect(slice !== '' && !/\n/.test(slice) && slice.trim() === slice, 'a whole statement');
      return q !== undefined ? expect(norm(slice) === norm(q), `the words "${q}"`) : expect(id !== undefined && isIdOf(slice, id), `the ID ${id}`);
    case 'smart-time-bound':
      if (/^[RPA]\d[\d.]* has no due date/.test(d.message)) return expect(fieldKeyOr('due'), `the action ID ${id} or the Due key`);
      if (q !== undefined) return expect(norm(slice) === norm(q), `the Due words "${q}"`);
      return expect(readDate(slice, TODAY).kind === 'date', 'a Due date');
    case 'overdue':
      return expect(readDate(slice, TODAY).kind === 'date', 'the Due date');
    case 'complete-without-evidence':
      return expect(readStatus(norm(slice)) === 'blue', 'the complete Status value');
    case 'priority-action-deadlines':
      return expect(/^P\d+$/.test(matchRecommendationId(slice)?.id ?? '') && matchRecommendationId(slice)!.length === slice.length, 'the ID of an area for priority action');
    default:
      return undefined;
  }
}

function elementAt(plan: Plan, data: PlanDiagnostic['data']): PlanElement | undefined {
  const element = data?.element;
  if (!element) return undefined;
  const list: readonly PlanElement[] = element.kind === 'action' ? plan.actions : plan.recommendations;
  return list.find((candidate) => candidate.headingRange.start === element.heading && candidate.id === element.id);
}

/** Ranges inside the document, on whole characters, not empty, inside their element, on the text they name. */
export function rangeProblems(text: string, result: LintResult = lint(text)): string[] {
  const problems: string[] = [];
  for (const d of result.diagnostics) {
    const { start, end } = d.range;
    const where = `${d.code} ${start}-${end} in ${text.length}`;
    if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= text.length)) {
      problems.push(`${where}: range outside the text`);
      continue;
    }
    if (start === end) problems.push(`${where}: empty range`);
    for (const offset of [start, end]) {
      const code = text.charCodeAt(offset);
      const before = text.charCodeAt(offset - 1);
      if (offset > 0 && code >= 0xdc00 && code <= 0xdfff && before >= 0xd800 && before <= 0xdbff) problems.push(`${where}: splits a surrogate pair`);
    }
    if (d.message.trim() === '') problems.push(`${where}: no message`);
    const element = elementAt(result.plan, d.data);
    if (d.data?.element && !element) problems.push(`${where}: names an element the plan does not have`);
    if (element && (start < element.headingRange.start || end > element.sectionRange.end)) problems.push(`${where}: outside ${element.id}'s section`);
    if (d.code === 'front-matter') {
      const block = result.plan.frontMatter?.range;
      if (!block || start < block.start || end > block.end) problems.push(`${where}: front-matter problem outside the front matter`);
    }
    const named = namedTextProblem(text, d);
    if (named) problems.push(named);
  }
  return problems;
}

export function sectionProblems(text: string, sectioned: Plan = parsePlan(text)): string[] {
  return isDeepStrictEqual(sectioned, parsePlanWhole(text)) ? [] : ['sectioned parse differs from parsePlanWhole'];
}

/** What a fix may change: its element's heading block and section; a new recommendation goes between blocks. */
function editRegionProblem(text: string, element: PlanElement, fix: Fix): string | undefined {
  for (const edit of fix.edits) {
    const { start, end } = edit.range;
    if (!(0 <= start && start <= end && end <= text.length)) return `${fix.title}: edit ${start}-${end} outside the text`;
    if (fix.title.startsWith('Add a heading for')) {
      if (start !== end || !(isLineStart(text, start) || start === text.length)) return `${fix.title}: inserts at ${start}, not between lines`;
      continue;
    }
    const regionStart = startOfHeadingBlock(text, element.headingRange.start);
    const regionEnd = fix.title.startsWith('Silence') ? element.headingRange.start : element.sectionRange.end;
    if (start < regionStart || end > regionEnd) return `${fix.title}: edit ${start}-${end} outside ${element.id}'s region ${regionStart}-${regionEnd}`;
  }
  return undefined;
}

const expandSnippet = (snippet: string): string => snippet.replace(/\$\{\d+:((?:\\.|[^}\\])*)\}/g, (_, inner: string) => inner).replace(/\\([\\$}])/g, '$1');

/** What an element is, without where it is: the part a fix for another element must not change. */
const signature = (element: PlanElement, withContainer = true): string =>
  JSON.stringify([
    element.kind,
    element.id,
    element.depth,
    [...element.ignoredCodes].sort(),
    element.kind === 'action'
      ? [element.statement.text, element.description, withContainer ? element.containingRecommendationId : '', element.fields.map((f) => [f.name, f.key.text, f.valueText, f.items.map((i) => i.text)])]
      : [element.title.text, element.text],
  ]);

export interface FixCheckOptions {
  /** Parse the text after each fix and compare the other elements (slow); or only the `sample`-th fix of the plan. */
  compareOthers: 'all' | { sample: number } | 'none';
}

/** Every fix: valid edits, inside its region, snippets that insert the same text, and no other element changed. */
export function fixProblems(text: string, result: LintResult = lint(text), options: FixCheckOptions = { compareOthers: 'all' }): string[] {
  const problems: string[] = [];
  const all: { fix: Fix; element: PlanElement }[] = [];
  for (const diagnostic of result.diagnostics) {
    const element = elementAt(result.plan, diagnostic.data);
    for (const fix of fixesFor(result, diagnostic)) {
      if (!element) {
        problems.push(`${fix.title}: a fix for a diagnostic without an element`);
        continue;
      }
      all.push({ fix, element });
      const region = editRegionProblem(text, element, fix);
      if (region) problems.push(region);
      for (const edit of fix.edits) if (edit.snippet !== undefined && expandSnippet(edit.snippet) !== edit.newText) problems.push(`${fix.title}: snippet inserts other text`);
      try {
        applyEdits(text, fix.edits);
      } catch (error) {
        problems.push(`${fix.title}: ${(error as Error).message}`);
      }
    }
  }
  const compare =
    options.compareOthers === 'all' ? all : options.compareOthers === 'none' || all.length === 0 ? [] : [all[options.compareOthers.sample % all.length]!];
  for (const { fix, element } of compare) {
    const after = parsePlan(applyEdits(text, fix.edits));
    const stub = /^Add a heading for (\S+)/.exec(fix.title)?.[1];
    // Deepening a heading also keeps the recommendation above open for the actions after it: that is Markdown, not the fix.
    const deepens = fix.title.startsWith('Add a # ');
    const others = (plan: Plan) =>
      [...plan.recommendations, ...plan.actions]
        .filter((e) => !(e.kind === element.kind && e.id === element.id) && e.id !== stub)
        .map((e) => signature(e, !deepens))
        .sort();
    if (!isDeepStrictEqual(others(after), others(result.plan))) problems.push(`${fix.title}: changed another element`);
    const target = [...after.recommendations, ...after.actions].filter((e) => e.kind === element.kind && e.id === element.id);
    if (target.length === 0) problems.push(`${fix.title}: ${element.id} is gone`);
  }
  return problems;
}

/** Fix all twice gives the text of fix all once. */
export function fixAllProblems(text: string, result: LintResult = lint(text)): string[] {
  const edits = fixAllEdits(result);
  if (edits.length === 0) return [];
  const once = applyEdits(text, edits);
  const again = fixAllEdits(lint(once));
  return again.length === 0 ? [] : [`fix all is not idempotent: a second run makes ${again.length} edit(s)`];
}

/** Every property at once, for the fuzzer. */
export function allProblems(text: string, sample: number): string[] {
  let result: LintResult;
  try {
    result = lint(text);
  } catch (error) {
    return [`lint threw: ${(error as Error).stack}`];
  }
  const guard = (name: string, run: () => string[]): string[] => {
    try {
      return run();
    } catch (error) {
      return [`${name} threw: ${(error as Error).stack}`];
    }
  };
  return [
    ...guard('ranges', () => rangeProblems(text, result)),
    ...guard('sections', () => sectionProblems(text, result.plan)),
    ...guard('fixes', () => fixProblems(text, result, { compareOthers: { sample } })),
    ...guard('fix all', () => fixAllProblems(text, result)),
  ];
}
