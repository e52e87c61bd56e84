/**
 * What to offer while typing a plan: field keys, recommendation IDs in Links, owners, statuses,
 * due dates and the next free action ID. Every candidate says exactly which text it replaces.
 */
import type { PlanAnalysis } from './analysis.js';
import { endOfFinancialQuarterContaining, endOfFinancialYearContaining, endOfMonth, formatDateWithWeekday } from './calendar.js';
import { actionBelowHeadingAt, fieldValueAt, lineAt, type FieldAtCursor } from './cursor.js';
import { formatDate, type IsoDate } from './dates.js';
import { fieldSynonyms } from './fields.js';
import type { Field, FieldName, Plan, Range, Recommendation } from './model.js';
import { isPlaceholderOwner, ownerKey, withoutTrailing } from './owners.js';
import { readStatus, STATUS_LABELS, type Status } from './status.js';

export type CompletionKind = 'field' | 'recommendation' | 'owner' | 'status' | 'date' | 'action-id';

export interface CompletionCandidate {
  kind: CompletionKind;
  label: string;
  /** The text that replaces `range`. */
  insertText: string;
  /** Offsets of the text replaced; always on the cursor's line and containing the cursor. */
  range: Range;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** Orders candidates as the dialect does, rather than alphabetically. */
  sortText: string;
}

export function completionsAt(plan: Plan, analysis: PlanAnalysis, offset: number): CompletionCandidate[] {
  const { text } = plan;
  if (!Number.isInteger(offset) || offset < 0 || offset > text.length) return [];
  if (plan.frontMatter && offset < plan.frontMatter.range.end) return [];
  return headingCompletions(plan, analysis, offset) ?? fieldKeyCompletions(plan, offset) ?? fieldValueCompletions(plan, analysis, offset) ?? [];
}

const sortKey = (index: number): string => String(index).padStart(3, '0');

// ---------------------------------------------------------------------------------------------
// Action IDs at the start of a heading

// `###`, `### `, `### A`, `### A2.`, `### Act`, `### Action 2`
const HEADING_START = /^(#{1,6})(?:([ \t]+)(.*))?$/;
const PARTIAL_SHORT_ID = /^A[\d.]*$/;
const PARTIAL_LONG_ID = /^(?:a(?:c(?:t(?:i(?:o(?:n)?)?)?)?)?|action[ \t]+[\d.]*)$/i;

function headingCompletions(plan: Plan, analysis: PlanAnalysis, offset: number): CompletionCandidate[] | undefined {
  const { text } = plan;
  const line = lineAt(text, offset);
  const match = HEADING_START.exec(text.slice(line.start, offset));
  if (!match) return undefined;
  // In the middle of the hashes: the heading's level is not known yet.
  if (text[offset] === '#') return [];
  const depth = match[1]!.length;
  const partial = match[3] ?? '';
  const shortForm = PARTIAL_SHORT_ID.test(partial);
  if (partial !== '' && !shortForm && !PARTIAL_LONG_ID.test(partial)) return [];
  const longForm = partial !== '' && !shortForm;

  const recommendation = recommendationOfNewHeading(plan, line.start, depth);
  // Bare hashes may start any heading: offer an ID only where an action clearly belongs.
  if (partial === '' && !recommendation) return [];

  const next = nextActionId(plan, analysis, line.start, recommendation);
  const written = longForm ? `Action ${next.slice(1)}` : next;
  const partialStart = offset - partial.length;
  let end = offset;
  while (end < line.end && /[\p{L}\p{N}.]/u.test(text[end]!)) end++;
  const atLineEnd = text.slice(end, line.end).trim() === '';
  const spaceBefore = match[2] === undefined ? ' ' : '';
  return [
    {
      kind: 'action-id',
      label: written,
      insertText: `${spaceBefore}${written}${atLineEnd ? ' ' : ''}`,
      range: { start: partialStart, end },
      detail: recommendation ? `Next action under ${recommendation.id}` : 'Next action ID',
      documentation: recommendation
        ? `The next free action ID under ${describeRecommendation(recommendation)}.`
        : 'The next free action ID. Outside a recommendation\'s section, add `- Links:` with the recommendations it addresses.',
      sortText: sortKey(0),
    },
  ];
}

/** The recommendation whose section a heading of `depth` on the line at `lineStart` would fall in. */
function recommendationOfNewHeading(plan: Plan, lineStart: number, depth: number): Recommendation | undefined {
  let found: Recommendation | undefined;
  for (const recommendation of plan.recommendations) {
    const { start, end } = recommendation.sectionRange;
    // A section that ends where this line starts was closed by this very heading.
    if (start < lineStart && (lineStart < end || end === plan.text.length) && recommendation.depth < depth) {
      if (!found || start > found.sectionRange.start) found = recommendation;
    }
  }
  return found;
}

const numbersOf = (id: string): number[] => id.slice(1).split('.').map(Number);

/**
 * The next free action ID for a heading at `lineStart`, numbered as "Insert next action" and
 * "Renumber actions" do: `A2.3` under R2 when A2.1 and A2.2 exist; outside any recommendation,
 * under the number after the highest recommendation (`A6.1` after R5). A plan that numbers its
 * actions `A1`, `A2`, ... gets the next of those.
 */
export function nextActionId(plan: Plan, analysis: PlanAnalysis, lineStart: number, recommendation: Recommendation | undefined): string {
  // The heading being typed may already read as an action: it is not one of the others.
  const others = plan.actions.filter((action) => !(action.headingRange.start <= lineStart && lineStart <= action.headingRange.end));
  const numbers = others.map((action) => numbersOf(action.id));
  if (numbers.length > 0 && numbers.every((parts) => parts.length === 1)) return `A${Math.max(...numbers.map(([major]) => major!)) + 1}`;
  const major = recommendation
    ? Number(recommendation.id.slice(1))
    : Math.max(0, ...[...analysis.recommendationsById.keys()].map((id) => Number(id.slice(1)))) + 1;
  const taken = new Set(others.map((action) => action.id));
  let minor = Math.max(0, ...numbers.filter((parts) => parts.length === 2 && parts[0] === major).map((parts) => parts[1]!)) + 1;
  while (taken.has(`A${major}.${minor}`)) minor++;
  return `A${major}.${minor}`;
}

const describeRecommendation = (recommendation: Recommendation): string =>
  recommendation.title.text ? `${recommendation.id} (${recommendation.title.text})` : recommendation.id;

// ---------------------------------------------------------------------------------------------
// Field keys at the start of a list item

// `- `, `- Ow`, `* **Me`: a top-level list item whose key is being typed (nested items are entries).
const LIST_ITEM_START = /^ ?[-*+][ \t]+(\*\*|__)?([A-Za-z][A-Za-z ]*)?$/;

const FIELD_DESCRIPTIONS: Record<FieldName, { key: string; description: string }> = {
  owner: { key: 'Owner', description: 'The role or person accountable for the action.' },
  due: { key: 'Due', description: 'The date the action will be done by, such as 31 March 2026, March 2026 or Q4 2025/26.' },
  measure: { key: 'Measure', description: 'What will show that the action worked: a number, a percentage, a target, or a document signed off.' },
  links: { key: 'Links', description: 'Other recommendations this action addresses, separated by commas, such as `R1, R4`.' },
  status: { key: 'Status', description: 'Not started, Red, Amber, Green or Blue (finished).' },
  start: { key: 'Start', description: 'The date work on the action begins.' },
  evidence: { key: 'Evidence', description: 'Where the proof is that the action is done: a document, a report, a link.' },
  milestones: { key: 'Milestones', description: 'The steps on the way, as a sub-list of `date: step` items.' },
  progress: { key: 'Progress', description: 'Updates for each board meeting, as a sub-list of `date (RAG): note` items.' },
};

const ACRONYMS: Record<string, string> = { kpi: 'KPI', rag: 'RAG' };

/** `lead officer` → `Lead officer`, `kpi` → `KPI`. */
function displayKey(key: string): string {
  const words = key.split(' ').map((word) => ACRONYMS[word] ?? word);
  return words.map((word, index) => (index === 0 ? word[0]!.toUpperCase() + word.slice(1) : word)).join(' ');
}

function fieldKeyCompletions(plan: Plan, offset: number): CompletionCandidate[] | undefined {
  const { text } = plan;
  const line = lineAt(text, offset);
  const match = LIST_ITEM_START.exec(text.slice(line.start, offset));
  if (!match) return undefined;
  const action = actionBelowHeadingAt(plan, offset);
  if (!action) return [];
  const bold = match[1];
  const typed = match[2] ?? '';
  const start = offset - typed.length;
  let end = offset;
  while (end < line.end && /[A-Za-z]/.test(text[end]!)) end++;
  const rest = text.slice(end, line.end);
  const colonFollows = /^[ \t]*(?:\*\*|__)?[ \t]*:/.test(rest);
  // An editor may have closed the emphasis already: `**|**`.
  if (bold && !colonFollows && rest.startsWith(bold)) end += bold.length;
  const present = new Set(
    action.fields.filter((field) => !(field.range.start <= offset && offset <= field.range.end)).map((field) => field.name),
  );
  const synonyms = fieldSynonyms();
  return (Object.keys(FIELD_DESCRIPTIONS) as FieldName[])
    .filter((name) => !present.has(name))
    .map((name) => {
      const { key, description } = FIELD_DESCRIPTIONS[name];
      const others = synonyms[name].filter((synonym) => synonym !== name).map(displayKey);
      const hasEntries = name === 'milestones' || name === 'progress';
      const closing = bold ? `:${bold}` : ':';
      const insertText = colonFollows ? key : `${key}${closing}${hasEntries ? '' : ' '}`;
      return {
        kind: 'field' as const,
        label: key,
        insertText,
        range: { start, end },
        detail: 'Field',
        documentation: others.length > 0 ? `${description}\n\nAlso written: ${others.join(', ')}.` : description,
        sortText: sortKey(Object.keys(FIELD_DESCRIPTIONS).indexOf(name)),
      };
    });
}

// ---------------------------------------------------------------------------------------------
// Field values

function fieldValueCompletions(plan: Plan, analysis: PlanAnalysis, offset: number): CompletionCandidate[] | undefined {
  const at = fieldValueAt(plan, offset);
  if (!at) return undefined;
  switch (at.field.name) {
    case 'links':
      return linkCompletions(plan, analysis, at, offset);
    case 'owner':
      return singleValue(plan, at, offset, (range) => ownerCandidates(plan, at.field, range));
    case 'status':
      return singleValue(plan, at, offset, (range) => statusCandidates(range), statusWordEnd);
    case 'due':
    case 'start':
      return singleValue(plan, at, offset, (range) => dateCandidates(analysis.asOf, plan.frontMatter?.asOf !== undefined, range));
    default:
      return [];
  }
}

/**
 * Candidates that replace the whole value on the key's line (or, with `keepEnd`, only its first
 * part: the status word before a comment). A space is added after a bare colon.
 */
function singleValue(
  plan: Plan,
  at: FieldAtCursor,
  offset: number,
  candidates: (range: Range) => CompletionCandidate[],
  keepEnd?: (value: string) => number | undefined,
): CompletionCandidate[] {
  const { text } = plan;
  const keyLine = lineAt(text, at.valueZoneStart);
  if (offset > keyLine.end) return [];
  let valueStart = at.valueZoneStart;
  while (valueStart < keyLine.end && /[ \t]/.test(text[valueStart]!)) valueStart++;
  let valueEnd = keyLine.end;
  while (valueEnd > valueStart && /[ \t]/.test(text[valueEnd - 1]!)) valueEnd--;
  const partEnd = keepEnd?.(text.slice(valueStart, valueEnd));
  if (partEnd !== undefined) {
    // After the status word, the author is writing a comment ("Amber - slipped a month").
    if (offset > valueStart + partEnd) return [];
    valueEnd = valueStart + partEnd;
  }
  // In the spaces before the value, the replacement starts at the cursor and takes the spaces too.
  const start = Math.min(offset, valueStart);
  const range = { start, end: Math.max(valueEnd, offset) };
  const needsSpace = start === at.valueZoneStart;
  return candidates(range).map((candidate) => (needsSpace ? { ...candidate, insertText: ` ${candidate.insertText}` } : candidate));
}

/** In `Amber - slipped a month`, the status is the first five characters. */
function statusWordEnd(value: string): number | undefined {
  const match = /^(not started|red|amber|green|blue|completed?|done)\b/i.exec(value);
  return match && readStatus(value) !== undefined ? match[0].length : undefined;
}

const STATUS_MEANINGS: Record<Status, string> = {
  'not started': 'Work has not begun.',
  red: 'Off track and needs intervention.',
  amber: 'At risk, or slipping but recoverable.',
  green: 'On track.',
  blue: 'Finished (also written Complete or Done). Add an Evidence field saying where the proof is.',
};

function statusCandidates(range: Range): CompletionCandidate[] {
  return (Object.keys(STATUS_LABELS) as Status[]).map((status, index) => ({
    kind: 'status',
    label: STATUS_LABELS[status],
    insertText: STATUS_LABELS[status],
    range,
    documentation: STATUS_MEANINGS[status],
    sortText: sortKey(index),
  }));
}

/** The front matter's owners register when there is one, else the owners the plan already names (but the one being typed). */
function ownerCandidates(plan: Plan, typing: Field, range: Range): CompletionCandidate[] {
  const owned = new Map<string, number>();
  const used: string[] = [];
  for (const action of plan.actions) {
    for (const field of action.fields) {
      if (field.name !== 'owner' || field.valueText === '' || isPlaceholderOwner(field.valueText)) continue;
      const key = ownerKey(field.valueText);
      owned.set(key, (owned.get(key) ?? 0) + 1);
      if (field !== typing && !used.some((name) => ownerKey(name) === key)) used.push(withoutTrailing(field.valueText, '.;,'));
    }
  }
  const register = plan.frontMatter?.owners?.map((owner) => owner.value);
  const names = register ?? used;
  const seen = new Set<string>();
  return names
    .filter((name) => !seen.has(ownerKey(name)) && seen.add(ownerKey(name)))
    .map((name, index) => {
      const count = owned.get(ownerKey(name)) ?? 0;
      return {
        kind: 'owner' as const,
        label: name,
        insertText: name,
        range,
        detail: count === 0 ? 'No actions yet' : `${count} action${count === 1 ? '' : 's'}`,
        documentation: register ? 'From the `owners` register in the front matter.' : 'An owner already named in this plan.',
        sortText: sortKey(index),
      };
    });
}

function dateCandidates(asOf: IsoDate, fromFrontMatter: boolean, range: Range): CompletionCandidate[] {
  const counted = fromFrontMatter ? `the plan's as-of date, ${formatDate(asOf)}` : `today, ${formatDate(asOf)}`;
  const ends: { date: IsoDate; periods: string[] }[] = [];
  for (const [period, date] of [
    ['month', endOfMonth(asOf)],
    ['quarter', endOfFinancialQuarterContaining(asOf)],
    ['financial year', endOfFinancialYearContaining(asOf)],
  ] as const) {
    const same = ends.find((end) => end.date === date);
    if (same) same.periods.push(period);
    else ends.push({ date, periods: [period] });
  }
  return ends.map(({ date, periods }, index) => {
    const written = formatDate(date);
    const named = periods.length === 1 ? periods[0]! : `${periods.slice(0, -1).join(', ')} and ${periods.at(-1)!}`;
    return {
      kind: 'date' as const,
      label: `End of this ${named} (${written})`,
      insertText: written,
      range,
      detail: formatDateWithWeekday(date),
      documentation: `Counted from ${counted}. Quarters and years are the UK financial ones, April to March.`,
      sortText: sortKey(index),
    };
  });
}

/** Recommendation IDs for the entry of a Links value that the cursor is in. */
function linkCompletions(plan: Plan, analysis: PlanAnalysis, at: FieldAtCursor, offset: number): CompletionCandidate[] {
  const { text } = plan;
  const line = lineAt(text, offset);
  const floor = Math.max(at.valueZoneStart, line.start);
  let start = offset;
  while (start > floor && /[\p{L}\p{N}.]/u.test(text[start - 1]!)) start--;
  let end = offset;
  while (end < line.end && /[\p{L}\p{N}.]/u.test(text[end]!)) end++;
  const before = text[start - 1];
  const needsSpace = start === offset && end === offset && start > line.start && before !== undefined && !/[ \t]/.test(before);

  const facts = analysis.factsOf(at.action);
  const listed = new Set(facts.links.filter((link) => link.range.end < start || link.range.start > end).map((link) => link.id));
  const candidates: CompletionCandidate[] = [];
  for (const recommendation of analysis.recommendationsById.values()) {
    if (listed.has(recommendation.id)) continue;
    const own = recommendation.id === at.action.containingRecommendationId;
    const external = analysis.external?.recommendations.includes(recommendation) ? analysis.external.name : undefined;
    const notes = [
      own ? `${at.action.id} already addresses ${recommendation.id}: it sits in its section.` : undefined,
      external ? `From ${external}.` : undefined,
    ].filter((note) => note !== undefined);
    candidates.push({
      kind: 'recommendation',
      label: recommendation.id,
      insertText: `${needsSpace ? ' ' : ''}${recommendation.id}`,
      range: { start, end },
      detail: recommendation.title.text || undefined,
      documentation: [recommendationHeading(recommendation), recommendation.text, ...notes].filter((part) => part !== '').join('\n\n'),
      sortText: sortKey(candidates.length + (own ? 500 : 0)),
    });
  }
  return candidates;
}

const recommendationHeading = (recommendation: Recommendation): string =>
  `**${recommendation.id}${recommendation.title.text ? ` ${recommendation.title.text}` : ''}**`;
