/**
 * The skeleton of a new plan from a few answers: front matter for the inspection, the plan period,
 * a first recommendation and a first action to fill in.
 */
import { readExactDate, type IsoDate } from './dates.js';
import { FRAMEWORKS, judgementsOf } from './frontMatter.js';

export const GRADES = ['outstanding', 'good', 'requires improvement to be good', 'inadequate'] as const;

/** How each framework's inspections are usually described, for `inspection.type`. */
export const INSPECTION_TYPES: Record<(typeof FRAMEWORKS)[number], readonly string[]> = {
  ILACS: ['standard inspection', 'short inspection'],
  SIF: ['single inspection'],
  JTAI: ['joint targeted area inspection'],
  'focused visit': ['focused visit'],
  'monitoring visit': ['monitoring visit'],
};

export interface NewPlanAnswers {
  /** The council's name; left out of the front matter when empty. */
  authority?: string;
  framework: string;
  inspectionType: string;
  /** The report's publication date, ISO. */
  published: IsoDate;
  /** A grade for each judgement key, in the order to write them. */
  judgements: readonly { key: string; grade: string }[];
}

/** The judgement keys a plan for this inspection records (none for visits and JTAIs). */
export function judgementKeysFor(framework: string, published: IsoDate | undefined): readonly string[] {
  return judgementsOf(framework, published).keys;
}

/** Reads a publication date as the front matter accepts it, or says how to write one. */
export function readPublishedDate(text: string): { date: IsoDate } | { problem: string } {
  const date = text.trim() === '' ? undefined : readExactDate(text.trim());
  return date ? { date } : { problem: 'Enter a date, such as 2025-06-28 or 28 June 2025.' };
}

/** The plan period: a year starting on the first day of the month after publication. */
export function periodAfter(published: IsoDate): { start: IsoDate; end: IsoDate } {
  const [year, month] = published.split('-').map(Number) as [number, number];
  const startYear = month === 12 ? year + 1 : year;
  const startMonth = month === 12 ? 1 : month + 1;
  const start = `${startYear}-${String(startMonth).padStart(2, '0')}-01`;
  const end = new Date(Date.UTC(startYear + 1, startMonth - 1, 0)).toISOString().slice(0, 10);
  return { start, end };
}

/** `2025-26` for a period from July 2025 to June 2026; `2026` when it starts in January. */
function yearsOf(period: { start: IsoDate; end: IsoDate }): string {
  const first = period.start.slice(0, 4);
  const last = period.end.slice(0, 4);
  return first === last ? first : `${first}-${last.slice(2)}`;
}

/** Quotes a YAML value when it would not read back as the same plain string. */
function yamlValue(value: string): string {
  const plain = /^[A-Za-z0-9][A-Za-z0-9 ,.'()&\u2019-]*$/.test(value) && !/:\s|\s#/.test(value);
  return plain ? value : JSON.stringify(value);
}

/** A recommendation to write into a skeleton: its heading and the report's words under it. */
export interface SkeletonRecommendation {
  id: string;
  title: string;
  text: string;
  /** A top-level heading to put it under (a `#` heading, written once before the first that has it). */
  section?: string;
}

/**
 * What a plan skeleton says: the inspection, as far as it is known, and either the report's
 * recommendations or (when there are none yet) one recommendation and one action to fill in.
 */
export interface PlanSkeleton {
  authority?: string;
  framework?: string;
  inspectionType?: string;
  /** Without it there is no period either: the period starts after publication. */
  published?: IsoDate;
  judgements: readonly { key: string; grade: string }[];
  recommendations?: readonly SkeletonRecommendation[];
}

/** The text of a new plan. */
export function newPlanText(answers: NewPlanAnswers): string {
  return planSkeletonText(answers);
}

/**
 * A one-line paragraph that stays a paragraph: a backslash before a marker at its start that would
 * make it a heading, list, quote, fence or HTML block. Other characters are left as they are, so
 * that the recommendation's text in the plan is the report's (the parser keeps the source text).
 */
export function markdownText(text: string): string {
  return text.replace(/^(?:[#>+*=_-]|`{3}|~{3}|<)/, '\\$&').replace(/^(\d{1,9})([.)])/, '$1\\$2');
}

const PUBLISHED_HINT = '  # published: the report does not give its publication date: add it, such as 2025-06-28';

/** The text of a plan skeleton. */
export function planSkeletonText(skeleton: PlanSkeleton): string {
  const period = skeleton.published ? periodAfter(skeleton.published) : undefined;
  const title = `Children's Services Improvement Plan${period ? ` ${yearsOf(period)}` : ''}`;
  const authority = skeleton.authority?.replace(/\s+/g, ' ').trim() ?? '';
  const framework = FRAMEWORKS.find((name) => name.toLowerCase() === skeleton.framework?.toLowerCase()) ?? skeleton.framework;
  const inspectionType = skeleton.inspectionType?.trim() ?? '';
  const lines = ['---', `title: ${yamlValue(title)}`];
  if (authority !== '') lines.push(`authority: ${yamlValue(authority)}`);
  lines.push('inspection:');
  if (framework) lines.push(`  framework: ${yamlValue(framework)}`);
  if (inspectionType !== '') lines.push(`  type: ${yamlValue(inspectionType)}`);
  lines.push(skeleton.published ? `  published: ${skeleton.published}` : PUBLISHED_HINT);
  if (skeleton.judgements.length > 0) {
    lines.push('  judgements:', ...skeleton.judgements.map(({ key, grade }) => `    ${key}: ${grade}`));
  }
  if (period) lines.push('period:', `  start: ${period.start}`, `  end: ${period.end}`);
  lines.push('---', '', `# ${authority !== '' ? `${authority}: ` : ''}${title}`, '');
  if (skeleton.recommendations === undefined) {
    lines.push(
      '## R1 Title of the first recommendation',
      '',
      "The recommendation's text, copied word for word from the inspection report.",
      '',
      '### A1.1 Verb and named deliverable',
      '',
      '- Owner: Head of Service',
      `- Due: ${period?.end ?? 'a date'}`,
      '- Measure: a number, percentage or document that will show the action worked',
      '- Status: Not started',
      '',
    );
    return lines.join('\n');
  }
  let section: string | undefined;
  for (const recommendation of skeleton.recommendations) {
    if (recommendation.section !== undefined && recommendation.section !== section) {
      section = recommendation.section;
      lines.push(`# ${markdownText(section)}`, '');
    }
    const heading = markdownText(recommendation.title.replace(/\s+/g, ' ').trim());
    lines.push(`## ${recommendation.id}${heading === '' ? '' : ` ${heading}`}`, '', markdownText(recommendation.text.replace(/\s+/g, ' ').trim()), '');
  }
  return lines.join('\n');
}
