/**
 * The lists of recommendations in a report's text:
 *
 * - ILACS: the "What needs to improve?" list, one bullet per recommendation, not numbered;
 * - SIF: "Priority and immediate action" and "Areas for improvement", numbered by paragraph;
 * - focused visits: "Areas for priority action" (and "Areas for improvement").
 *
 * A list runs from its heading to the first line that is neither an item nor the indented
 * continuation of one. Items keep their words as printed, lines joined with single spaces.
 */
import type { ReportLine } from './layout.js';

export type RecommendationKind = 'what needs to improve' | 'area for improvement' | 'priority and immediate action' | 'area for priority action';

export interface FoundRecommendation {
  kind: RecommendationKind;
  /** The paragraph number a SIF report gives the item, if any. */
  number: number | undefined;
  /** The report's words: the item's lines joined, white space collapsed, the bullet left out. */
  text: string;
  /** Which body the recommendation is for: the council, or (SIF) the Local Safeguarding Children Board. */
  body: 'local authority' | 'LSCB';
}

const HEADINGS: readonly { heading: RegExp; kind: RecommendationKind }[] = [
  { heading: /^what needs to improve\b/i, kind: 'what needs to improve' },
  { heading: /^priority and immediate actions?\b/i, kind: 'priority and immediate action' },
  { heading: /^areas? for priority action\b/i, kind: 'area for priority action' },
  { heading: /^areas? for improvement\b/i, kind: 'area for improvement' },
];

/** Where the LSCB review starts in a SIF report (its recommendations are for the board). */
const BOARD_SECTION = /^(?:section 2\b|what does the lscb need to improve\b|the effectiveness of the local safeguarding children board\b|review of the effectiveness of the local safeguarding children board\b)/i;

/**
 * Bullets as pdftotext prints them: Ofsted's square (U+25FC), Wingdings glyphs in the private use
 * area, and the usual list marks.
 */
const BULLET_GLYPHS = /[\u25FC\u25AA\u25A0\u25CF\u2022\u2023\u2043\u2219\u00B7\u25E6\u2212\u0336\uF000-\uF8FF]/gu;
const BULLET = /^([\u25FC\u25AA\u25A0\u25CF\u2022\u2023\u2043\u2219\u00B7\u25E6\u2013\u2212\u2014\u0336\uF000-\uF8FF]|-(?=\s))\s*/u;
const NUMBERED = /^(\d{1,3})\.\s+(?=\S)/;

interface Marker {
  /** The bullet itself, or "number" for numbered paragraphs. */
  mark: string;
  number: number | undefined;
  /** The text after the marker. */
  rest: string;
}

function markerOf(line: string): Marker | undefined {
  const trimmed = line.trimStart();
  const numbered = NUMBERED.exec(trimmed);
  if (numbered) return { mark: 'number', number: Number(numbered[1]), rest: trimmed.slice(numbered[0].length) };
  const bullet = BULLET.exec(trimmed);
  if (bullet) return { mark: bullet[1]!, number: undefined, rest: trimmed.slice(bullet[0].length) };
  return undefined;
}

const indentOf = (line: string): number => line.length - line.trimStart().length;

/**
 * Joins an item's lines. A line that ends in a hyphen joins the next without a space: Ofsted's
 * reports do not break words, so the hyphen is a compound's ("multi-agency", "up-to-date"), except
 * before "and", "or" and "to" ("16- and 17-year-olds").
 */
export function joinLines(lines: readonly string[]): string {
  let text = '';
  for (const raw of lines) {
    const line = raw.replace(/\s+/g, ' ').trim();
    if (line === '') continue;
    if (text === '') text = line;
    else if (/\w-$/.test(text) && !/^(?:and|or|to)\b/.test(line)) text += line;
    else text += ` ${line}`;
  }
  return text;
}

/** Every recommendation in the report, in the order printed. */
export function findRecommendations(lines: readonly ReportLine[]): FoundRecommendation[] {
  const found: FoundRecommendation[] = [];
  let body: FoundRecommendation['body'] = 'local authority';
  let index = 0;
  while (index < lines.length) {
    const line = lines[index]!.text.trim();
    if (found.length > 0 && BOARD_SECTION.test(line)) body = 'LSCB';
    const heading = HEADINGS.find(({ heading }) => heading.test(line));
    // A heading is a line of its own (a contents page line ends in a page number).
    if (!heading || /\s\d{1,3}$/.test(line) || line.length > 60) {
      index++;
      continue;
    }
    const list = readList(lines, index + 1);
    for (const item of list.items) found.push({ kind: heading.kind, number: item.number, text: item.text, body });
    index = Math.max(list.end, index + 1);
  }
  return found;
}

/** A subheading in a list is a short line of its own, such as "Missing children". */
const SUBHEADING_LENGTH = 80;

/**
 * The sections that follow the recommendations in a SIF report, whose paragraphs are numbered
 * on from them: their headings end the list where a subheading would not.
 */
const NEXT_SECTION = /\b(?:strengths?|weakness(?:es)?|progress since|summary|information about|judgements?|key findings)\b/i;

/** Whether the next non-blank line from `index` starts an item of the list. */
function startsItem(lines: readonly ReportLine[], index: number, listMark: string | undefined): boolean {
  while (index < lines.length && lines[index]!.text.trim() === '') index++;
  const marker = index < lines.length ? markerOf(lines[index]!.text) : undefined;
  return marker !== undefined && (listMark === undefined || marker.mark === listMark);
}

/** An item that says the list is empty: "The inspection did not find any areas for priority and immediate action." */
const NONE_FOUND = /^(?:the inspection did not find any|there (?:are|were) no)\b/i;

/** The items from `start` to the end of the list; `end` is the first line after it. */
function readList(lines: readonly ReportLine[], start: number): { items: { number: number | undefined; text: string }[]; end: number } {
  const items: { number: number | undefined; parts: string[] }[] = [];
  let listMark: string | undefined;
  let markIndent = 0;
  let index = start;
  for (; index < lines.length; index++) {
    const line = lines[index]!.text;
    if (line.trim() === '') continue;
    if (HEADINGS.some(({ heading }) => heading.test(line.trim()))) break;
    const marker = markerOf(line);
    // The first item sets the list's mark; other marks deeper in are sub-items, kept in the text.
    if (marker && (listMark === undefined || marker.mark === listMark) && (listMark === undefined || indentOf(line) <= markIndent + 1)) {
      listMark ??= marker.mark;
      markIndent = indentOf(line);
      items.push({ number: marker.number, parts: [marker.rest] });
      continue;
    }
    const current = items[items.length - 1];
    if (current && indentOf(line) > markIndent) {
      current.parts.push(line);
      continue;
    }
    // Text copied from a PDF viewer loses the indentation: a line right after an unfinished item
    // (no full stop yet), or one that starts in lower case, still continues it.
    const follows = lines[index - 1]!.text.trim() !== '';
    if (current && follows && (!/[.!?:]["”’)]?$/.test(current.parts[current.parts.length - 1]!.trim()) || /^\p{Ll}/u.test(line.trim()))) {
      current.parts.push(line);
      continue;
    }
    // A subheading inside the list ("Leadership, management and governance"), or a line introducing it.
    if (line.trim().length <= SUBHEADING_LENGTH && !NEXT_SECTION.test(line.trim()) && startsItem(lines, index + 1, listMark)) continue;
    break;
  }
  return { items: items.map(({ number, parts }) => ({ number, text: joinLines(parts) })).filter((item) => item.text !== '' && !NONE_FOUND.test(item.text)), end: index };
}

/**
 * A recommendation's words for comparison, as the labels record them: white space collapsed,
 * bullets dropped, no space after a hyphen that ends a line ("multi- agency" is "multi-agency").
 */
export function comparableText(text: string): string {
  return text
    .replace(BULLET_GLYPHS, ' ')
    .replace(/(\w)-\s+/g, '$1-')
    .replace(/\s+/g, ' ')
    .trim();
}
