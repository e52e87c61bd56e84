/**
 * A fast reader for the sections most plans are made of: an ATX heading, paragraphs, and `- Key:
 * value` lists with one level of `  - ` sub-items. It gives exactly the blocks remark would
 * (parse.ts), at a small fraction of micromark's time; anything else in a section, from a tab or a
 * table to a block quote, an HTML comment or an ordered list, sends the section to remark instead.
 * A property test checks the two agree on every section this reader accepts.
 */
import { fieldOf, headingElement, normalise, type SectionBlock } from './parse.js';
import type { Range } from './model.js';

interface Line {
  start: number;
  /** Where the line's text ends, before `\r\n` or `\n`. */
  end: number;
  indent: number;
  /** The text after the indentation. */
  rest: string;
}

const ATX_HEADING = /^(#{1,6}) +/;
const ORDERED_MARKER = /^\d{1,9}[.)](?: |$)/;
// What a line can start with without starting any block but a paragraph. `**` or `__` only before
// a letter: `***` and `___` are thematic breaks.
const SAFE_START = /^(?:[\p{L}\p{N}("'\u2018\u2019\u201C\u201D\u00A3$\u20AC%&,./;?@]|(?:\*\*|__)\p{L})/u;

const isBlank = (line: Line): boolean => line.rest === '';
const safe = (text: string): boolean => SAFE_START.test(text) && !ORDERED_MARKER.test(text);
const itemContent = (line: Line, indent: number): boolean => line.indent === indent && line.rest.startsWith('- ') && safe(line.rest.slice(2));

interface ListItem {
  item: Range;
  paragraph: Range;
  subItems: Range[];
}

/** The section's blocks, or undefined when it holds anything this reader does not know. */
export function readSimpleSection(source: string): SectionBlock[] | undefined {
  // Tabs shift columns, NUL is replaced, a lone CR ends a line, and a pipe may make a table.
  if (/[\t\0|]|\r(?!\n)/.test(source)) return undefined;
  const lines = splitLines(source);
  const heading = ATX_HEADING.exec(lines[0]?.rest ?? '');
  const first = lines[0];
  if (!heading || !first || first.indent > 0) return undefined;
  const contentStart = first.start + heading[0].length;
  const contentEnd = first.start + trimSpacesEnd(first.rest).length;
  if (contentEnd <= contentStart || source[contentEnd - 1] === '#') return undefined;
  const blocks: SectionBlock[] = [
    { type: 'heading', depth: heading[1]!.length, start: first.start, end: first.end, element: headingElement(source, contentStart, contentEnd) },
  ];

  let paragraph: Range | undefined;
  let list: ListItem[] | undefined;
  let afterBlank = false;
  const closeParagraph = (): void => {
    if (paragraph) blocks.push({ type: 'paragraph', text: normalise(source.slice(paragraph.start, paragraph.end)) });
    paragraph = undefined;
  };
  const closeList = (): void => {
    if (list) blocks.push({ type: 'list', fields: list.map((entry) => fieldOf(source, entry.paragraph, entry.item, entry.subItems)).filter((field) => field !== undefined) });
    list = undefined;
  };
  const startItem = (line: Line): void => {
    list ??= [];
    list.push({ item: { start: line.start, end: line.end }, paragraph: { start: line.start + 2, end: line.end }, subItems: [] });
    afterBlank = false;
  };

  for (const line of lines.slice(1)) {
    if (isBlank(line)) {
      closeParagraph();
      if (list) afterBlank = true;
      continue;
    }
    if (list) {
      const last = list[list.length - 1]!;
      if (itemContent(line, 0)) startItem(line);
      else if (itemContent(line, 2)) {
        last.subItems.push({ start: line.start + 4, end: line.end });
        last.item.end = line.end;
        afterBlank = false;
      } else if (!afterBlank && safe(line.rest)) {
        // A continuation line, indented or lazy, of the item's last paragraph.
        const subItem = last.subItems[last.subItems.length - 1];
        (subItem ?? last.paragraph).end = line.end;
        last.item.end = line.end;
      } else if (afterBlank && line.indent === 0 && safe(line.rest)) {
        closeList();
        paragraph = { start: line.start, end: line.end };
      } else return undefined;
    } else if (itemContent(line, 0)) {
      // A list item with content interrupts a paragraph.
      closeParagraph();
      startItem(line);
    } else if (paragraph && safe(line.rest)) paragraph.end = line.end;
    else if (!paragraph && line.indent === 0 && safe(line.rest)) paragraph = { start: line.start, end: line.end };
    else return undefined;
  }
  closeParagraph();
  closeList();
  return blocks;
}

const trimSpacesStart = (text: string): string => text.replace(/^ +/, '');
// A loop, not / +$/: that regex retries a long run of spaces from each of them.
function trimSpacesEnd(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === ' ') end--;
  return text.slice(0, end);
}

function splitLines(source: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start < source.length) {
    const newline = source.indexOf('\n', start);
    const next = newline < 0 ? source.length : newline + 1;
    const end = newline < 0 ? source.length : newline > start && source[newline - 1] === '\r' ? newline - 1 : newline;
    const text = source.slice(start, end);
    // Only spaces indent or blank a line in Markdown: a no-break space or a byte order mark is text.
    const indent = text.length - trimSpacesStart(text).length;
    const rest = text.slice(indent);
    lines.push({ start, end, indent, rest: trimSpacesEnd(rest) === '' ? '' : rest });
    start = next;
  }
  return lines;
}
