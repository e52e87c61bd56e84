/**
 * Markdown to plan model. remark parses the text (CommonMark, GFM and YAML front matter);
 * this module reads the plan's structure from the top-level blocks: headings with IDs,
 * the field lists under action headings and the paragraphs under recommendation headings.
 *
 * The text is parsed section by section (see sections.ts): remark's time grows faster than the
 * length of list-heavy text, and a cache of section trees lets an edit re-parse only its section.
 */
import type { Heading, List, ListItem, Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { fieldNameOf } from './fields.js';
import { readFrontMatter } from './frontMatter.js';
import { matchActionId, matchRecommendationId, separatorLength } from './ids.js';
import { splitSections } from './sections.js';
import type { Action, Field, FrontMatter, Plan, PlanElement, Range, Recommendation, Span } from './model.js';

const markdown = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

const IGNORE_COMMENT = /^<!--\s*plan-ignore\b([^>]*?)-->\s*$/;

// `**Owner:** x`, `**Owner**: x`, `__Owner:__ x`
const BOLD_KEY = /^(\*\*|__)[ \t]*([A-Za-z][A-Za-z0-9 '\u2019()/&-]{0,40}?)[ \t]*(:?)[ \t]*\1[ \t]*(:?)/;
// `Owner: x` (not `https://...`)
const PLAIN_KEY = /^([A-Za-z][A-Za-z0-9 '\u2019()/&-]{0,40}?)[ \t]*:(?!\/\/)/;

/**
 * Section trees by their exact text, kept between parses of one document. A section's tree does
 * not depend on where the section is, since the reader adds the section's offset.
 */
export class SectionCache {
  private trees = new Map<string, Root>();

  tree(text: string, used: Map<string, Root>): Root {
    const tree = this.trees.get(text) ?? used.get(text) ?? (markdown.parse(text) as Root);
    used.set(text, tree);
    return tree;
  }

  /** Keeps only the trees of the latest parse. */
  keep(used: Map<string, Root>): void {
    this.trees = used;
  }
}

/** Parses any text into a plan; never throws on text. Pass the document's cache to re-parse only changed sections. */
export function parsePlan(text: string, cache: SectionCache = new SectionCache()): Plan {
  const { bom, body } = prepare(text);
  const reader = new PlanReader(text);
  const used = new Map<string, Root>();
  for (const section of splitSections(body)) {
    reader.read(cache.tree(body.slice(section.start, section.end), used).children, bom + section.start);
  }
  cache.keep(used);
  return reader.finish();
}

/** The same plan from one parse of the whole text: the reference that sectioned parsing must match (tests, benchmark). */
export function parsePlanWhole(text: string): Plan {
  const { bom, body } = prepare(text);
  const reader = new PlanReader(text);
  reader.read((markdown.parse(body) as Root).children, bom);
  return reader.finish();
}

function prepare(text: string): { bom: number; body: string } {
  // micromark skips a byte order mark without counting it in offsets; count it ourselves.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let body = bom ? text.slice(1) : text;
  // micromark would drop a second mark uncounted too, shifting every offset after it: make it a space (same length).
  if (body.charCodeAt(0) === 0xfeff) body = ` ${body.slice(1)}`;
  return { bom, body: flattenDeepNesting(body) };
}

class PlanReader {
  private frontMatter: FrontMatter | undefined;
  private readonly recommendations: Recommendation[] = [];
  private readonly actions: Action[] = [];
  /** Offset of the section being read in the whole text. */
  private base = 0;
  // Headings that are still open: a heading's section ends at the next heading of the same or a higher level.
  private readonly open: { depth: number; element: PlanElement | undefined }[] = [];
  private current: PlanElement | undefined;
  private pendingIgnore: Set<string> | undefined;

  constructor(private readonly text: string) {}

  finish(): Plan {
    for (const { element } of this.open) if (element) element.sectionRange.end = this.text.length;
    return { text: this.text, frontMatter: this.frontMatter, recommendations: this.recommendations, actions: this.actions };
  }

  read(blocks: readonly RootContent[], base: number): void {
    this.base = base;
    const open = this.open;
    blocks.forEach((block, index) => {
      if (block.type === 'yaml' && index === 0 && base <= 1) {
        this.frontMatter = this.readFrontMatterBlock(block);
        return;
      }
      if (block.type === 'heading') {
        const start = this.rangeOf(block).start;
        while (open.length > 0 && open[open.length - 1]!.depth >= block.depth) {
          const closed = open.pop()!.element;
          if (closed) closed.sectionRange.end = start;
        }
        const containing = [...open].reverse().find((entry) => entry.element?.kind === 'recommendation')?.element;
        this.current = this.readHeading(block, containing?.id, this.pendingIgnore ?? new Set());
        open.push({ depth: block.depth, element: this.current });
        this.pendingIgnore = undefined;
        return;
      }
      if (block.type === 'html') {
        const ignore = IGNORE_COMMENT.exec(block.value);
        if (ignore) {
          const codes = ignore[1]!.split(/[\s,]+/).filter(Boolean);
          this.pendingIgnore = new Set(codes.length > 0 ? codes : ['*']);
          return;
        }
      }
      this.pendingIgnore = undefined;
      const current = this.current;
      if (current?.kind === 'recommendation' && block.type === 'paragraph') {
        current.text = joinParagraphs(current.text, this.slice(this.rangeOf(block)));
      } else if (current?.kind === 'action') {
        if (block.type === 'list') this.readFieldList(block, current);
        else if (block.type === 'paragraph') current.description = joinParagraphs(current.description, this.slice(this.rangeOf(block)));
      }
    });
  }

  private rangeOf(node: { position?: { start: { offset?: number }; end: { offset?: number } } }): Range {
    return { start: this.base + (node.position?.start.offset ?? 0), end: this.base + (node.position?.end.offset ?? 0) };
  }

  private slice(range: Range): string {
    return this.text.slice(range.start, range.end);
  }

  private span(start: number, end: number): Span {
    return { text: this.text.slice(start, end), range: { start, end } };
  }

  private readFrontMatterBlock(block: RootContent): FrontMatter {
    const range = this.rangeOf(block);
    const firstLineEnd = this.text.indexOf('\n', range.start);
    const valueStart = firstLineEnd < 0 || firstLineEnd >= range.end ? range.end : firstLineEnd + 1;
    const closingLineStart = this.text.lastIndexOf('\n', range.end - 1) + 1;
    const valueEnd = Math.max(valueStart, closingLineStart);
    return readFrontMatter(this.text.slice(valueStart, valueEnd), valueStart, range);
  }

  private readHeading(heading: Heading, containingRecommendationId: string | undefined, ignoredCodes: ReadonlySet<string>): PlanElement | undefined {
    const first = heading.children[0];
    const last = heading.children[heading.children.length - 1];
    if (!first || !last) return undefined;
    const contentStart = this.rangeOf(first).start;
    const contentEnd = this.rangeOf(last).end;
    const content = this.text.slice(contentStart, contentEnd);

    const recommendation = matchRecommendationId(content);
    const match = recommendation ?? matchActionId(content);
    if (!match) return undefined;
    const idEnd = contentStart + match.length;
    const restStart = Math.min(idEnd + separatorLength(content.slice(match.length)), contentEnd);
    const headingRange = this.rangeOf(heading);
    const common = {
      id: match.id,
      idSpan: this.span(contentStart, idEnd),
      depth: heading.depth,
      headingRange,
      // The end is set when a heading of the same or a higher level closes the section.
      sectionRange: { start: headingRange.start, end: this.text.length },
      ignoredCodes,
    };
    const rest = this.span(restStart, contentEnd);

    if (recommendation) {
      const element: Recommendation = { kind: 'recommendation', title: rest, text: '', ...common };
      this.recommendations.push(element);
      return element;
    }
    const element: Action = { kind: 'action', statement: rest, description: '', fields: [], containingRecommendationId, ...common };
    this.actions.push(element);
    return element;
  }

  private readFieldList(list: List, action: Action): void {
    for (const item of list.children) {
      const field = this.readField(item);
      if (field) action.fields.push(field);
    }
  }

  private readField(item: ListItem): Field | undefined {
    const paragraph = item.children[0];
    if (paragraph?.type !== 'paragraph') return undefined;
    const paragraphRange = this.rangeOf(paragraph);
    const shape = fieldShape(this.slice(paragraphRange));
    if (!shape) return undefined;
    const at = paragraphRange.start;

    const items: Span[] = [];
    for (const child of item.children.slice(1)) {
      if (child.type !== 'list') continue;
      for (const subItem of child.children) {
        const range = this.rangeOf(subItem.children[0] ?? subItem);
        items.push(this.span(range.start, range.end));
      }
    }
    return {
      name: shape.name,
      key: this.span(at + shape.keyStart, at + shape.keyEnd),
      value: this.span(at + shape.valueStart, at + shape.valueEnd),
      valueText: shape.valueText,
      items,
      range: this.rangeOf(item),
    };
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

// The same field lines are read again on every keystroke: remember their shape by their text.
const fieldShapes = new Map<string, FieldShape | null>();
const MAX_CACHED_FIELDS = 50_000;

function fieldShape(source: string): FieldShape | undefined {
  let shape = fieldShapes.get(source);
  if (shape === undefined) {
    if (fieldShapes.size >= MAX_CACHED_FIELDS) fieldShapes.clear();
    shape = readFieldShape(source) ?? null;
    fieldShapes.set(source, shape);
  }
  return shape ?? undefined;
}

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

function joinParagraphs(existing: string, paragraph: string): string {
  const normalised = paragraph.replace(/\s+/g, ' ').trim();
  return existing ? `${existing}\n\n${normalised}` : normalised;
}
