/**
 * What a report's first page states about the inspection: the framework, the council, the
 * inspection and publication dates, and the judgements with their grades.
 */
import { daysBetween, readExactDate, type IsoDate } from '../dates.js';
import type { ReportLine } from './layout.js';

export type ReportFramework = 'ILACS' | 'SIF' | 'JTAI' | 'focused visit' | 'monitoring visit';

export interface InspectionDates {
  first: IsoDate;
  last: IsoDate;
  /** Days on site, counting each range of dates separately ("8 to 12 July and 7 to 8 August": 7). */
  days: number;
}

export interface ReportJudgement {
  key: string;
  grade: string;
}

export interface ReportFacts {
  framework: ReportFramework | undefined;
  authority: string | undefined;
  inspectionType: string | undefined;
  inspected: InspectionDates | undefined;
  /** Only when the report prints it ("Report published: 8 August 2014"): ILACS reports do not. */
  published: IsoDate | undefined;
  judgements: ReportJudgement[];
}

/** The opening lines, where the title and the framework's own words are. */
const TITLE_LINES = 15;
/** ILACS: a standard inspection is two weeks on site, a short inspection one. */
const LONGEST_SHORT_INSPECTION_DAYS = 9;

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
const GRADE = /requires?\s+improvement(?:\s+to\s+be\s+good)?|outstanding|good|inadequate/gi;

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

export function readFacts(lines: readonly ReportLine[]): ReportFacts {
  const firstPage = lines.filter((line) => line.page === lines[0]?.page).map((line) => line.text);
  // Lines cut short: the title's patterns need no more, and a huge line costs no time.
  const opening = lines.slice(0, TITLE_LINES).map((line) => line.text.slice(0, 300));
  const framework = frameworkOf(opening.join('\n'), firstPage.join('\n'));
  const inspected = inspectionDates(opening);
  return {
    framework,
    authority: authorityOf(opening),
    inspectionType: inspectionTypeOf(framework, inspected),
    inspected,
    published: publishedDate(firstPage.join('\n')),
    judgements: framework === 'ILACS' || framework === 'SIF' ? judgementsOf(firstPage, framework) : [],
  };
}

function frameworkOf(opening: string, firstPage: string): ReportFramework | undefined {
  if (/joint targeted area inspection/i.test(opening)) return 'JTAI';
  if (/focused visit/i.test(opening)) return 'focused visit';
  if (/monitoring visit/i.test(opening)) return 'monitoring visit';
  // SIF (2013 to 2018): "Inspection of services for children in need of help and protection, children looked after and care leavers".
  if (/inspection of services for children in need of help\s+and\s+protection/i.test(opening) || /overall judgement is that children.s services/i.test(firstPage)) return 'SIF';
  // ILACS (from 2018): "Inspection of ... local authority children's services" or "... children's social care services", with a table of grades.
  if (/inspection of\b[\s\S]*children.s\s+(?:social\s+care\s+)?services/i.test(opening) && /\bjudgement\s+grade\b/i.test(collapse(firstPage))) return 'ILACS';
  return undefined;
}

/** "Inspection of Leicester City Council local authority children's services", or the council's name above "Inspection of ...". */
function authorityOf(opening: readonly string[]): string | undefined {
  const titleEnd = opening.findIndex((line) => /^\s*(?:inspection dates?|lead inspector|report published)\b/i.test(line));
  const title = collapse(opening.slice(0, titleEnd < 0 ? 4 : titleEnd).join(' '));
  const named = /^(?:Inspection of|Focused visit to|Monitoring visit to)\s+(.+?)\s+(?:local authority\s+)?children.s\s+(?:social care\s+)?services\b/i.exec(title);
  if (named) return named[1]!.replace(/^the\s+/i, '');
  const before = /^(.+?)\s+Inspection of\b/i.exec(title);
  return before ? before[1] : undefined;
}

function inspectionTypeOf(framework: ReportFramework | undefined, inspected: InspectionDates | undefined): string | undefined {
  switch (framework) {
    case 'ILACS':
      return inspected ? (inspected.days <= LONGEST_SHORT_INSPECTION_DAYS ? 'short inspection' : 'standard inspection') : undefined;
    case 'SIF':
      return 'single inspection';
    case 'JTAI':
      return 'joint targeted area inspection';
    case undefined:
      return undefined;
    default:
      return framework;
  }
}

/** "Inspection dates: 23 to 27 September 2024", "3 June – 25 June 2014", "8 July 2019 to 12 July 2019 and 7 August 2019 to 8 August 2019". */
function inspectionDates(opening: readonly string[]): InspectionDates | undefined {
  const at = opening.findIndex((line) => /^\s*inspection dates?\s*:/i.test(line));
  if (at < 0) return undefined;
  const next = opening[at + 1] ?? '';
  const text = collapse(`${opening[at]!.replace(/^\s*inspection dates?\s*:/i, '')} ${/^\s*(?:lead inspector|report published)\b/i.test(next) ? '' : next}`);
  const ranges: { first: IsoDate; last: IsoDate }[] = [];
  const range = new RegExp(`(\\d{1,2})(?:\\s+(${MONTH}))?(?:\\s+(\\d{4}))?\\s*(?:to|–|-)\\s*(\\d{1,2})\\s+(${MONTH})\\s+(\\d{4})`, 'gi');
  for (const match of text.matchAll(range)) {
    const [, firstDay, firstMonth, firstYear, lastDay, lastMonth, lastYear] = match;
    const last = readExactDate(`${lastDay} ${lastMonth} ${lastYear}`);
    const first = readExactDate(`${firstDay} ${firstMonth ?? lastMonth} ${firstYear ?? lastYear}`);
    if (first && last && first <= last) ranges.push({ first, last });
  }
  if (ranges.length === 0) {
    const single = new RegExp(`\\d{1,2}\\s+${MONTH}\\s+\\d{4}`, 'i').exec(text);
    const date = single ? readExactDate(single[0]) : undefined;
    return date ? { first: date, last: date, days: 1 } : undefined;
  }
  return {
    first: ranges[0]!.first,
    last: ranges[ranges.length - 1]!.last,
    days: ranges.reduce((sum, { first, last }) => sum + daysBetween(first, last) + 1, 0),
  };
}

function publishedDate(firstPage: string): IsoDate | undefined {
  const stated = new RegExp(`report published:?\\s*(\\d{1,2}\\s+${MONTH}\\s+\\d{4})`, 'i').exec(collapse(firstPage));
  return stated ? readExactDate(stated[1]!) : undefined;
}

/** Grades as the front matter writes them. */
function gradeOf(text: string): string {
  const words = collapse(text).toLowerCase();
  return words.startsWith('require') ? 'requires improvement to be good' : words;
}

/** The judgement areas as each framework labels them in its table of grades. */
const JUDGEMENT_LABELS: Record<'ILACS' | 'SIF', readonly { key: string; label: RegExp }[]> = {
  ILACS: [
    { key: 'leaders', label: /^the impact of leaders\b/i },
    { key: 'help-and-protection', label: /^the experiences and progress of children who need\b/i },
    { key: 'children-in-care', label: /^the experiences and progress of children in\b/i },
    { key: 'care-leavers', label: /^the experiences and progress of care\b/i },
    { key: 'overall-effectiveness', label: /^overall effectiveness\b/i },
  ],
  SIF: [
    { key: 'help-and-protection', label: /^(?:1\.\s*)?children who need help\b/i },
    { key: 'children-in-care', label: /^(?:2\.\s*)?children looked after\b/i },
    { key: 'adoption', label: /^(?:2\.1\s*)?adoption performance\b/i },
    { key: 'care-leavers', label: /^(?:2\.2\s*)?experiences and progress of care leavers\b/i },
    { key: 'leaders', label: /^(?:3\.\s*)?leadership, management and governance\b/i },
  ],
};

/** Where the table starts: ILACS's "Judgement   Grade" header, or SIF's sentence before its list. */
const TABLE_HEADER = /^\s*judgement\s{2,}grade\b|judgements on areas of the service/i;
/** The label column is narrower than this; prose runs across the page. */
const LONGEST_LABEL_LINE = 65;

/** The grade column starts this far right at least. */
const GRADE_COLUMN = 30;
const GRADE_START = /^(?:requires?|improvement|to be good|good|outstanding|inadequate)\b/i;

/** A line of the table split into the label column and the grade column (text far to the right). */
function columns(line: string): { left: string; right: string } {
  const trimmed = line.trim();
  const startsFarRight = line.length - line.trimStart().length >= GRADE_COLUMN;
  // The first gap of 3 or more spaces (a linear scan: no backtracking over long runs of spaces).
  const gap = startsFarRight ? undefined : /\S\s{3,}(?=\S)/.exec(line);
  const rightStart = startsFarRight ? line.length - line.trimStart().length : gap ? gap.index + gap[0].length : -1;
  const right = rightStart >= 0 ? line.slice(rightStart).trim() : '';
  if (rightStart >= GRADE_COLUMN && GRADE_START.test(right)) return { left: startsFarRight ? '' : line.slice(0, gap!.index + 1).trim(), right };
  return { left: trimmed, right: '' };
}

/**
 * The table of grades. pdftotext prints a grade that wraps ("Requires improvement" / "to be good")
 * above, beside or below its label, so labels and grades are read as two sequences in page order
 * and paired in that order.
 */
function judgementsOf(firstPage: readonly string[], framework: 'ILACS' | 'SIF'): ReportJudgement[] {
  const labels = JUDGEMENT_LABELS[framework];
  const keys: string[] = [];
  const gradeText: string[] = [];
  const header = firstPage.findIndex((line) => TABLE_HEADER.test(line));
  const rows = firstPage.slice(header + 1).map(columns);
  for (const [index, { left, right }] of rows.entries()) {
    // The table ends at the first line of prose after it.
    if (keys.length > 0 && left.length > LONGEST_LABEL_LINE) break;
    // A label can wrap ("The experiences and progress of" / "children who need help and protection").
    const twoLines = `${left} ${rows[index + 1]?.left ?? ''}`;
    const label = left === '' ? undefined : labels.find(({ label }) => label.test(twoLines));
    if (label && !keys.includes(label.key)) keys.push(label.key);
    if (right !== '') gradeText.push(right);
  }
  const grades = [...gradeText.join(' ').matchAll(GRADE)].map((match) => gradeOf(match[0]));
  const judgements = grades.length === keys.length ? keys.map((key, index) => ({ key, grade: grades[index]! })) : [];

  if (framework === 'SIF') {
    const page = collapse(firstPage.join(' '));
    const overall = /overall judgement is(?: that children.s services (?:are|is|require))?\s+(requires?\s+improvement(?:\s+to\s+be\s+good)?|improvement|outstanding|good|inadequate)/i.exec(page);
    if (overall) judgements.push({ key: 'overall-effectiveness', grade: gradeOf(/^improvement/i.test(overall[1]!) ? 'requires improvement' : overall[1]!) });
    const board = /Local Safeguarding Children Board(?:\s*\(LSCB\))? (?:is|requires)\s+(requires?\s+improvement(?:\s+to\s+be\s+good)?|improvement|outstanding|good|inadequate)/i.exec(page);
    if (board) judgements.push({ key: 'lscb', grade: gradeOf(/^improvement/i.test(board[1]!) ? 'requires improvement' : board[1]!) });
  }
  return judgements;
}
