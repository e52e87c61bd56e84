/**
 * Action numbers: the next free action ID under a recommendation, with the text of a new action
 * heading; and renumbering every action of a plan in document order, with the Links references
 * (in this plan and in plans that name it as their `recommendations:` file) that must follow.
 */
import { readLinks, type PlanAnalysis } from './analysis.js';
import { matchActionId, matchRecommendationId } from './ids.js';
import type { Action, Plan, Range, Recommendation, Span } from './model.js';

/** A replacement of the text at `range` (offsets into the text of the plan it belongs to). */
export interface TextReplacement {
  range: Range;
  newText: string;
}

/** The number in a recommendation ID: 3 for `R3` or `P3`. */
const numberOf = (recommendationId: string): number => Number.parseInt(recommendationId.slice(1), 10);

/** The innermost recommendation whose section contains `offset`. */
export function recommendationAt(plan: Plan, offset: number): Recommendation | undefined {
  let found: Recommendation | undefined;
  for (const recommendation of plan.recommendations) {
    const { start, end } = recommendation.sectionRange;
    const inside = offset >= start && (offset < end || (end === plan.text.length && offset === end));
    if (inside && (!found || start >= found.sectionRange.start)) found = recommendation;
  }
  return found;
}

export type NextAction =
  | {
      recommendation: Recommendation;
      /** The new action's ID, such as `A2.4`. */
      id: string;
      /** Where the new action goes: the end of the recommendation's section. */
      offset: number;
      /**
       * The new action in snippet syntax (LSP and VS Code): the heading and its fields as tab stops,
       * with the blank lines needed before and after it.
       */
      snippet: string;
    }
  | { problem: string };

/** The next free action ID for the recommendation whose section contains `offset`, and where it goes. */
export function nextAction(plan: Plan, offset: number): NextAction {
  const recommendation = recommendationAt(plan, offset);
  if (!recommendation) {
    return { problem: 'Put the cursor in a recommendation (under a heading such as "## R1") to add an action to it.' };
  }
  const number = numberOf(recommendation.id);
  let highest = 0;
  for (const action of plan.actions) {
    const [major, minor, ...rest] = action.id.slice(1).split('.');
    if (Number(major) === number && minor !== undefined && rest.length === 0) highest = Math.max(highest, Number(minor));
  }
  const id = `A${number}.${highest + 1}`;

  const inSection = plan.actions.filter((action) => contains(recommendation.sectionRange, action.headingRange.start));
  const depth = inSection.at(-1)?.depth ?? Math.min(recommendation.depth + 1, 6);
  const offsetAt = recommendation.sectionRange.end;
  const before = plan.text.slice(0, offsetAt);
  const lineBreaksBefore = lineBreaksAtEnd(before);
  const leading = before.trim() === '' ? '' : '\n'.repeat(Math.max(0, 2 - lineBreaksBefore));
  const trailing = offsetAt < plan.text.length ? '\n' : '';
  const snippet =
    `${leading}${'#'.repeat(depth)} ${id} \${1:Verb and named deliverable}\n\n` +
    '- Owner: ${2:Head of Service}\n' +
    '- Due: ${3:${CURRENT_MONTH_NAME} ${CURRENT_YEAR}}\n' +
    '- Measure: ${4:a number, percentage or document that will show the action worked}\n' +
    '- Status: ${5|Not started,Red,Amber,Green,Blue|}\n' +
    `$0${trailing}`;
  return { recommendation, id, offset: offsetAt, snippet };
}

const contains = (range: Range, offset: number): boolean => offset >= range.start && offset < range.end;

/** A plan whose Links may name this plan's actions: one that names it as its `recommendations:` file. */
export interface ReferencingPlan<K> {
  key: K;
  plan: Plan;
}

export interface RenumberChange {
  action: Action;
  from: string;
  to: string;
}

export interface Renumbering<K> {
  /** The actions whose ID changes, in document order. */
  changes: RenumberChange[];
  /** The replacements in this plan: heading IDs and Links references to its actions. */
  edits: TextReplacement[];
  /** The replacements of Links references in each referencing plan that needs any. */
  references: Map<K, TextReplacement[]>;
}

/**
 * Numbers the actions of each recommendation A<n>.1, A<n>.2, ... in document order, where n is the
 * recommendation's number. Actions in no recommendation's section (cross-cutting ones) are numbered
 * after the highest recommendation, as A<last + 1>.1, ...; in a plan that declares no recommendations
 * itself (they are all in its `recommendations:` file), each is numbered under the first
 * recommendation its Links names. An ID written out (`Action 1.2`) keeps its form.
 *
 * Links entries that are action IDs follow the renumbering: in this plan, and in each referencing
 * plan unless that plan declares the ID itself (IDs resolve in their own file first).
 */
export function renumberActions<K>(analysis: PlanAnalysis, referencing: readonly ReferencingPlan<K>[] = []): Renumbering<K> {
  const { plan } = analysis;
  const highest = Math.max(0, ...[...analysis.recommendationsById.keys()].map(numberOf));
  const counters = new Map<number, number>();
  const changes: RenumberChange[] = [];
  const edits: TextReplacement[] = [];
  const renamed = new Map<string, string>();

  for (const action of plan.actions) {
    const number = groupOf(action, analysis, highest);
    const minor = (counters.get(number) ?? 0) + 1;
    counters.set(number, minor);
    const to = `A${number}.${minor}`;
    // With duplicate IDs, references follow the first declaration, as they resolve to it.
    if (!renamed.has(action.id)) renamed.set(action.id, to);
    if (to === action.id) continue;
    changes.push({ action, from: action.id, to });
    edits.push({ range: action.idSpan.range, newText: written(action.idSpan, to) });
  }

  const moved = new Map([...renamed].filter(([from, to]) => from !== to));
  edits.push(...referenceEdits(plan, moved, new Set()));
  edits.sort((a, b) => a.range.start - b.range.start);
  const references = new Map<K, TextReplacement[]>();
  for (const other of referencing) {
    const own = new Set(other.plan.actions.map((action) => action.id));
    const found = referenceEdits(other.plan, moved, own);
    if (found.length > 0) references.set(other.key, found);
  }
  return { changes, edits, references };
}

function groupOf(action: Action, analysis: PlanAnalysis, highest: number): number {
  if (action.containingRecommendationId) return numberOf(action.containingRecommendationId);
  if (analysis.plan.recommendations.length === 0) {
    const firstLinked = analysis.factsOf(action).links.find((link) => link.id !== undefined);
    if (firstLinked) return numberOf(firstLinked.id!);
  }
  return highest + 1;
}

/** The new ID in the form the old one was written: `Action 1.2` stays written out. */
function written(old: Span, id: string): string {
  const word = /^action[ \t]+/i.exec(old.text);
  return word ? word[0] + id.slice(1) : id;
}

/** Replacements of the Links entries of `plan` that name a moved action ID, other than IDs in `own`. */
function referenceEdits(plan: Plan, moved: ReadonlyMap<string, string>, own: ReadonlySet<string>): TextReplacement[] {
  if (moved.size === 0) return [];
  const edits: TextReplacement[] = [];
  for (const action of plan.actions) {
    for (const field of action.fields) {
      if (field.name !== 'links') continue;
      for (const link of readLinks(field)) {
        if (matchRecommendationId(link.text)) continue;
        const match = matchActionId(link.text);
        if (!match || match.length !== link.text.length || own.has(match.id)) continue;
        const to = moved.get(match.id);
        if (to) edits.push({ range: link.range, newText: written({ text: link.text, range: link.range }, to) });
      }
    }
  }
  return edits;
}

/**
 * How many line breaks the text ends with, blank lines' spaces and tabs between them allowed: what
 * `/(?:\r?\n[ \t]*)*$/` matches, without its time growing with the square of a long run of them.
 */
function lineBreaksAtEnd(text: string): number {
  let count = 0;
  let at = text.length;
  for (;;) {
    let end = at;
    while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
    if (end === 0 || text[end - 1] !== '\n') return count;
    count++;
    at = end - 1;
    if (at > 0 && text[at - 1] === '\r') at--;
  }
}
