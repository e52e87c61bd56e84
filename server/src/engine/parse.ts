/**
 * Markdown to plan model. remark parses the text (CommonMark, GFM and YAML front matter);
 * this module reads the plan's structure from the top-level blocks: headings with IDs,
 * the field lists under action headings and the paragraphs under recommendation headings.
 *
 * The text is parsed section by section (see sections.ts): remark's time grows faster than the
 * length of list-heavy text, and a cache of section trees lets an edit re-parse only its section.
 */
import type { Heading, ListItem, Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { fieldNameOf } from './fields.js';
import { readFrontMatter } from './frontMatter.js';
import { matchActionId, matchRecommendationId, separatorLength } from './ids.js';
import { changeBetween, lastStartingBefore, opensUnclosedFrontMatter, splitSections, splitSectionsAfterChange, type Section, type TextChange } from './sections.js';
import { detached, memoByText } from './memo.js';
import { readSimpleSection } from './simpleSections.js';
import { runSteps, type Steps } from './steps.js';
import type { Action, Field, FrontMatter, Plan, PlanElement, Range, Recommendation, Span } from './model.js';

/**
 * The parts of GitHub Flavored Markdown that change which blocks a plan has: tables, task list items
 * and footnote definitions. The plan is read from blocks only, so GFM's inline parts (autolinks,
 * strikethrough), which take a third of remark-gfm's parsing time, are left out.
 */
function remarkGfmBlocks(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmTaskListItem(), gfmFootnote());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown(), gfmFootnoteFromMarkdown());
}

const markdown = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfmBlocks);
// For text whose `---` first line is never closed: it has no front matter, and remark's front matter
// extension, having tried one, would read no list or block quote anywhere after it.
const markdownWithoutFrontMatter = unified().use(remarkParse).use(remarkGfmBlocks);

// An HTML block may be indented by up to 3 spaces (its value keeps them).
const IGNORE_COMMENT = /^ {0,3}<!--\s*plan-ignore\b([^>]*?)-->\s*$/;

/** The codes a `<!-- plan-ignore ... -->` comment names (none: every code), or undefined if it is not one. */
export function readIgnoreComment(html: string): string[] | undefined {
  const match = IGNORE_COMMENT.exec(html);
  return match ? match[1]!.split(/[\s,]+/).filter(Boolean) : undefined;
}

// `**Owner:** x`, `**Owner**: x`, `__Owner:__ x`
const BOLD_KEY = /^(\*\*|__)[ \t]*([A-Za-z][A-Za-z0-9 '\u2019()/&-]{0,40}?)[ \t]*(:?)[ \t]*\1[ \t]*(:?)/;
// `Owner: x` (not `https://...`)
const PLAIN_KEY = /^([A-Za-z][A-Za-z0-9 '\u2019()/&-]{0,40}?)[ \t]*:(?!\/\/)/;

/** A piece of a section's text, with offsets relative to the section. */
export interface RelativeSpan {
  text: string;
  start: number;
  end: number;
}

export interface RelativeField {
  name: Field['name'];
  key: RelativeSpan;
  value: RelativeSpan;
  valueText: string;
  items: RelativeSpan[];
  start: number;
  end: number;
}

/**
 * What the reader needs from one top-level block, read once per distinct section text. Offsets
 * are relative to the section, so an unchanged section is reused wherever an edit moves it.
 */
export type SectionBlock =
  | { type: 'yaml'; start: number; end: number }
  | { type: 'heading'; depth: number; start: number; end: number; element: HeadingElement | undefined }
  | { type: 'ignore'; codes: string[] }
  | { type: 'paragraph'; text: string }
  | { type: 'list'; fields: RelativeField[] }
  | { type: 'other' };

export interface HeadingElement {
  kind: 'recommendation' | 'action';
  id: string;
  idSpan: RelativeSpan;
  rest: RelativeSpan;
}

/**
 * A document's sections and their blocks from its last parse. A new version is cut again only
 * around its change (sections.ts), and a section whose text is unchanged keeps its blocks: the same
 * objects, which tells the lint cache the actions in it are unchanged. Blocks are kept rather than
 * syntax trees: they are a small fraction of a tree's memory.
 *
 * The next parse with the same cache takes over the elements it can reuse and moves them, so a plan
 * parsed with a cache is valid until the next parse with that cache finishes.
 */
export class SectionCache {
  private last: { body: string; bom: number; sections: Section[]; blocks: SectionBlock[][]; frontMatter: FrontMatter | undefined; elements: ElementsByBlock } | undefined;

  /**
   * The sections of `body`, each with its blocks when an unchanged section of the last parse has them;
   * and what the last plan offers for reuse: its front matter and elements, where the change left
   * them in place.
   */
  split(body: string): { sections: Section[]; reused: (SectionBlock[] | undefined)[]; previous?: LastParse } {
    const last = this.last;
    if (!last) return { sections: splitSections(body), reused: [] };
    const unchanged = { start: body.length, beforeEnd: body.length, afterEnd: body.length };
    if (last.body === body) return { sections: last.sections, reused: last.blocks, previous: { ...last, boundary: body.length, change: unchanged } };
    const change = changeBetween(last.body, body);
    const sections = splitSectionsAfterChange(last.sections, body, change);
    const shift = change.afterEnd - change.beforeEnd;
    // Sections that the change overlaps may still equal an old one (a big replacement): find those by text.
    let byText: Map<string, SectionBlock[]> | undefined;
    const reused = sections.map(({ start, end }) => {
      const before = end <= change.start ? { start, end } : start >= change.afterEnd ? { start: start - shift, end: end - shift } : undefined;
      if (before) {
        const index = lastStartingBefore(last.sections, before.start + 1);
        const old = last.sections[index]!;
        return old.start === before.start && old.end === before.end ? last.blocks[index] : undefined;
      }
      byText ??= textsAround(last, change.start, change.beforeEnd);
      return byText.get(body.slice(start, end));
    });
    // Before the first section the change touched, the text and every offset are as they were.
    const firstChanged = sections.findIndex((section, index) => section.end > change.start || reused[index] === undefined);
    const boundary = firstChanged < 0 ? body.length : sections[firstChanged]!.start;
    return { sections, reused, previous: { ...last, boundary, change } };
  }

  /** Keeps the sections of a parse that finished, its front matter and its elements. */
  keep(body: string, bom: number, sections: Section[], blocks: SectionBlock[][], frontMatter: FrontMatter | undefined, elements: ElementsByBlock): void {
    this.last = { body, bom, sections, blocks, frontMatter, elements };
  }
}

/** Each element of a parse by the heading block it was read from. */
type ElementsByBlock = Map<object, PlanElement>;

/** The last parse's front matter and elements, and where the text changed since (offsets in the body). */
interface LastParse {
  bom: number;
  frontMatter: FrontMatter | undefined;
  elements: ElementsByBlock;
  /** Before this offset, the text and every section are as they were. */
  boundary: number;
  change: TextChange;
}

/** What the reader needs of the last parse, in offsets of the whole text. */
interface PreviousPlan {
  frontMatter: FrontMatter | undefined;
  elements: ElementsByBlock;
  boundary: number;
  /** Where a heading now at `offset` was in the last text; undefined inside the change. */
  offsetBefore: (offset: number) => number | undefined;
}

function previousPlan(last: LastParse, bom: number): PreviousPlan {
  const { change } = last;
  const shift = change.afterEnd - change.beforeEnd;
  return {
    frontMatter: last.frontMatter,
    elements: last.elements,
    boundary: bom + last.boundary,
    offsetBefore: (offset) => {
      const inBody = offset - bom;
      if (inBody < change.start) return inBody + last.bom;
      return inBody >= change.afterEnd ? inBody - shift + last.bom : undefined;
    },
  };
}

function textsAround(last: { body: string; sections: Section[]; blocks: SectionBlock[][] }, start: number, end: number): Map<string, SectionBlock[]> {
  const byText = new Map<string, SectionBlock[]>();
  last.sections.forEach((section, index) => {
    if (section.end >= start && section.start <= end) byText.set(last.body.slice(section.start, section.end), last.blocks[index]!);
  });
  return byText;
}

// The heading block each element was read from. An unchanged section keeps its blocks from one parse
// to the next, so an element with the same block has the same content (see lintCache.ts).
const headingBlocks = new WeakMap<PlanElement, object>();

/** The block an element's heading was read from: the same object while its section's text is unchanged. */
export const headingBlockOf = (element: PlanElement): object | undefined => headingBlocks.get(element);

/** A section's blocks as remark reads them: the reference for simpleSections.ts, and what reads any other section. */
export function readSectionWithRemark(text: string, frontMatter = true): SectionBlock[] {
  return readBlocks(text, ((frontMatter ? markdown : markdownWithoutFrontMatter).parse(flattenDeepNesting(text)) as Root).children);
}

/** Parses any text into a plan; never throws on text. Pass the document's cache to re-parse only changed sections. */
export function parsePlan(text: string, cache: SectionCache = new SectionCache()): Plan {
  return runSteps(parsePlanSteps(text, cache));
}

/** parsePlan in steps: one step per section. */
export function* parsePlanSteps(text: string, cache: SectionCache = new SectionCache()): Steps<Plan> {
  const { bom, body } = prepare(text);
  const { sections, reused, previous } = cache.split(body);
  const reader = new PlanReader(text, previous && previousPlan(previous, bom));
  const blocks: SectionBlock[][] = [];
  for (const [index, section] of sections.entries()) {
    let read = reused[index];
    if (!read) {
      const sectionText = detached(body.slice(section.start, section.end));
      // Only the first section can open front matter; under an unclosed `---` line it is read as the
      // whole text is (parsePlanWhole), since it may hold headings where no cut was sure.
      read = readSimpleSection(sectionText) ?? readSectionWithRemark(sectionText, index > 0 || !opensUnclosedFrontMatter(body));
    }
    blocks.push(read);
    reader.read(read, bom + section.start);
    yield;
  }
  const plan = reader.finish();
  cache.keep(body, bom, sections, blocks, plan.frontMatter, reader.elementsByBlock);
  return plan;
}

/** The same plan from one parse of the whole text: the reference that sectioned parsing must match (tests, benchmark). */
export function parsePlanWhole(text: string): Plan {
  const { bom, body } = prepare(text);
  const reader = new PlanReader(text);
  const flattened = flattenDeepNesting(body);
  const processor = opensUnclosedFrontMatter(flattened) ? markdownWithoutFrontMatter : markdown;
  reader.read(readBlocks(flattened, (processor.parse(flattened) as Root).children), bom);
  return reader.finish();
}

function prepare(text: string): { bom: number; body: string } {
  // micromark skips a byte order mark without counting it in offsets; count it ourselves.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let body = bom ? text.slice(1) : text;
  // micromark would drop a second mark uncounted too, shifting every offset after it: make it a space (same length).
  if (body.charCodeAt(0) === 0xfeff) body = ` ${body.slice(1)}`;
  return { bom, body };
}

type Positioned = { position?: { start: { offset?: number }; end: { offset?: number } } };
const startOf = (node: Positioned): number => node.position?.start.offset ?? 0;
const endOf = (node: Positioned): number => node.position?.end.offset ?? 0;

/** Reads what the plan reader needs from a section's top-level blocks. */
function readBlocks(source: string, nodes: readonly RootContent[]): SectionBlock[] {
  return nodes.map((node, index): SectionBlock => {
    switch (node.type) {
      case 'yaml':
        return index === 0 ? { type: 'yaml', start: startOf(node), end: endOf(node) } : { type: 'other' };
      case 'heading':
        return { type: 'heading', depth: node.depth, start: startOf(node), end: endOf(node), element: readHeading(node, source) };
      case 'html': {
        const codes = readIgnoreComment(node.value);
        return codes ? { type: 'ignore', codes } : { type: 'other' };
      }
      case 'paragraph':
        return { type: 'paragraph', text: normalise(source.slice(startOf(node), endOf(node))) };
      case 'list':
        return { type: 'list', fields: node.children.map((item) => readField(item, source)).filter((field) => field !== undefined) };
      default:
        return { type: 'other' };
    }
  });
}

function readHeading(heading: Heading, source: string): HeadingElement | undefined {
  const first = heading.children[0];
  const last = heading.children[heading.children.length - 1];
  return first && last ? headingElement(source, startOf(first), endOf(last)) : undefined;
}

/** The recommendation or action a heading declares, from where its content is in the section. */
export function headingElement(source: string, contentStart: number, contentEnd: number): HeadingElement | undefined {
  const content = source.slice(contentStart, contentEnd);
  const recommendation = matchRecommendationId(content);
  const match = recommendation ?? matchActionId(content);
  if (!match) return undefined;
  const idEnd = contentStart + match.length;
  const restStart = Math.min(idEnd + separatorLength(content.slice(match.length)), contentEnd);
  return {
    kind: recommendation ? 'recommendation' : 'action',
    id: match.id,
    idSpan: relativeSpan(source, contentStart, idEnd),
    rest: relativeSpan(source, restStart, contentEnd),
  };
}

const relativeSpan = (source: string, start: number, end: number): RelativeSpan => ({ text: source.slice(start, end), start, end });

function readField(item: ListItem, source: string): RelativeField | undefined {
  const paragraph = item.children[0];
  if (paragraph?.type !== 'paragraph') return undefined;
  const items: Range[] = [];
  for (const child of item.children.slice(1)) {
    if (child.type !== 'list') continue;
    for (const subItem of child.children) {
      const entry = subItem.children[0] ?? subItem;
      items.push({ start: startOf(entry), end: endOf(entry) });
    }
  }
  return fieldOf(source, { start: startOf(paragraph), end: endOf(paragraph) }, { start: startOf(item), end: endOf(item) }, items);
}

/** A field from where a list item, its first paragraph and its nested items' first blocks are in the section. */
export function fieldOf(source: string, paragraph: Range, item: Range, subItems: readonly Range[]): RelativeField | undefined {
  const at = paragraph.start;
  const shape = fieldShape(source.slice(at, paragraph.end));
  if (!shape) return undefined;
  return {
    name: shape.name,
    key: relativeSpan(source, at + shape.keyStart, at + shape.keyEnd),
    value: relativeSpan(source, at + shape.valueStart, at + shape.valueEnd),
    valueText: shape.valueText,
    items: subItems.map(({ start, end }) => relativeSpan(source, start, end)),
    start: item.start,
    end: item.end,
  };
}

/** A heading block and what its element depends on outside its own text. */
interface Placement {
  block: Extract<SectionBlock, { type: 'heading' }>;
  headingRange: Range;
  containingRecommendationId: string | undefined;
  ignoredCodes: ReadonlySet<string>;
}

/** Builds the plan model from the sections' blocks, in order, with offsets in the whole text. */
class PlanReader {
  private frontMatter: FrontMatter | undefined;
  private readonly recommendations: Recommendation[] = [];
  private readonly actions: Action[] = [];
  /** Offset of the section being read in the whole text. */
  private base = 0;
  // Headings that are still open: a heading's section ends at the next heading of the same or a higher level.
  private readonly open: { depth: number; element: PlanElement | undefined }[] = [];
  private current: PlanElement | undefined;
  /** The current element is the last parse's, complete already: its fields and paragraphs are not read again. */
  private currentReused = false;
  private pendingIgnore: Set<string> | undefined;
  readonly elementsByBlock: ElementsByBlock = new Map();

  /** Reused elements that the change moved, and by how much: moved when the parse finishes. */
  private readonly moves: { element: PlanElement; shift: number }[] = [];
  /** Where each closed element's section ends: set when the parse finishes, for the same reason. */
  private readonly sectionEnds = new Map<PlanElement, number>();

  /**
   * With `previous`, an element read from the same heading block, at the place the change moved it
   * to, under the same recommendation and with the same ignore comment, is the last parse's element
   * itself: its own text is unchanged. Reusing it saves rebuilding most of a big plan on each
   * keystroke, and keeps what analyses remember about it (analysis.ts). Its ranges are moved in
   * place when the parse finishes (not before: a parse given up part-way must leave them as they
   * were), so the last parse's plan is not to be read once a newer one has finished.
   */
  constructor(
    private readonly text: string,
    private readonly previous?: PreviousPlan,
  ) {}

  finish(): Plan {
    for (const { element, shift } of this.moves) moveElement(element, shift);
    for (const [element, end] of this.sectionEnds) element.sectionRange.end = end;
    for (const { element } of this.open) if (element) element.sectionRange.end = this.text.length;
    return { text: this.text, frontMatter: this.frontMatter, recommendations: this.recommendations, actions: this.actions };
  }

  read(blocks: readonly SectionBlock[], base: number): void {
    this.base = base;
    for (const block of blocks) {
      if (block.type === 'yaml' && base <= 1) {
        const range = { start: base + block.start, end: base + block.end };
        const previous = this.previous;
        const same = previous && range.end < previous.boundary && previous.frontMatter?.range.end === range.end;
        this.frontMatter = same ? previous.frontMatter : this.readFrontMatterBlock(range);
        continue;
      }
      if (block.type === 'heading') {
        this.readHeadingBlock(block);
        continue;
      }
      if (block.type === 'ignore') {
        this.pendingIgnore = new Set(block.codes.length > 0 ? block.codes : ['*']);
        continue;
      }
      this.pendingIgnore = undefined;
      if (this.currentReused) continue;
      const current = this.current;
      if (current?.kind === 'recommendation' && block.type === 'paragraph') {
        current.text = joinParagraphs(current.text, block.text);
      } else if (current?.kind === 'action') {
        if (block.type === 'list') for (const field of block.fields) current.fields.push(this.field(field));
        else if (block.type === 'paragraph') current.description = joinParagraphs(current.description, block.text);
      }
    }
  }

  private readHeadingBlock(block: Extract<SectionBlock, { type: 'heading' }>): void {
    const open = this.open;
    const headingRange = this.range(block);
    while (open.length > 0 && open[open.length - 1]!.depth >= block.depth) {
      const closed = open.pop()!.element;
      if (closed) this.sectionEnds.set(closed, headingRange.start);
    }
    let containing: PlanElement | undefined;
    for (let i = open.length - 1; i >= 0 && !containing; i--) if (open[i]!.element?.kind === 'recommendation') containing = open[i]!.element;
    const placement: Placement = { block, headingRange, containingRecommendationId: containing?.id, ignoredCodes: this.pendingIgnore ?? NO_CODES };
    const reusable = this.reusable(placement);
    this.currentReused = reusable !== undefined;
    this.current = reusable ?? this.element(placement);
    if (reusable?.kind === 'action') this.actions.push(reusable);
    else if (reusable) this.recommendations.push(reusable);
    if (this.current) this.elementsByBlock.set(block, this.current);
    open.push({ depth: block.depth, element: this.current });
    this.pendingIgnore = undefined;
  }

  private reusable({ block, headingRange, containingRecommendationId, ignoredCodes }: Placement): PlanElement | undefined {
    const previous = this.previous;
    const element = previous?.elements.get(block);
    if (!element) return undefined;
    // Identical sections share their blocks, so the element must also be where the change moved it.
    const before = previous!.offsetBefore(headingRange.start);
    if (before === undefined || element.headingRange.start !== before) return undefined;
    if (element.kind === 'action' && element.containingRecommendationId !== containingRecommendationId) return undefined;
    if (!sameCodes(element.ignoredCodes, ignoredCodes)) return undefined;
    if (headingRange.start !== before) this.moves.push({ element, shift: headingRange.start - before });
    return element;
  }

  private element({ block, headingRange, containingRecommendationId, ignoredCodes }: Placement): PlanElement | undefined {
    const heading = block.element;
    if (!heading) return undefined;
    const common = {
      id: heading.id,
      idSpan: this.span(heading.idSpan),
      depth: block.depth,
      headingRange,
      // The end is set when a heading of the same or a higher level closes the section.
      sectionRange: { start: headingRange.start, end: this.text.length },
      ignoredCodes,
    };
    if (heading.kind === 'recommendation') {
      const element: Recommendation = { kind: 'recommendation', title: this.span(heading.rest), text: '', ...common };
      this.recommendations.push(element);
      headingBlocks.set(element, block);
      return element;
    }
    const element: Action = { kind: 'action', statement: this.span(heading.rest), description: '', fields: [], containingRecommendationId, ...common };
    this.actions.push(element);
    headingBlocks.set(element, block);
    return element;
  }

  private range(relative: { start: number; end: number }): Range {
    return { start: this.base + relative.start, end: this.base + relative.end };
  }

  private span(relative: RelativeSpan): Span {
    return { text: relative.text, range: this.range(relative) };
  }

  private field(field: RelativeField): Field {
    return {
      name: field.name,
      key: this.span(field.key),
      value: this.span(field.value),
      valueText: field.valueText,
      items: field.items.map((item) => this.span(item)),
      range: this.range(field),
    };
  }

  private readFrontMatterBlock(range: Range): FrontMatter {
    const firstLineEnd = this.text.indexOf('\n', range.start);
    const valueStart = firstLineEnd < 0 || firstLineEnd >= range.end ? range.end : firstLineEnd + 1;
    const closingLineStart = this.text.lastIndexOf('\n', range.end - 1) + 1;
    const valueEnd = Math.max(valueStart, closingLineStart);
    return readFrontMatter(detached(this.text.slice(valueStart, valueEnd)), valueStart, range);
  }
}

const NO_CODES: ReadonlySet<string> = new Set();

const sameCodes = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => a === b || (a.size === b.size && [...a].every((code) => b.has(code)));

const moveRange = (range: Range, shift: number): void => {
  range.start += shift;
  range.end += shift;
};

/** Moves every range of an element but its section's end, which closing the section sets. */
function moveElement(element: PlanElement, shift: number): void {
  moveRange(element.headingRange, shift);
  element.sectionRange.start += shift;
  moveRange(element.idSpan.range, shift);
  if (element.kind === 'recommendation') {
    moveRange(element.title.range, shift);
    return;
  }
  moveRange(element.statement.range, shift);
  for (const field of element.fields) {
    moveRange(field.range, shift);
    moveRange(field.key.range, shift);
    moveRange(field.value.range, shift);
    for (const item of field.items) moveRange(item.range, shift);
  }
}

/** Where the key and the value are in a field's paragraph, relative to its start. */
interface FieldShape {
  name: Field['name'];
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
  valueText: string;
}

// The same field lines are read again whenever their section changes: remember their shape by their text.
const fieldShape: (source: string) => FieldShape | undefined = memoByText((source) => readFieldShape(source), 50_000);

function readFieldShape(source: string): FieldShape | undefined {
  let keyStart = 0;
  let keyEnd: number;
  let keyLength: number;
  const bold = BOLD_KEY.exec(source);
  if (bold && (bold[3] === ':') !== (bold[4] === ':')) {
    keyStart = bold[0].indexOf(bold[2]!, bold[1]!.length);
    keyEnd = keyStart + bold[2]!.length;
    keyLength = bold[0].length;
  } else {
    const plain = PLAIN_KEY.exec(source);
    if (!plain) return undefined;
    keyEnd = plain[1]!.length;
    keyLength = plain[0].length;
  }
  const afterKey = source.slice(keyLength);
  const valueStart = keyLength + (afterKey.length - afterKey.trimStart().length);
  const valueEnd = Math.max(valueStart, source.trimEnd().length);
  return {
    name: fieldNameOf(source.slice(keyStart, keyEnd)),
    keyStart,
    keyEnd,
    valueStart,
    valueEnd,
    valueText: source.slice(valueStart, valueEnd).replace(/\s+/g, ' ').trim(),
  };
}

// Parsing time grows with the square of nesting depth (5,000 nested list markers take seconds and
// overflow the stack), while a plan's structure is never more than a few levels deep.
const MAX_CONTAINER_DEPTH = 16;
const MAX_MARKER_COLUMN = 64;
const CONTAINER_PREFIX = /^[ \t>*+\-\d.)]{24,}/gm;

/**
 * Turns list and block-quote markers nested deeper than any plan needs into spaces, so that the
 * rest of the line is read as text. The length of the text is unchanged, and so are all offsets.
 */
export function flattenDeepNesting(text: string): string {
  return text.replace(CONTAINER_PREFIX, (prefix) => {
    const chars = [...prefix];
    let depth = 0;
    let column = 0;
    for (let i = 0; i < chars.length; i++) {
      const char = chars[i]!;
      if (char === ' ') column++;
      else if (char === '\t') column += 4 - (column % 4);
      else {
        const ordered = /^\d{1,9}[.)]/.exec(prefix.slice(i));
        const length = char === '>' ? 1 : /[-*+]/.test(char) ? 1 : ordered ? ordered[0].length : 0;
        const next = chars[i + length];
        if (length === 0 || (char !== '>' && next !== undefined && next !== ' ' && next !== '\t')) break;
        depth++;
        if (depth > MAX_CONTAINER_DEPTH || column > MAX_MARKER_COLUMN) chars.fill(' ', i, i + length);
        column += length;
        i += length - 1;
      }
    }
    return chars.join('');
  });
}

export const normalise = (paragraph: string): string => paragraph.replace(/\s+/g, ' ').trim();

function joinParagraphs(existing: string, normalised: string): string {
  return existing ? `${existing}\n\n${normalised}` : normalised;
}
