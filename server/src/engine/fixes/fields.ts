/** Adding a field to an action, or filling in an empty one, in the style of the fields around it. */
import { formatDate, type IsoDate } from '../dates.js';
import type { Action, Field, FieldName, Plan } from '../model.js';
import type { PlanAnalysis } from '../analysis.js';
import { blockInsertion, insertLineAfter, insertLineBefore, isBlankLine, isLineStart, lineEnd, lineStart, nextLineStart, startOfHeadingBlock } from './text.js';
import type { TextEdit } from './types.js';

/** The dialect's order of fields; a new field goes after the ones before it in this order. */
export const FIELD_ORDER: readonly FieldName[] = ['owner', 'due', 'measure', 'links', 'status', 'start', 'evidence', 'milestones', 'progress'];

export const FIELD_LABELS: Record<FieldName, string> = {
  owner: 'Owner',
  due: 'Due',
  measure: 'Measure',
  links: 'Links',
  status: 'Status',
  start: 'Start',
  evidence: 'Evidence',
  milestones: 'Milestones',
  progress: 'Progress',
};

/**
 * What a new Owner or Measure says until someone fills it in. The square brackets mark it as a
 * placeholder for a reader (search the plan for "[" to find any left); the rules accept it, so the
 * problem it fixed does not come back while the author is still typing.
 */
export const OWNER_PLACEHOLDER = '[Role or person accountable]';
export const MEASURE_PLACEHOLDER = '[What will show it worked, from a baseline to a target]';
/** After the suggested due date: the date is a suggestion for the author to confirm or change. */
export const DUE_PLACEHOLDER_NOTE = '[to confirm]';

/**
 * A due date to suggest: the end of the plan period when the front matter gives one, else the end
 * of the UK financial year (31 March) on or after the as-of date.
 */
export function suggestedDueDate(plan: Plan, analysis: PlanAnalysis): IsoDate {
  const periodEnd = plan.frontMatter?.periodEnd?.value;
  if (periodEnd && /^\d{4}-\d{2}-\d{2}$/.test(periodEnd)) return periodEnd;
  const [year, month] = analysis.asOf.split('-').map(Number) as [number, number];
  const endYear = Number.isFinite(year) ? (month >= 4 ? year + 1 : year) : new Date().getFullYear();
  return `${String(endYear).padStart(4, '0')}-03-31`;
}

export function placeholderFor(field: 'owner' | 'due' | 'measure', plan: Plan, analysis: PlanAnalysis): string {
  if (field === 'owner') return OWNER_PLACEHOLDER;
  if (field === 'measure') return MEASURE_PLACEHOLDER;
  return `${formatDate(suggestedDueDate(plan, analysis))} ${DUE_PLACEHOLDER_NOTE}`;
}

/** How the fields of a list are written: indentation, list marker and bold keys. */
interface FieldStyle {
  indent: string;
  marker: string;
  bold: string;
  /** The colon is inside the bold markers (`**Owner:**`) rather than after them (`**Owner**:`). */
  colonInside: boolean;
}

const DEFAULT_STYLE: FieldStyle = { indent: '', marker: '-', bold: '', colonInside: true };

function styleOf(text: string, field: Field): FieldStyle {
  const lead = text.slice(lineStart(text, field.key.range.start), field.key.range.start);
  const match = /^([ \t]*)([-*+]|\d{1,9}[.)])[ \t]+(\*\*|__)?[ \t]*$/.exec(lead);
  if (!match) return DEFAULT_STYLE;
  const bold = match[3] ?? '';
  const between = text.slice(field.key.range.end, Math.max(field.key.range.end, field.value.range.start)).trim();
  return { indent: match[1]!, marker: match[2]!, bold, colonInside: !bold || !between.startsWith(bold) };
}

function fieldLine(style: FieldStyle, name: FieldName, value: string): string {
  const { indent, marker, bold } = style;
  const key = bold ? (style.colonInside ? `${bold}${FIELD_LABELS[name]}:${bold}` : `${bold}${FIELD_LABELS[name]}${bold}:`) : `${FIELD_LABELS[name]}:`;
  return `${indent}${marker} ${key}${value === '' ? '' : ' ' + value}`;
}

/**
 * Adds `- Key: value` to the action: in its field list at the dialect's place (after the fields
 * that come before it in FIELD_ORDER, else before the first that comes after), or, when the action
 * has no fields, as a new list after its heading and description. `snippetValue` is the value in
 * snippet syntax, for clients that support snippet edits.
 */
export function addFieldEdit(plan: Plan, action: Action, name: FieldName, value: string, snippetValue?: string): TextEdit {
  const { text } = plan;
  const rank = FIELD_ORDER.indexOf(name);
  const known = action.fields.filter((field) => field.name !== undefined);
  const before = known.filter((field) => FIELD_ORDER.indexOf(field.name!) < rank).at(-1);
  const after = before ? undefined : known.find((field) => FIELD_ORDER.indexOf(field.name!) > rank);
  const reference = before ?? after ?? action.fields.at(-1);
  if (!reference) {
    const snippetLines = snippetValue === undefined ? undefined : [fieldLine(DEFAULT_STYLE, name, snippetValue)];
    return blockInsertion(text, startOfFieldList(plan, action), [fieldLine(DEFAULT_STYLE, name, value)], snippetLines);
  }
  const style = styleOf(text, reference);
  const line = fieldLine(style, name, value);
  const edit = after && !before ? insertLineBefore(text, lineStart(text, after.range.start), line) : insertLineAfter(text, lastOffsetOf(reference), line);
  // The rest of the new text is a line ending, which needs no escaping in a snippet. A snippet in the
  // middle of a line (the end of a file with no final line break) would be re-indented: plain text there.
  if (snippetValue !== undefined && isLineStart(text, edit.range.start)) edit.snippet = edit.newText.replace(line, () => fieldLine(style, name, snippetValue));
  return edit;
}

/** Fills in a field that is there but empty: `- Owner:` becomes `- Owner: value`. */
export function fillFieldEdit(text: string, field: Field, value: string, snippetValue?: string): TextEdit {
  const at = field.value.range.start;
  const space = at > 0 && (text[at - 1] === ' ' || text[at - 1] === '\t') ? '' : ' ';
  const edit: TextEdit = { range: { start: at, end: field.value.range.end }, newText: space + value };
  if (snippetValue !== undefined) edit.snippet = space + snippetValue;
  return edit;
}

/** The offset of the last character of a list item (its end may be the start of the next line). */
const lastOffsetOf = (field: Field): number => Math.max(field.range.start, field.range.end - 1);

/**
 * Where a new field list for an action goes: after the last line of its heading and description,
 * before the next heading (of any level) and before a plan-ignore comment that belongs to it.
 */
function startOfFieldList(plan: Plan, action: Action): number {
  const { text } = plan;
  let end = action.sectionRange.end;
  for (const element of [...plan.recommendations, ...plan.actions]) {
    if (element.headingRange.start > action.headingRange.start && element.headingRange.start < end) end = element.headingRange.start;
  }
  const first = nextLineStart(text, Math.max(action.headingRange.start, action.headingRange.end - 1));
  // Headings without IDs ("#### Notes") also end the part of the section the fields are read from.
  let fence: string | undefined;
  for (let at = first; at < end; at = nextLineStart(text, at)) {
    const line = text.slice(at, lineEnd(text, at));
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceMatch) {
      if (!fence) fence = fenceMatch[1]!;
      else if (fenceMatch[1]!.startsWith(fence[0]!) && fenceMatch[1]!.length >= fence.length && line.trim() === fenceMatch[1]) fence = undefined;
    } else if (!fence && /^ {0,3}#{1,6}(?:[ \t]|$)/.test(line)) {
      end = at;
      break;
    }
    if (nextLineStart(text, at) === at) break;
  }
  if (end < text.length) end = Math.max(first, startOfHeadingBlock(text, end));
  // Back up over blank lines to just after the last line with content.
  let at = Math.min(end, text.length);
  let contentEnd = first;
  for (let line = first; line < at; line = nextLineStart(text, line)) {
    if (!isBlankLine(text, line)) contentEnd = nextLineStart(text, line);
    if (nextLineStart(text, line) === line) break;
  }
  at = Math.max(first, Math.min(contentEnd, at));
  return first > text.length ? text.length : at;
}
