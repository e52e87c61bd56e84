/**
 * A plan as HTML for the preview webview. unified renders the Markdown (remark → rehype); the
 * rehype plugin `rehypePlanDecorations` adds each action's RAG chip, owner, due date and
 * diagnostics, each recommendation's progress, and the source line of every block (`data-line`,
 * for scroll sync); rehype-sanitize then keeps only GitHub-style Markdown and what the plugin adds.
 *
 * Raw HTML in a plan is dropped (remark-rehype without `allowDangerousHtml`), never rendered.
 * The text is parsed section by section, as the engine parses it (sections.ts), with a cache of
 * section trees, so that a preview that follows typing re-parses only the section that changed.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type Plugin } from 'unified';
import { describeDue } from '../engine/calendar.js';
import { count, formatDate, isComplete, STATUS_LABELS, summarisePlan, type ActionSummary, type LintResult, type PlanDiagnostic, type Status } from '../engine/index.js';
import { planLensTitle, recommendationLensTitle } from '../engine/lenses.js';
import { locate } from '../engine/location.js';
import type { Action, PlanElement, Recommendation } from '../engine/model.js';
import { flattenDeepNesting } from '../engine/parse.js';
import { splitSections } from '../engine/sections.js';
import type { PreviewContent } from './types.js';

/** Every class the decorations use; the sanitizer allows these and no others. */
export const PREVIEW_CLASSES = {
  chip: 'plan-rag',
  chipOf: (status: Status | 'none') => `plan-rag-${status === 'not started' ? 'not-started' : status}`,
  summary: 'plan-summary',
  meta: 'plan-meta',
  owner: 'plan-owner',
  due: 'plan-due',
  overdue: 'plan-overdue',
  missing: 'plan-missing',
  counts: 'plan-counts',
  diagnostics: 'plan-diagnostics',
  diagnostic: 'plan-diagnostic',
  severityOf: (severity: PlanDiagnostic['severity']) => `plan-severity-${severity}`,
  code: 'plan-code',
  image: 'plan-image',
} as const;

const STATUS_CLASSES = (['not started', 'red', 'amber', 'green', 'blue', 'none'] as const).map(PREVIEW_CLASSES.chipOf);
const SEVERITY_CLASSES = (['error', 'warning', 'information', 'hint'] as const).map(PREVIEW_CLASSES.severityOf);
const PLAN_CLASSES: string[] = [
  ...Object.values(PREVIEW_CLASSES).filter((value) => typeof value === 'string'),
  ...STATUS_CLASSES,
  ...SEVERITY_CLASSES,
];

/**
 * GitHub's sanitizing schema, with images and embedded media removed (the preview shows no remote
 * or local files), plus the plugin's classes and `data-line`. Nothing else is allowed.
 */
export const PREVIEW_SCHEMA: SanitizeSchema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((tag) => !['img', 'picture', 'source'].includes(tag)),
  attributes: {
    ...defaultSchema.attributes,
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'dataLine'],
    div: [...(defaultSchema.attributes?.div ?? []), ['className', ...PLAN_CLASSES]],
    span: [['className', ...PLAN_CLASSES]],
    ul: [...withoutClasses(defaultSchema.attributes?.ul), ['className', 'contains-task-list', ...PLAN_CLASSES]],
    li: [...withoutClasses(defaultSchema.attributes?.li), ['className', 'task-list-item', ...PLAN_CLASSES]],
  },
  protocols: { ...defaultSchema.protocols, src: [] },
};

/** An element's allowed attributes without its allowed classes (the sanitizer reads only the first list of them). */
function withoutClasses(attributes: NonNullable<SanitizeSchema['attributes']>[string] | undefined) {
  return (attributes ?? []).filter((attribute) => !(Array.isArray(attribute) && attribute[0] === 'className'));
}

// Blocks whose source line the preview scrolls to.
const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'pre', 'table', 'tr', 'hr']);

const markdown = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);
const toHast = unified().use(remarkRehype);

/** Markdown trees of sections by their exact text, kept between renderings of one document. */
export class SectionTrees {
  private trees = new Map<string, MdastRoot>();

  tree(text: string, used: Map<string, MdastRoot>): MdastRoot {
    // Nesting deeper than any plan needs is flattened first, as the engine does: parsing time grows with its square.
    const tree = this.trees.get(text) ?? used.get(text) ?? markdown.parse(flattenDeepNesting(text));
    used.set(text, tree);
    return tree;
  }

  /** Keeps only the trees of the latest rendering. */
  keep(used: Map<string, MdastRoot>): void {
    this.trees = used;
  }
}

/**
 * Renders an analysed plan. Pass the same `sections` for each version of one document to re-parse
 * only the sections that changed.
 */
export function renderPreview(result: LintResult, sections: SectionTrees = new SectionTrees()): PreviewContent {
  const text = result.plan.text;
  // micromark skips a byte order mark; lines are counted the same without it.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const root: HastRoot = { type: 'root', children: [] };
  const used = new Map<string, MdastRoot>();
  let linesBefore = 0;
  let counted = 0;
  for (const section of splitSections(body)) {
    linesBefore += newlines(body, counted, section.start);
    counted = section.start;
    const tree = toHast.runSync(sections.tree(body.slice(section.start, section.end), used)) as HastRoot;
    shiftLines(tree, linesBefore);
    root.children.push(...tree.children, { type: 'text', value: '\n' });
  }
  sections.keep(used);
  const finish = unified().use(rehypePlanDecorations, { result }).use(rehypeSanitize, PREVIEW_SCHEMA).use(rehypeStringify);
  const decorated = finish.runSync(root);
  return { title: result.plan.frontMatter?.title?.value ?? null, html: finish.stringify(decorated) };
}

function newlines(text: string, from: number, to: number): number {
  let lines = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

/** Section trees count lines from their own start: make them lines of the whole text. */
function shiftLines(node: HastRoot | RootContent, by: number): void {
  if (node.position && by > 0) {
    node.position = {
      start: { ...node.position.start, line: node.position.start.line + by },
      end: { ...node.position.end, line: node.position.end.line + by },
    };
  }
  if ('children' in node) for (const child of node.children) shiftLines(child, by);
}

export interface DecorationOptions {
  /** The analysis of the very text the tree was rendered from. */
  result: LintResult;
}

/**
 * The rehype plugin: decorates the headings of actions and recommendations (found by their source
 * line), lists the plan's own diagnostics at the top, replaces images by their alt text, and marks
 * blocks with their 0-based source line.
 */
export const rehypePlanDecorations: Plugin<[DecorationOptions], HastRoot> = ({ result }) => (tree) => {
  decorate(tree, result);
  markLines(tree);
};

function decorate(tree: HastRoot, { plan, analysis, diagnostics }: LintResult): void {
  const place = locate(plan.text);
  const lineOf = (offset: number): number => place.pointOf(offset).line - 1;
  const elements: PlanElement[] = [...plan.recommendations, ...plan.actions];
  const byLine = new Map<number, PlanElement>(elements.map((element) => [lineOf(element.headingRange.start), element]));
  const { actions, byRecommendation } = summarisePlan(plan, analysis);
  const summaries = new Map<Action, ActionSummary>(actions.map((summary) => [summary.action, summary]));

  // Each diagnostic goes with its element: the one it names, else the innermost section holding it.
  const byElement = new Map<PlanElement, PlanDiagnostic[]>();
  const general: PlanDiagnostic[] = [];
  const byHeading = new Map<number, PlanElement>(elements.map((element) => [element.headingRange.start, element]));
  for (const diagnostic of diagnostics) {
    const named = diagnostic.data?.element ? byHeading.get(diagnostic.data.element.heading) : undefined;
    const holder = named ?? innermostSection([...plan.actions, ...plan.recommendations], diagnostic.range.start);
    if (holder) byElement.set(holder, [...(byElement.get(holder) ?? []), diagnostic]);
    else general.push(diagnostic);
  }

  const diagnosticList = (list: readonly PlanDiagnostic[]): Element =>
    element('ul', { className: [PREVIEW_CLASSES.diagnostics] }, list.map((diagnostic) =>
      element('li', { className: [PREVIEW_CLASSES.diagnostic, PREVIEW_CLASSES.severityOf(diagnostic.severity)], dataLine: lineOf(diagnostic.range.start), title: `${diagnostic.severity}: ${diagnostic.code}` }, [
        element('span', { className: [PREVIEW_CLASSES.code] }, [textNode(diagnostic.code)]),
        textNode(` ${diagnostic.message}`),
      ]),
    ));

  const decorated: RootContent[] = [];
  const summary = element('div', { className: [PREVIEW_CLASSES.summary], dataLine: 0 }, [
    element('span', { className: [PREVIEW_CLASSES.counts] }, [textNode(planLensTitle(count(actions)))]),
    element('span', {}, [textNode(` · as of ${formatDate(analysis.asOf)}`)]),
  ]);
  decorated.push(summary);
  const placed = new Set<PlanElement>();
  for (const node of tree.children) {
    decorated.push(node);
    if (node.type !== 'element' || !/^h[1-6]$/.test(node.tagName) || !node.position) continue;
    const planElement = byLine.get(node.position.start.line - 1);
    if (!planElement) continue;
    placed.add(planElement);
    const line = lineOf(planElement.headingRange.start);
    const problems = byElement.get(planElement) ?? [];
    if (planElement.kind === 'action') {
      const status = analysis.factsOf(planElement).status;
      node.children.push(textNode(' '), chip(status));
      decorated.push(element('div', { className: [PREVIEW_CLASSES.meta], dataLine: line }, actionMeta(summaries.get(planElement)!, analysis)));
    } else {
      decorated.push(element('div', { className: [PREVIEW_CLASSES.meta], dataLine: line }, [
        element('span', { className: [PREVIEW_CLASSES.counts] }, [textNode(recommendationLensTitle(count(byRecommendation.get(planElement.id) ?? [])))]),
      ]));
    }
    if (problems.length > 0) decorated.push(diagnosticList(problems));
  }
  // Diagnostics of elements whose heading was not rendered at the top level go with the plan's own.
  for (const [holder, list] of byElement) if (!placed.has(holder)) general.push(...list);
  if (general.length > 0) decorated.splice(1, 0, diagnosticList(general.sort((a, b) => a.range.start - b.range.start)));
  tree.children = decorated;
}

function actionMeta(summary: ActionSummary, analysis: LintResult['analysis']): ElementContent[] {
  const facts = analysis.factsOf(summary.action);
  const owner = facts.field('owner')?.valueText;
  const parts: ElementContent[] = [
    owner
      ? element('span', { className: [PREVIEW_CLASSES.owner] }, [textNode(`Owner: ${owner}`)])
      : element('span', { className: [PREVIEW_CLASSES.owner, PREVIEW_CLASSES.missing] }, [textNode('No owner')]),
    textNode(' '),
  ];
  if (summary.due) {
    const when = isComplete(summary.status) ? 'complete' : describeDue(summary.due, analysis.asOf);
    const classes = summary.daysOverdue > 0 ? [PREVIEW_CLASSES.due, PREVIEW_CLASSES.overdue] : [PREVIEW_CLASSES.due];
    parts.push(element('span', { className: classes }, [textNode(`Due ${formatDate(summary.due)} (${when})`)]));
  } else {
    const written = facts.field('due')?.valueText;
    parts.push(element('span', { className: [PREVIEW_CLASSES.due, PREVIEW_CLASSES.missing] }, [textNode(written ? `Due: ${written} (not a date)` : 'No due date')]));
  }
  return parts;
}

function chip(status: Status | undefined): Element {
  const label = status ? STATUS_LABELS[status] : 'No status';
  return element('span', { className: [PREVIEW_CLASSES.chip, PREVIEW_CLASSES.chipOf(status ?? 'none')], title: `Status: ${label}` }, [textNode(label)]);
}

/** The action, else the recommendation, whose section holds `offset` (the latest heading before it wins). */
function innermostSection(elements: readonly (Action | Recommendation)[], offset: number): PlanElement | undefined {
  let best: PlanElement | undefined;
  for (const candidate of elements) {
    const { start, end } = candidate.sectionRange;
    if (offset < start || offset >= end) continue;
    if (!best || (best.kind === 'recommendation' && candidate.kind === 'action') || (best.kind === candidate.kind && start > best.sectionRange.start)) best = candidate;
  }
  return best;
}

/** Every block gets `data-line` (0-based) for scroll sync; images become their alt text (no files are loaded). */
function markLines(node: HastRoot | Element): void {
  node.children.forEach((child, index) => {
    if (child.type !== 'element') return;
    if (child.tagName === 'img') {
      const alt = typeof child.properties.alt === 'string' && child.properties.alt !== '' ? child.properties.alt : 'image';
      node.children[index] = element('span', { className: [PREVIEW_CLASSES.image] }, [textNode(`[${alt}]`)]);
      return;
    }
    if (BLOCKS.has(child.tagName) && child.position && child.properties.dataLine === undefined) child.properties.dataLine = child.position.start.line - 1;
    markLines(child);
  });
}

function element(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}

function textNode(value: string): ElementContent {
  return { type: 'text', value };
}
