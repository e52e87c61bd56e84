/**
 * Cutting a plan into sections that Markdown parses the same way alone as in the whole text,
 * so that an edit re-parses only the sections it touched (issue: instant on big plans).
 *
 * A cut goes before a line that starts with an ATX heading (`#` to `######` at column 0): such a
 * line always starts a new top-level block, except inside front matter, a fenced code block or an
 * HTML block. When unsure (a fence or HTML that may be nested), no cut is made: a section that is
 * too large is only slower, never wrong. Property tests check that sectioned and whole parses agree.
 */

export interface Section {
  start: number;
  end: number;
}

const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
// HTML blocks of types 1 to 5 end at a marker, even across blank lines.
const HTML_WITH_END: [RegExp, RegExp][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];
// Other HTML blocks (types 6 and 7) end at a blank line.
const HTML_TO_BLANK = /^ {0,3}<\/?[A-Za-z][A-Za-z0-9-]*(?:[\s/>]|$)/;

// Only lines starting with one of these characters can open or close anything that matters here.
const MAY_MATTER = new Set([...'#`~< -\t\uFEFF'].map((char) => char.charCodeAt(0)));

export function splitSections(text: string): Section[] {
  const cuts = [0];
  let offset = 0;
  let fence: { char: string; length: number } | undefined;
  let htmlEnd: RegExp | undefined;
  let htmlToBlank = false;
  let lineNumber = 0;
  let inFrontMatter = false;

  while (offset < text.length) {
    const newline = text.indexOf('\n', offset);
    const lineEnd = newline < 0 ? text.length : newline + 1;
    // Most lines are plain text or list items outside any block that hides headings: skip them unread.
    if (htmlEnd || htmlToBlank || MAY_MATTER.has(text.charCodeAt(offset))) {
      const line = text.slice(offset, newline < 0 ? text.length : newline).replace(/\r$/, '');
      if (lineNumber === 0 && /^\uFEFF?---\s*$/.test(line)) inFrontMatter = true;
      else if (inFrontMatter) {
        if (/^---\s*$/.test(line)) inFrontMatter = false;
      } else if (fence) {
        const close = FENCE.exec(line);
        if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length && line.trim() === close[1]) fence = undefined;
      } else if (htmlEnd) {
        if (htmlEnd.test(line)) htmlEnd = undefined;
      } else if (htmlToBlank) {
        if (line.trim() === '') htmlToBlank = false;
      } else if (ATX_HEADING.test(line)) {
        if (offset > 0) cuts.push(offset);
      } else {
        const open = FENCE.exec(line);
        if (open && !(open[1]![0] === '`' && line.slice(open[0].length).includes('`'))) {
          fence = { char: open[1]![0]!, length: open[1]!.length };
        } else {
          const ended = HTML_WITH_END.find(([start]) => start.test(line));
          if (ended) {
            if (!ended[1].test(line.slice(line.indexOf('<') + 2))) htmlEnd = ended[1];
          } else if (HTML_TO_BLANK.test(line)) htmlToBlank = true;
        }
      }
    }
    offset = lineEnd;
    lineNumber++;
  }
  return cuts.map((start, index) => ({ start, end: cuts[index + 1] ?? text.length }));
}
