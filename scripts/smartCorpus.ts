/**
 * The labelled SMART corpus (test/fixtures/smart/corpus.json): its types, a check of its shape,
 * how an item is rendered to a small plan in the dialect, and how the engine's diagnostics on the
 * item's action are scored against the labels. Used by scripts/evalSmart.ts (npm run eval:smart)
 * and by test/engine/smartCorpus.test.ts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lintText, type Action, type LintOptions, type LintResult, type PlanDiagnostic, type RuleCode } from '../server/src/engine/index.js';

export const LETTERS = ['S', 'M', 'A', 'R', 'T'] as const;
export type Letter = (typeof LETTERS)[number];
export type Part = 'dev' | 'test';
export const PARTS: readonly Part[] = ['dev', 'test'];

export const CORPUS_PATH = fileURLToPath(new URL('../test/fixtures/smart/corpus.json', import.meta.url));

/** The codes that count as failing each letter when the engine reports them on the item's action. */
export const LETTER_CODES: Readonly<Record<Letter, readonly RuleCode[]>> = {
  S: ['smart-specific'],
  M: ['smart-measurable'],
  A: ['smart-achievable'],
  R: ['smart-relevant', 'unlinked-action', 'unknown-recommendation'],
  T: ['smart-time-bound'],
};

export interface CorpusRecommendation {
  id: string;
  text: string;
}

export interface CorpusContext {
  council: string;
  published: string | null;
  framework: 'ILACS' | 'SIF';
  period: { start: string; end: string };
  recommendations: CorpusRecommendation[];
}

export interface CorpusSibling {
  statement: string;
  owner: string | null;
  due: string | null;
  measure: string | null;
  links: string[];
  start?: string | null;
  status?: string | null;
}

/** An action's own fields, as the corpus gives them and as the rendered plan writes them. */
interface ActionFields {
  statement: string;
  owner: string | null;
  start: string | null;
  due: string | null;
  measure: string | null;
  status: string | null;
  links: string[];
}

export interface CorpusItem extends ActionFields {
  id: string;
  split: Part;
  origin: 'real' | 'written';
  source: string;
  context: string;
  siblings?: CorpusSibling[];
  labels: Record<Letter, boolean>;
  why: Record<Letter, string>;
}

export interface Corpus {
  contexts: Record<string, CorpusContext>;
  actions: CorpusItem[];
}

/** The ID the item's own action gets in its rendered plan; siblings follow as A2, A3... */
export const MAIN_ACTION_ID = 'A1';

/** Share of the corpus in the development part, by the item's ID hash (see splitOf). */
const DEV_PERCENT = 55;

/** FNV-1a, 32 bits: a stable hash of the ID, so an item's part never depends on its labels. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The part an item belongs to: decided by its ID alone, so relabelling never moves it. */
export function splitOf(id: string): Part {
  return fnv1a(id) % 100 < DEV_PERCENT ? 'dev' : 'test';
}

export function loadCorpus(path = CORPUS_PATH): Corpus {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the SMART corpus ${path}: ${(error as Error).message}`);
  }
  const problems = corpusProblems(data);
  if (problems.length > 0) {
    throw new Error(`The SMART corpus ${path} is not valid:\n  ${problems.slice(0, 20).join('\n  ')}`);
  }
  return data as Corpus;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTextOrNull(value: unknown): boolean {
  return value === null || (typeof value === 'string' && value.trim() !== '');
}

function isIdList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((id) => typeof id === 'string' && /^[RP]\d+$/.test(id));
}

/** Everything wrong with the corpus's shape, one message each; empty when it is well formed. */
export function corpusProblems(data: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(data) || !isObject(data.contexts) || !Array.isArray(data.actions)) {
    return ['the corpus must be an object with "contexts" (an object) and "actions" (an array)'];
  }
  for (const [name, context] of Object.entries(data.contexts)) {
    const where = `context ${name}`;
    if (!isObject(context)) {
      problems.push(`${where}: not an object`);
      continue;
    }
    if (typeof context.council !== 'string' || context.council === '') problems.push(`${where}: no council`);
    if (context.published !== null && !(typeof context.published === 'string' && ISO_DATE.test(context.published))) {
      problems.push(`${where}: published must be an ISO date or null`);
    }
    if (context.framework !== 'ILACS' && context.framework !== 'SIF') problems.push(`${where}: framework must be ILACS or SIF`);
    const period = context.period;
    if (!isObject(period) || typeof period.start !== 'string' || typeof period.end !== 'string' ||
      !ISO_DATE.test(period.start) || !ISO_DATE.test(period.end) || period.start >= period.end) {
      problems.push(`${where}: period needs ISO start before ISO end`);
    }
    if (!Array.isArray(context.recommendations)) {
      problems.push(`${where}: recommendations must be an array`);
      continue;
    }
    context.recommendations.forEach((recommendation, index) => {
      if (!isObject(recommendation) || recommendation.id !== `R${index + 1}` ||
        typeof recommendation.text !== 'string' || recommendation.text.trim() === '') {
        problems.push(`${where}: recommendation ${index + 1} must be { id: "R${index + 1}", text }`);
      }
    });
  }
  const ids = new Set<string>();
  data.actions.forEach((item, index) => {
    if (!isObject(item)) {
      problems.push(`action ${index}: not an object`);
      return;
    }
    const where = `action ${typeof item.id === 'string' ? item.id : index}`;
    if (typeof item.id !== 'string' || item.id === '') problems.push(`${where}: no id`);
    else if (ids.has(item.id)) problems.push(`${where}: duplicate id`);
    else ids.add(item.id);
    if (item.split !== 'dev' && item.split !== 'test') problems.push(`${where}: split must be dev or test`);
    if (item.origin !== 'real' && item.origin !== 'written') problems.push(`${where}: origin must be real or written`);
    if (typeof item.source !== 'string' || item.source === '') problems.push(`${where}: no source`);
    if (typeof item.context !== 'string' || !isObject((data.contexts as Record<string, unknown>)[item.context])) {
      problems.push(`${where}: context ${String(item.context)} does not exist`);
    }
    if (typeof item.statement !== 'string' || item.statement.trim() === '' || /[\r\n]/.test(item.statement)) {
      problems.push(`${where}: statement must be one non-empty line`);
    }
    for (const key of ['owner', 'start', 'due', 'measure', 'status'] as const) {
      if (!isTextOrNull(item[key])) problems.push(`${where}: ${key} must be text or null`);
    }
    if (!isIdList(item.links)) problems.push(`${where}: links must be a list of recommendation IDs`);
    if (item.siblings !== undefined) {
      if (!Array.isArray(item.siblings)) problems.push(`${where}: siblings must be an array`);
      else {
        item.siblings.forEach((sibling, at) => {
          if (!isObject(sibling) || typeof sibling.statement !== 'string' || sibling.statement.trim() === '' ||
            !isTextOrNull(sibling.owner) || !isTextOrNull(sibling.due) || !isTextOrNull(sibling.measure) ||
            !isIdList(sibling.links) || !isTextOrNull(sibling.start ?? null) || !isTextOrNull(sibling.status ?? null)) {
            problems.push(`${where}: sibling ${at + 1} must have statement, owner, due, measure and links`);
          }
        });
      }
    }
    for (const key of ['labels', 'why'] as const) {
      const record = item[key];
      if (!isObject(record)) {
        problems.push(`${where}: no ${key}`);
        continue;
      }
      for (const letter of LETTERS) {
        const value = record[letter];
        if (key === 'labels' ? typeof value !== 'boolean' : typeof value !== 'string' || value.trim() === '') {
          problems.push(`${where}: ${key}.${letter} missing`);
        }
      }
    }
  });
  return problems;
}

/** A value for YAML front matter: JSON strings are valid YAML scalars. */
function yamlString(text: string): string {
  return JSON.stringify(text);
}

interface RenderedAction extends ActionFields {
  id: string;
  /** Only for finished siblings, so that they are not reported as complete without evidence. */
  evidence?: string;
}

const FINISHED = /^(blue|complete|done)$/i;

function fieldLines(action: RenderedAction, extraLinks: string[]): string {
  const lines: string[] = [];
  const add = (key: string, value: string | null) => {
    if (value !== null) lines.push(`- ${key}: ${value}`);
  };
  add('Owner', action.owner);
  add('Start', action.start);
  add('Due', action.due);
  add('Measure', action.measure);
  add('Status', action.status);
  add('Evidence', action.evidence ?? null);
  if (extraLinks.length > 0) add('Links', extraLinks.join(', '));
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

function renderAction(action: RenderedAction, extraLinks: string[]): string {
  return `### ${action.id} ${action.statement}\n\n${fieldLines(action, extraLinks)}\n`;
}

/**
 * The item as a plan: front matter with the context's council, inspection and period (as-of at
 * the period's start, so nothing inside the period is overdue; uncovered recommendations off, as
 * the corpus gives one action per plan); each recommendation as `## R<n>` with the report's
 * words; then each action under the section of its first link that the context declares, its
 * other links in `Links`. An action with no such link goes under `# Other actions`, where only
 * its `Links` field (if any) links it.
 */
export function renderItem(item: CorpusItem, context: CorpusContext): string {
  const actions: RenderedAction[] = [
    { ...item, id: MAIN_ACTION_ID },
    ...(item.siblings ?? []).map((sibling, index) => ({
      id: `A${index + 2}`,
      statement: sibling.statement,
      owner: sibling.owner,
      start: sibling.start ?? null,
      due: sibling.due,
      measure: sibling.measure,
      status: sibling.status ?? null,
      links: sibling.links,
      ...(sibling.status && FINISHED.test(sibling.status) ? { evidence: 'closure report to the Improvement Board' } : {}),
    })),
  ];
  const declared = new Set(context.recommendations.map((recommendation) => recommendation.id));
  const homeOf = (action: RenderedAction) => action.links.find((id) => declared.has(id));
  const inspection = [`  framework: ${context.framework}`];
  if (context.published) inspection.push(`  published: ${context.published}`);
  let text = [
    '---',
    `title: ${yamlString(`${context.council} improvement plan`)}`,
    `authority: ${yamlString(context.council)}`,
    'inspection:',
    ...inspection,
    'period:',
    `  start: ${context.period.start}`,
    `  end: ${context.period.end}`,
    `as-of: ${context.period.start}`,
    'rules:',
    '  uncovered-recommendation: off',
    '---',
    '',
    `# ${context.council} improvement plan`,
    '',
    '',
  ].join('\n');
  for (const recommendation of context.recommendations) {
    text += `## ${recommendation.id}\n\n${recommendation.text.replace(/\s+/g, ' ').trim()}\n\n`;
    for (const action of actions.filter((candidate) => homeOf(candidate) === recommendation.id)) {
      text += renderAction(action, action.links.filter((id) => id !== recommendation.id));
    }
  }
  const homeless = actions.filter((action) => homeOf(action) === undefined);
  if (homeless.length > 0) {
    text += '# Other actions\n\n';
    for (const action of homeless) text += renderAction(action, action.links);
  }
  return text;
}

/** What the engine said about one item. */
export interface ItemResult {
  item: CorpusItem;
  plan: string;
  lint: LintResult;
  /** The item's action as the engine parsed it (undefined only if rendering went wrong). */
  action: Action | undefined;
  /** Diagnostics on the item's action (siblings' are not scored). */
  onAction: PlanDiagnostic[];
  /** For each letter: did the engine flag it (the action fails the letter)? */
  flagged: Record<Letter, boolean>;
}

/** True when the diagnostic concerns the action: tagged with it, or inside its section. */
function isOn(diagnostic: PlanDiagnostic, action: Action): boolean {
  const element = diagnostic.data?.element;
  if (element) return element.kind === 'action' && element.id === action.id;
  return diagnostic.range.start >= action.sectionRange.start && diagnostic.range.end <= action.sectionRange.end;
}

export function lintItem(item: CorpusItem, context: CorpusContext, options: LintOptions = {}): ItemResult {
  const plan = renderItem(item, context);
  const lint = lintText(plan, options);
  const action = lint.plan.actions.find((candidate) => candidate.id === MAIN_ACTION_ID);
  const onAction = action ? lint.diagnostics.filter((diagnostic) => isOn(diagnostic, action)) : [];
  const flagged = Object.fromEntries(
    LETTERS.map((letter) => [letter, onAction.some((diagnostic) => LETTER_CODES[letter].includes(diagnostic.code))]),
  ) as Record<Letter, boolean>;
  return { item, plan, lint, action, onAction, flagged };
}

export interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export interface LetterScore extends Confusion {
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Scores with "fails" as the positive class: a true positive is an action the labels say fails
 * the letter and the engine flags. With no flags precision is 1 (nothing wrongly flagged); with
 * no labelled failures recall is 1 (nothing missed).
 */
export function score(confusion: Confusion): LetterScore {
  const precision = confusion.tp + confusion.fp === 0 ? 1 : confusion.tp / (confusion.tp + confusion.fp);
  const recall = confusion.tp + confusion.fn === 0 ? 1 : confusion.tp / (confusion.tp + confusion.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...confusion, precision, recall, f1 };
}

export interface Misclassification {
  item: CorpusItem;
  letter: Letter;
  /** The label: true when the action should pass the letter. */
  expectedPass: boolean;
  /** The messages of the diagnostics that made the engine fail it (empty when it passed it). */
  messages: string[];
}

export interface PartEvaluation {
  part: Part;
  items: number;
  scores: Record<Letter, LetterScore>;
  errors: Misclassification[];
}

export function evaluate(part: Part, results: readonly ItemResult[]): PartEvaluation {
  const inPart = results.filter((result) => result.item.split === part);
  const scores = {} as Record<Letter, LetterScore>;
  const errors: Misclassification[] = [];
  for (const letter of LETTERS) {
    const confusion: Confusion = { tp: 0, fp: 0, fn: 0, tn: 0 };
    for (const result of inPart) {
      const fails = !result.item.labels[letter];
      const flagged = result.flagged[letter];
      if (fails && flagged) confusion.tp++;
      else if (!fails && flagged) confusion.fp++;
      else if (fails && !flagged) confusion.fn++;
      else confusion.tn++;
      if (fails !== flagged) {
        const messages = result.onAction
          .filter((diagnostic) => LETTER_CODES[letter].includes(diagnostic.code))
          .map((diagnostic) => `${diagnostic.code}: ${diagnostic.message}`);
        errors.push({ item: result.item, letter, expectedPass: !fails, messages });
      }
    }
    scores[letter] = score(confusion);
  }
  return { part, items: inPart.length, scores, errors };
}

export function lintCorpus(corpus: Corpus, options: LintOptions = {}): ItemResult[] {
  return corpus.actions.map((item) => lintItem(item, corpus.contexts[item.context]!, options));
}
