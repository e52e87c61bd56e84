/**
 * The body of a report as pdftotext prints it, without the page furniture: page numbers and the
 * running headers and footers that pdftotext leaves at the top and bottom of every page. Lists
 * that cross a page break then read as one list.
 */

export interface ReportLine {
  /** The line as printed, trailing white space removed; its indentation is kept (lists need it). */
  text: string;
  /** 1 for the first page. */
  page: number;
}

/** How many lines at the top and the bottom of a page can be furniture. */
const HEAD_LINES = 3;
const TAIL_LINES = 4;
/** A line printed in the same place on this many pages is a running header or footer. */
const RUNNING_PAGES = 3;

const PAGE_NUMBER = /^\s*(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?\s*$/i;

/** A line's identity across pages: its words, without a page number printed at its far right. */
function furnitureKey(line: string): string {
  let text = line.trimEnd();
  // (Not a regular expression: /\s{2,}\d+$/ takes quadratic time on long runs of spaces.)
  const number = /\d{1,3}$/.exec(text);
  if (number && text.slice(0, number.index).endsWith('  ')) text = text.slice(0, number.index);
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

const isBlank = (line: string): boolean => line.trim() === '';

/** The indexes of the first (or last) `count` non-blank lines of a page. */
function edgeLines(lines: readonly string[], count: number, fromEnd: boolean): number[] {
  const found: number[] = [];
  for (let k = 0; k < lines.length && found.length < count; k++) {
    const index = fromEnd ? lines.length - 1 - k : k;
    if (!isBlank(lines[index]!)) found.push(index);
  }
  return found;
}

/** Splits the text into pages (pdftotext ends each with a form feed) and drops their furniture. */
export function reportLines(text: string): ReportLine[] {
  const pages = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\f')
    .map((page) => page.split('\n').map((line) => line.trimEnd()));

  // A key counts once per page, at the top and at the bottom separately.
  const headCounts = new Map<string, number>();
  const tailCounts = new Map<string, number>();
  const count = (counts: Map<string, number>, keys: Iterable<string>): void => {
    for (const key of new Set(keys)) if (key !== '') counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  for (const lines of pages) {
    count(headCounts, edgeLines(lines, HEAD_LINES, false).map((i) => furnitureKey(lines[i]!)));
    count(tailCounts, edgeLines(lines, TAIL_LINES, true).map((i) => furnitureKey(lines[i]!)));
  }
  // A short report has fewer pages: a line at the bottom of every one of two pages is a footer too.
  const needed = Math.max(2, Math.min(RUNNING_PAGES, pages.length));
  const running = (counts: Map<string, number>, line: string): boolean => (counts.get(furnitureKey(line)) ?? 0) >= needed;
  const isFurniture = (counts: Map<string, number>) => (line: string) => PAGE_NUMBER.test(line) || running(counts, line);

  const result: ReportLine[] = [];
  pages.forEach((lines, index) => {
    let end = lines.length;
    // From the bottom up: blank lines and furniture, stopping at the first line of the page's text.
    while (end > 0 && (isBlank(lines[end - 1]!) || (isFurniture(tailCounts)(lines[end - 1]!) && lines.length - end < TAIL_LINES * 3))) end--;
    let start = 0;
    while (start < end && (isBlank(lines[start]!) || (isFurniture(headCounts)(lines[start]!) && start < HEAD_LINES * 3))) start++;
    for (let i = start; i < end; i++) result.push({ text: lines[i]!, page: index + 1 });
  });
  return result;
}
