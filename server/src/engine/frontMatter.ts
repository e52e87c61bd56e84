/** Reading a plan's YAML front matter into typed values with ranges, and every problem in it. */
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { readExactDate } from './dates.js';
import type { FrontMatter, FrontMatterProblem, Judgement, Located, Range } from './model.js';
import { isRuleCode, isSeveritySetting, SEVERITY_SETTINGS } from './severity.js';

export const FRAMEWORKS = ['ILACS', 'SIF', 'JTAI', 'focused visit', 'monitoring visit'] as const;

/** Grades on the four-point scale, with the short forms plans use. */
const GRADES = new Map<string, string>([
  ['outstanding', 'outstanding'],
  ['good', 'good'],
  ['requires improvement to be good', 'requires improvement to be good'],
  ['requires improvement', 'requires improvement to be good'],
  ['ri', 'requires improvement to be good'],
  ['inadequate', 'inadequate'],
]);

export const JUDGEMENT_KEYS = ['leaders', 'help-and-protection', 'children-in-care', 'care-leavers', 'adoption', 'lscb', 'overall-effectiveness'] as const;

/** The judgements a framework gives, by the publication date of the report. */
export function judgementsOf(framework: string, published: string | undefined): { label: string; keys: readonly string[] } {
  switch (framework.toLowerCase()) {
    case 'sif':
      return { label: 'SIF', keys: JUDGEMENT_KEYS };
    case 'ilacs':
      if (published !== undefined && published < '2023-01-01') {
        return { label: 'ILACS before 2023', keys: ['leaders', 'help-and-protection', 'children-in-care', 'overall-effectiveness'] };
      }
      if (published !== undefined && published >= '2026-04-01') {
        return { label: 'ILACS from April 2026', keys: ['leaders', 'help-and-protection', 'children-in-care', 'care-leavers'] };
      }
      return { label: 'ILACS', keys: ['leaders', 'help-and-protection', 'children-in-care', 'care-leavers', 'overall-effectiveness'] };
    default:
      return { label: `A ${framework}`, keys: [] };
  }
}

/** A key that is absent, or present with nothing after it (`owners:`). */
const isBlank = (node: unknown): boolean => node === undefined || node === null || (isScalar(node) && node.value === null);

const oneLine = (message: string): string => message.split('\n')[0]!.trim();

/**
 * @param source the YAML text between the fences
 * @param base the offset of `source` in the whole document
 * @param range the whole front matter block, fences included
 */
export function readFrontMatter(source: string, base: number, range: Range): FrontMatter {
  const problems: FrontMatterProblem[] = [];
  const result: FrontMatter = { range, judgements: [], rules: {}, problems };
  const at = (node: YamlNode | null | undefined, fallback: Range = range): Range =>
    node?.range ? { start: base + node.range[0], end: base + node.range[1] } : fallback;
  const problem = (message: string, where: Range, maxSeverity?: FrontMatterProblem['maxSeverity']): void => {
    problems.push(maxSeverity ? { message, range: where, maxSeverity } : { message, range: where });
  };

  let document: Document;
  try {
    document = parseDocument(source, { uniqueKeys: true, prettyErrors: false });
  } catch (error) {
    problem(`The front matter could not be read: ${(error as Error).message}`, range);
    return result;
  }
  for (const error of document.errors) {
    const [start, end] = error.pos;
    problem(`The front matter is not valid YAML: ${oneLine(error.message)}`, { start: base + start, end: base + Math.max(end, start + 1) });
  }
  if (document.errors.length > 0) return result;
  const root = document.contents;
  if (root === null) return result;
  if (!isMap(root)) {
    problem('The front matter should be a set of `key: value` lines.', at(root));
    return result;
  }

  const scalarText = (node: unknown): Located<string> | undefined => {
    if (!isScalar(node) || node.value === null || typeof node.value === 'object') return undefined;
    return { value: String(node.value).trim(), range: at(node) };
  };
  const text = (path: string[], label: string): Located<string> | undefined => {
    const node = document.getIn(path, true) as YamlNode | undefined;
    if (isBlank(node)) return undefined;
    const value = scalarText(node);
    if (!value) problem(`\`${label}\` should be a single value.`, at(node));
    return value;
  };
  // A month given as the start of the period means its first day; anywhere else, its last.
  const date = (path: string[], label: string, boundary: 'first' | 'last' = 'last'): Located<string> | undefined => {
    const value = text(path, label);
    if (!value) return undefined;
    const iso = readExactDate(value.value, boundary);
    if (!iso) {
      problem(`\`${label}\` is not a date: write it as 2025-06-28 or 28 June 2025.`, value.range);
      return undefined;
    }
    return { value: iso, range: value.range };
  };

  const title = text(['title'], 'title');
  if (title) result.title = title;
  const authority = text(['authority'], 'authority');
  if (authority) result.authority = authority;

  const inspection = document.get('inspection', true);
  if (!isBlank(inspection) && !isMap(inspection)) {
    problem('`inspection` should hold `framework`, `type`, `published` and `judgements`.', at(inspection as YamlNode));
  }
  const framework = text(['inspection', 'framework'], 'inspection.framework');
  if (framework) {
    const known = FRAMEWORKS.find((name) => name.toLowerCase() === framework.value.toLowerCase());
    if (known) result.framework = { value: known, range: framework.range };
    else problem(`Unknown framework "${framework.value}": expected one of ${FRAMEWORKS.join(', ')}.`, framework.range);
  }
  const type = text(['inspection', 'type'], 'inspection.type');
  if (type) result.inspectionType = type;
  const published = date(['inspection', 'published'], 'inspection.published');
  if (published) result.published = published;
  readJudgements(document.getIn(['inspection', 'judgements'], true), result, at, problem);

  const period = document.get('period', true);
  if (!isBlank(period) && !isMap(period)) {
    problem('`period` should hold `start` and `end` dates.', at(period as YamlNode));
  }
  const periodStart = date(['period', 'start'], 'period.start', 'first');
  if (periodStart) result.periodStart = periodStart;
  const periodEnd = date(['period', 'end'], 'period.end');
  if (periodEnd) result.periodEnd = periodEnd;
  if (periodStart && periodEnd && periodEnd.value < periodStart.value) {
    problem('The plan period ends before it starts.', periodEnd.range);
  }
  const asOf = date(['as-of'], 'as-of');
  if (asOf) result.asOf = asOf;

  // The plan's own dates, checked against the deadlines after areas for priority action.
  const planDates = document.get('plan', true);
  if (!isBlank(planDates) && !isMap(planDates)) {
    problem('`plan` should hold the `draft` and `final` dates of the plan.', at(planDates as YamlNode));
  }
  const planDraft = date(['plan', 'draft'], 'plan.draft');
  if (planDraft) result.planDraft = planDraft;
  const planFinal = date(['plan', 'final'], 'plan.final');
  if (planFinal) result.planFinal = planFinal;
  if (planDraft && planFinal && planFinal.value < planDraft.value) {
    problem('The final plan is dated before the draft.', planFinal.range);
  }

  const owners = document.get('owners', true);
  if (!isBlank(owners)) {
    if (!isSeq(owners)) {
      problem('`owners` should be a list, one role or name per line starting with `- `.', at(owners as YamlNode));
    } else {
      result.owners = [];
      for (const item of owners.items) {
        const owner = scalarText(item);
        if (owner && owner.value !== '') result.owners.push(owner);
        else problem('Each entry of `owners` should be a role or a name.', at(item as YamlNode));
      }
    }
  }

  const recommendationsFile = text(['recommendations'], 'recommendations');
  if (recommendationsFile) result.recommendationsFile = recommendationsFile;

  const rules = document.get('rules', true);
  if (!isBlank(rules)) {
    if (!isMap(rules)) {
      problem('`rules` should map rule codes to severities, for example `smart-achievable: off`.', at(rules as YamlNode));
    } else {
      for (const pair of rules.items) {
        const code = scalarText(pair.key);
        const severity = scalarText(pair.value);
        if (!code) continue;
        if (!isRuleCode(code.value)) problem(`Unknown rule "${code.value}" in \`rules\`.`, code.range);
        else if (!severity || !isSeveritySetting(severity.value)) {
          problem(`The severity of ${code.value} should be one of ${SEVERITY_SETTINGS.join(', ')}.`, severity?.range ?? code.range);
        } else result.rules[code.value] = severity;
      }
    }
  }
  return result;
}

function readJudgements(
  node: unknown,
  result: FrontMatter,
  at: (node: YamlNode | null | undefined) => Range,
  problem: (message: string, where: Range, maxSeverity?: FrontMatterProblem['maxSeverity']) => void,
): void {
  if (isBlank(node)) return;
  if (!isMap(node)) {
    problem('`judgements` should map each judgement to its grade, for example `leaders: good`.', at(node as YamlNode));
    return;
  }
  const framework = result.framework ? judgementsOf(result.framework.value, result.published?.value) : undefined;
  for (const pair of node.items) {
    if (!isScalar(pair.key)) continue;
    const key = { text: String(pair.key.value), range: at(pair.key) };
    const gradeNode = isScalar(pair.value) && pair.value.value !== null ? pair.value : undefined;
    const grade = gradeNode ? { text: String(gradeNode.value), range: at(gradeNode) } : undefined;
    const judgement: Judgement = { key, grade };
    result.judgements.push(judgement);

    if (!(JUDGEMENT_KEYS as readonly string[]).includes(key.text)) {
      problem(`Unknown judgement "${key.text}": expected one of ${JUDGEMENT_KEYS.join(', ')}.`, key.range, 'warning');
    } else if (framework && !framework.keys.includes(key.text)) {
      const reason = framework.keys.length === 0 ? 'gives no judgements' : `does not judge ${key.text}`;
      problem(`${framework.label} ${reason}.`, key.range, 'information');
    }
    if (!grade) {
      problem(`The grade for ${key.text} is missing: outstanding, good, requires improvement to be good or inadequate.`, key.range);
    } else if (!GRADES.has(grade.text.trim().toLowerCase())) {
      problem(`Unknown grade "${grade.text}": expected outstanding, good, requires improvement to be good (or RI) or inadequate.`, grade.range);
    }
  }
}
