/**
 * What every export shows, built once from the engine's analysis: the plan's metadata, the RAG
 * counts, one row per action (with its SMART score and problems), and the actions grouped under
 * the recommendations they address. The format modules only lay this out.
 */
import { formatDate, readDate, type DateReading, type IsoDate } from '../engine/dates.js';
import type { LintResult, PlanDiagnostic } from '../engine/lint.js';
import type { Action, FieldName } from '../engine/model.js';
import { outlinePlan } from '../engine/outline.js';
import type { RuleCode, Severity } from '../engine/severity.js';
import { scorecard } from '../engine/smart/scorecard.js';
import { STATUS_LABELS, type Status } from '../engine/status.js';
import { summariseAction, type Counts } from '../engine/summary.js';

/** A Start or Due value: as written, and as a date when it reads as one. */
export interface ExportedDate {
  text: string;
  date: IsoDate | undefined;
}

export interface ExportedRecommendation {
  id: string;
  title: string;
  /** The report's words under the heading. */
  text: string;
}

export interface ExportedProblem {
  code: RuleCode;
  severity: Severity;
  message: string;
}

/** The action's SMART scorecard (server/src/engine/smart/scorecard.ts), as the code lens shows it. */
export interface SmartScore {
  passed: number;
  /** Letters checked: not silenced by a plan-ignore comment, nor turned off. */
  checked: number;
  /** The letters with a problem, in SMART order. */
  failed: string[];
}

export interface ActionRow {
  actionId: string;
  statement: string;
  /** Every recommendation the action addresses; `title` is empty for an ID that no recommendation declares. */
  recommendations: ExportedRecommendation[];
  owner: string;
  start: ExportedDate;
  due: ExportedDate;
  measure: string;
  /** The RAG value, or undefined when Status is missing or not one of the dialect's values. */
  status: Status | undefined;
  /** The Status value as written. */
  statusText: string;
  evidence: string;
  /** Days past Due against the plan's as-of date; 0 when not overdue or complete. */
  daysOverdue: number;
  smart: SmartScore;
  problems: ExportedProblem[];
}

export interface RecommendationGroup extends ExportedRecommendation {
  actions: ActionRow[];
}

export interface PlanMetadata {
  title: string | undefined;
  /** The council (front matter `authority`). */
  authority: string | undefined;
  framework: string | undefined;
  inspectionType: string | undefined;
  published: string | undefined;
  periodStart: string | undefined;
  periodEnd: string | undefined;
  /** The date progress is reported at: `as-of`, or the day of the export. */
  asOf: IsoDate;
  /** The file named by `recommendations:`, when it was read. */
  recommendationsFile: string | undefined;
}

export interface PlanExport {
  metadata: PlanMetadata;
  counts: Counts;
  /** Every action once, in the plan's order. */
  rows: ActionRow[];
  /** Each recommendation (the plan's and its recommendations file's) with the actions addressing it. */
  recommendations: RecommendationGroup[];
  /** Actions that address no recommendation the plan knows. */
  otherActions: ActionRow[];
}

export interface ExportOptions {
  /** Whether a rule is turned off for this plan: its SMART letter is then not checked rather than passed. */
  isRuleOff?: (code: RuleCode) => boolean;
}

/** RAG colours shared by every format (hex, no `#`): fills light enough for black text. */
export const STATUS_COLOURS: Record<Status, string> = {
  'not started': 'D9D9D9',
  red: 'E06666',
  amber: 'FFC000',
  green: '93C47D',
  blue: '6FA8DC',
};

export const STATUS_ORDER: readonly (Status | 'none')[] = ['red', 'amber', 'green', 'blue', 'not started', 'none'];

/** `Amber`, `Blue (complete)`, `No status`: how a status is named in exports. */
export function statusName(status: Status | 'none'): string {
  if (status === 'none') return 'No status';
  return status === 'blue' ? 'Blue (complete)' : STATUS_LABELS[status];
}

/** What the Status cell of an action says: the RAG label, or the text as written when it is not one. */
export const statusCell = (row: ActionRow): string => (row.status ? STATUS_LABELS[row.status] : row.statusText);

/** `3/5`; `4/4` when a letter's rule is off or silenced. */
export const smartCell = (row: ActionRow): string => `${row.smart.passed}/${row.smart.checked}`;

export const problemsCell = (row: ActionRow): string => row.problems.map((p) => `${p.severity} ${p.code}: ${p.message}`).join('\n');

export function recommendationCell(row: ActionRow): string {
  return row.recommendations
    .map((r) => [r.title ? `${r.id} ${r.title}` : r.id, r.text].filter((part) => part !== '').join('\n'))
    .join('\n\n');
}

/** A cell of the action table: text, or a date (written as a real date where the format has them). */
export type CellValue = string | { date: IsoDate; text: string };

export interface ActionColumn {
  header: string;
  /** Width in characters, for spreadsheets. */
  width: number;
  value(row: ActionRow): CellValue;
}

const dateCell = (value: ExportedDate): CellValue => (value.date ? { date: value.date, text: value.text } : value.text);

/** The columns of the XLSX and CSV exports, in order. */
export const ACTION_COLUMNS: readonly ActionColumn[] = [
  { header: 'Recommendation', width: 40, value: recommendationCell },
  { header: 'Action ID', width: 10, value: (row) => row.actionId },
  { header: 'Action', width: 50, value: (row) => row.statement },
  { header: 'Owner', width: 28, value: (row) => row.owner },
  { header: 'Start', width: 13, value: (row) => dateCell(row.start) },
  { header: 'Due', width: 13, value: (row) => dateCell(row.due) },
  { header: 'Measure', width: 45, value: (row) => row.measure },
  { header: 'Status', width: 13, value: statusCell },
  { header: 'Evidence', width: 40, value: (row) => row.evidence },
  { header: 'SMART', width: 8, value: smartCell },
  { header: 'Problems', width: 60, value: problemsCell },
];

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

export function buildPlanExport({ plan, analysis, diagnostics }: LintResult, options: ExportOptions = {}): PlanExport {
  const front = plan.frontMatter;
  const problemsByHeading = new Map<number, PlanDiagnostic[]>();
  for (const diagnostic of diagnostics) {
    const element = diagnostic.data?.element;
    if (element?.kind !== 'action') continue;
    const list = problemsByHeading.get(element.heading) ?? [];
    list.push(diagnostic);
    problemsByHeading.set(element.heading, list);
  }

  const rowOf = (action: Action): ActionRow => {
    const facts = analysis.factsOf(action);
    const field = (name: FieldName): string => {
      const found = facts.field(name);
      if (!found) return '';
      // Milestones, Progress and long Evidence may be a nested list: keep its entries, one a line.
      return [found.valueText, ...found.items.map((item) => collapse(item.text))].filter((part) => part !== '').join('\n');
    };
    const exportedDate = (name: 'start' | 'due', reading: DateReading | undefined): ExportedDate => ({
      text: field(name),
      date: reading?.kind === 'date' ? reading.date : undefined,
    });
    const problems = problemsByHeading.get(action.headingRange.start) ?? [];
    const card = scorecard(action, diagnostics, options.isRuleOff);
    return {
      actionId: action.id,
      statement: collapse(action.statement.text),
      recommendations: facts.addressedIds.map((id) => {
        const recommendation = analysis.recommendationsById.get(id);
        return { id, title: recommendation ? collapse(recommendation.title.text) : '', text: recommendation ? collapse(recommendation.text) : '' };
      }),
      owner: field('owner'),
      start: exportedDate('start', facts.start),
      due: exportedDate('due', facts.due),
      measure: field('measure'),
      status: facts.status,
      statusText: field('status'),
      evidence: field('evidence'),
      daysOverdue: summariseAction(action, analysis).daysOverdue,
      smart: { passed: card.passed, checked: card.checked, failed: card.letters.filter((l) => l.result === 'failed').map((l) => l.letter) },
      problems: problems.map(({ code, severity, message }) => ({ code, severity, message })),
    };
  };

  const rows = new Map<number, ActionRow>(plan.actions.map((action) => [action.headingRange.start, rowOf(action)]));
  const outline = outlinePlan(analysis);
  const byHeading = (heading: number): ActionRow => rows.get(heading)!;
  return {
    metadata: {
      title: front?.title?.value,
      authority: front?.authority?.value,
      framework: front?.framework?.value,
      inspectionType: front?.inspectionType?.value,
      published: dateText(front?.published?.value),
      periodStart: dateText(front?.periodStart?.value),
      periodEnd: dateText(front?.periodEnd?.value),
      asOf: analysis.asOf,
      recommendationsFile: analysis.external?.name,
    },
    counts: outline.counts,
    rows: [...rows.values()],
    recommendations: outline.recommendations.map((recommendation) => {
      const declared = analysis.recommendationsById.get(recommendation.id);
      return {
        id: recommendation.id,
        title: recommendation.title,
        text: declared ? collapse(declared.text) : '',
        actions: recommendation.actions.map((action) => byHeading(action.headingRange.start)),
      };
    }),
    otherActions: outline.otherActions.map((action) => byHeading(action.headingRange.start)),
  };
}

/** Front-matter dates as ISO when they read as a date (`2025-06-28`), else as written. */
function dateText(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const reading = readDate(value);
  return reading.kind === 'date' ? reading.date : value;
}

/** An ISO date as `28 June 2025`; anything else as written. */
export function readableDate(value: string | undefined): string | undefined {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : value;
}

/** `1 July 2025 to 30 June 2026`, or undefined when the plan gives no period. */
/** The plan's details as label and value, for the top of every export. */
export function detailRows(metadata: PlanMetadata): [string, string | undefined][] {
  return [
    ['Council', metadata.authority],
    ['Inspection', inspectionText(metadata)],
    ['Plan period', periodText(metadata)],
    ['Progress as of', formatDate(metadata.asOf)],
    ['Recommendations file', metadata.recommendationsFile],
  ];
}

export function periodText(metadata: PlanMetadata): string | undefined {
  if (!metadata.periodStart && !metadata.periodEnd) return undefined;
  return `${readableDate(metadata.periodStart) ?? 'no start'} to ${readableDate(metadata.periodEnd) ?? 'no end'}`;
}

/** `ILACS, standard inspection, report published 12 July 2024`. */
export function inspectionText(metadata: PlanMetadata): string | undefined {
  const parts = [metadata.framework, metadata.inspectionType, metadata.published ? `report published ${readableDate(metadata.published)}` : undefined];
  const text = parts.filter((part) => part).join(', ');
  return text === '' ? undefined : text;
}

/** One paragraph for a reader who reads nothing else: the counts in words. */
export function summarySentence({ metadata, counts, recommendations }: PlanExport): string {
  const plural = (n: number, word: string, words = `${word}s`): string => `${n} ${n === 1 ? word : words}`;
  const by = counts.byStatus;
  const parts = [
    `${by.blue} complete (Blue)`,
    `${by.green} on track (Green)`,
    `${by.amber} at risk (Amber)`,
    `${by.red} off track (Red)`,
    `${by['not started']} not started`,
    ...(by.none > 0 ? [`${by.none} with no valid status`] : []),
  ];
  return (
    `The plan has ${plural(counts.actions, 'action')} addressing ${plural(recommendations.length, 'recommendation')}. ` +
    `At ${formatDate(metadata.asOf)}, ${parts.join(', ')}; ${plural(counts.overdue, 'action is', 'actions are')} overdue.`
  );
}
