/**
 * Text with its layout from a PDF's positioned text items, the way `pdftotext -layout` prints it:
 * one line per baseline, each item at its column, a blank line for a wider gap, a form feed
 * between pages. The importer reads indentation (an item's continuation lines) and column gaps
 * (the table of grades), which PDF.js's plain text leaves out.
 */

/** A text item as PDF.js gives it (unpdf's extractTextItems): x and y of its baseline, y upwards. */
export interface PositionedItem {
  str: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
}

/** Items closer than this share a line, as a fraction of the font size. */
const SAME_LINE = 0.5;
/** A gap between lines wider than this many line heights is a paragraph break. */
const PARAGRAPH_GAP = 1.6;

/** Further right than any page's text: a column beyond it is a broken position, not layout. */
const MAX_COLUMN = 300;

interface Line {
  y: number;
  fontSize: number;
  items: PositionedItem[];
}

/** The typical width of a character: the median over the document's items, or half the font size. */
function characterWidth(pages: readonly (readonly PositionedItem[])[]): number {
  const widths = pages
    .flat()
    .filter((item) => item.str.trim().length > 0 && item.width > 0)
    .map((item) => item.width / item.str.length)
    .sort((a, b) => a - b);
  if (widths.length === 0) return 5;
  return widths[Math.floor(widths.length / 2)]!;
}

function linesOf(items: readonly PositionedItem[]): Line[] {
  const lines: Line[] = [];
  const sorted = items.filter((item) => item.str.length > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  for (const item of sorted) {
    const size = item.fontSize > 0 ? item.fontSize : 10;
    // Items come top to bottom: only the line last started can take this one.
    const last = lines[lines.length - 1];
    const line = last && Math.abs(last.y - item.y) <= SAME_LINE * Math.max(size, last.fontSize) ? last : undefined;
    if (line) line.items.push(item);
    else lines.push({ y: item.y, fontSize: size, items: [item] });
  }
  for (const line of lines) line.items.sort((a, b) => a.x - b.x);
  return lines.sort((a, b) => b.y - a.y);
}

/** Lays out every page; pages are separated by form feeds, as pdftotext separates them. */
export function layoutText(pages: readonly (readonly PositionedItem[])[]): string {
  const charWidth = characterWidth(pages);
  const xs = pages.flat().filter((item) => item.str.trim().length > 0).map((item) => item.x);
  const margin = xs.length > 0 ? Math.min(...xs) : 0;
  return pages
    .map((items) => {
      const out: string[] = [];
      let previous: Line | undefined;
      for (const line of linesOf(items)) {
        if (previous && previous.y - line.y > PARAGRAPH_GAP * previous.fontSize * 1.2) out.push('');
        let text = '';
        let end = -Infinity;
        for (const item of line.items) {
          const column = Math.min(MAX_COLUMN, Math.max(0, Math.round((item.x - margin) / charWidth)));
          const separated = item.x - end > charWidth * 0.25;
          if (column > text.length) text = text.padEnd(column, ' ');
          else if (separated && text !== '' && !text.endsWith(' ') && !item.str.startsWith(' ')) text += ' ';
          text += item.str;
          end = item.x + item.width;
        }
        out.push(text.replace(/\s+$/, ''));
        previous = line;
      }
      return out.join('\n');
    })
    .join('\n\f');
}
