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

/** The text of a new plan. */
export function newPlanText(answers: NewPlanAnswers): string {
  const period = periodAfter(answers.published);
  const title = `Children's Services Improvement Plan ${yearsOf(period)}`;
  const authority = answers.authority?.replace(/\s+/g, ' ').trim() ?? '';
  const framework = FRAMEWORKS.find((name) => name.toLowerCase() === answers.framework.toLowerCase()) ?? answers.framework;
  const lines = ['---', `title: ${yamlValue(title)}`];
  if (authority !== '') lines.push(`authority: ${yamlValue(authority)}`);
  lines.push('inspection:', `  framework: ${yamlValue(framework)}`, `  type: ${yamlValue(answers.inspectionType.trim())}`, `  published: ${answers.published}`);
  if (answers.judgements.length > 0) {
    lines.push('  judgements:', ...answers.judgements.map(({ key, grade }) => `    ${key}: ${grade}`));
  }
  lines.push(
    'period:',
    `  start: ${period.start}`,
    `  end: ${period.end}`,
    '---',
    '',
    `# ${authority !== '' ? `${authority}: ` : ''}${title}`,
    '',
    '## R1 Title of the first recommendation',
    '',
    "The recommendation's text, copied word for word from the inspection report.",
    '',
    '### A1.1 Verb and named deliverable',
    '',
    '- Owner: Head of Service',
    `- Due: ${period.end}`,
    '- Measure: a number, percentage or document that will show the action worked',
    '- Status: Not started',
    '',
  );
  return lines.join('\n');
}
