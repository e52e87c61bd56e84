/**
 * Importing an Ofsted report: its text (as pdftotext or unpdf prints it) → what it states about
 * the inspection and its recommendations → the skeleton of a plan that answers them.
 * Pure: the caller reads the file (server/src/node/reportFile.ts).
 */
import type { IsoDate } from '../dates.js';
import { planSkeletonText, readPublishedDate, type SkeletonRecommendation } from '../newPlan.js';
import { readFacts, type ReportFacts } from './facts.js';
import { reportLines } from './layout.js';
import { findRecommendations, type FoundRecommendation, type RecommendationKind } from './recommendations.js';

export type { ReportFacts, ReportFramework, ReportJudgement, InspectionDates } from './facts.js';
export type { RecommendationKind } from './recommendations.js';

export interface ImportedRecommendation {
  /** `R1`, `R27` or `P12`: ILACS lists are numbered in order, SIF items keep the report's paragraph number. */
  id: string;
  kind: RecommendationKind;
  /** The report's words, verbatim up to white space and bullets. */
  text: string;
  body: FoundRecommendation['body'];
}

export interface ImportedReport extends ReportFacts {
  recommendations: ImportedRecommendation[];
}

export type ImportResult = { report: ImportedReport } | { problem: string };

const PRIORITY_KINDS: readonly RecommendationKind[] = ['priority and immediate action', 'area for priority action'];

/** Reads a report's text; a problem says why it cannot be imported. */
export function importReport(text: string): ImportResult {
  if (text.trim() === '') return { problem: 'The report is empty: paste the text of an Ofsted report, or choose its .pdf or .txt file.' };
  const lines = reportLines(text);
  const facts = readFacts(lines);
  const found = findRecommendations(lines);
  if (!facts.framework && found.length === 0) {
    return {
      problem:
        "This does not look like an Ofsted report on a council's children's services: it has no ILACS or SIF title and no \"What needs to improve?\", \"Priority and immediate action\" or \"Areas for improvement\" list.",
    };
  }
  return { report: { ...facts, recommendations: numbered(found) } };
}

/** IDs: a SIF item keeps its paragraph number; otherwise R1, R2, ... and P1, P2, ... in order. */
function numbered(found: readonly FoundRecommendation[]): ImportedRecommendation[] {
  const used = new Set<string>();
  const counters = { R: 0, P: 0 };
  return found.map(({ kind, number, text, body }) => {
    const prefix = PRIORITY_KINDS.includes(kind) ? 'P' : 'R';
    let id = number !== undefined ? `${prefix}${number}` : '';
    while (id === '' || used.has(id)) id = `${prefix}${++counters[prefix]}`;
    used.add(id);
    return { id, kind, text, body };
  });
}

/** Words a shortened title should not end on. */
const TRAILING_WORDS = /\s+(?:a|an|the|of|to|for|and|or|in|on|at|by|with|from|that|which|who|their|its|is|are|be)$/i;

/**
 * A short heading title from the recommendation's words: its first sentence when that is short,
 * else its first words and an ellipsis (not cut at a comma: the commas often separate a list).
 */
export function titleOf(text: string, maxLength = 70): string {
  const words = text.replace(/\s+/g, ' ').trim();
  const sentence = (/^.+?[.;](?=\s|$)/.exec(words)?.[0] ?? words).replace(/[\s.;]+$/, '');
  if (sentence.length <= maxLength) return sentence;
  let cut = sentence.slice(0, maxLength - 9).replace(/\s+\S*$/, '').replace(/[\s,;:(–—-]+$/, '');
  while (TRAILING_WORDS.test(cut)) cut = cut.replace(TRAILING_WORDS, '').replace(/[\s,;:(–—-]+$/, '');
  return `${cut}…`;
}

export interface ImportOptions {
  /** The publication date, when the report does not print it (ILACS reports do not): ISO or "29 January 2025". */
  published?: string;
}

/** A plan skeleton made from a report, and what to tell the user about it. */
export interface ImportedPlan {
  text: string;
  report: ImportedReport;
  /** One sentence: what was found. */
  summary: string;
  /** What the user should check or add. */
  notes: string[];
  /** The publication date written into the plan: the report's, or the one given in the options. */
  published: IsoDate | undefined;
}

/** The plan skeleton: front matter from the report, then one heading per recommendation with its words. */
export function importedPlanText(report: ImportedReport, published: IsoDate | undefined = report.published): string {
  const recommendations: SkeletonRecommendation[] = report.recommendations.map(({ id, text, body }) => ({
    id,
    title: titleOf(text),
    text,
    section: body === 'LSCB' ? 'Recommendations for the Local Safeguarding Children Board' : undefined,
  }));
  return planSkeletonText({
    authority: report.authority,
    framework: report.framework,
    inspectionType: report.inspectionType,
    published,
    judgements: report.judgements,
    // With none found, the skeleton has one recommendation and one action to fill in.
    recommendations: recommendations.length > 0 ? recommendations : undefined,
  });
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Reads a report's text and writes the plan skeleton, or says why it cannot. */
export function importPlan(reportText: string, options: ImportOptions = {}): ImportedPlan | { problem: string } {
  let published: IsoDate | undefined;
  if (options.published !== undefined) {
    const read = readPublishedDate(options.published);
    if ('problem' in read) return { problem: `The publication date "${options.published}" cannot be read. ${read.problem}` };
    published = read.date;
  }
  const imported = importReport(reportText);
  if ('problem' in imported) return imported;
  const { report } = imported;
  const priority = report.recommendations.filter((r) => r.id.startsWith('P')).length;
  const board = report.recommendations.filter((r) => r.body === 'LSCB').length;
  const kinds = [plural(report.recommendations.length - priority, 'recommendation'), ...(priority > 0 ? [plural(priority, 'priority action')] : [])];
  const about = [report.framework, report.inspectionType].filter((part) => part !== undefined && part !== report.framework?.toLowerCase());
  const summary = `Found ${kinds.join(' and ')} in ${about.length > 0 ? `the ${about.join(' ')} report` : 'the report'}${report.authority ? ` on ${report.authority}` : ''}.`;

  const notes: string[] = [];
  if (report.recommendations.length === 0) {
    notes.push('No "What needs to improve?", "Priority and immediate action" or "Areas for improvement" list was found: the plan has one recommendation to fill in.');
  }
  if (board > 0) notes.push(`${plural(board, 'recommendation')} for the Local Safeguarding Children Board are under a heading of their own.`);
  if (!report.framework) notes.push('The report does not say which framework it was inspected under: add inspection.framework to the front matter.');
  if (report.framework && report.judgements.length === 0 && (report.framework === 'ILACS' || report.framework === 'SIF')) {
    notes.push('The table of judgements and grades was not found: add inspection.judgements to the front matter.');
  }
  published ??= report.published;
  if (!published) notes.push('The report does not give its publication date: add it to the front matter as inspection.published (this also sets the plan period).');
  return { text: importedPlanText(report, published), report, summary, notes, published };
}
