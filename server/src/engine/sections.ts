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

// Only lines starting with one of these characters can open anything that matters here.
const MAY_MATTER = new Set([...'#`~< \t\uFEFF-'].map((char) => char.charCodeAt(0)));

/**
 * Where the parser may be at the start of a line. A line that looks like the start of an HTML block
 * that ends at a blank line may instead continue a paragraph (such a start cannot interrupt one), so
 * both readings are followed; a cut is made only where every reading is at top level.
 */
type State = { kind: 'top' } | { kind: 'fence'; char: string; length: number } | { kind: 'html'; end: RegExp } | { kind: 'html-to-blank' };

const TOP: State = { kind: 'top' };

function next(state: State, line: string): State[] {
  switch (state.kind) {
    case 'fence': {
      const close = FENCE.exec(line);
      return close && close[1]![0] === state.char && close[1]!.length >= state.length && line.trim() === close[1] ? [TOP] : [state];
    }
    case 'html':
      return state.end.test(line) ? [TOP] : [state];
    case 'html-to-blank':
      return line.trim() === '' ? [TOP] : [state];
    case 'top': {
      const open = FENCE.exec(line);
      if (open && !(open[1]![0] === '`' && line.slice(open[0].length).includes('`'))) return [{ kind: 'fence', char: open[1]![0]!, length: open[1]!.length }];
      const ended = HTML_WITH_END.find(([start]) => start.test(line));
      if (ended) return ended[1].test(line.slice(line.indexOf('<') + 2)) ? [TOP] : [{ kind: 'html', end: ended[1] }];
      return HTML_TO_BLANK.test(line) ? [{ kind: 'html-to-blank' }, TOP] : [TOP];
    }
  }
}

const keyOf = (state: State): string =>
  state.kind === 'fence' ? `fence ${state.char} ${state.length}` : state.kind === 'html' ? `html ${state.end.source}` : state.kind;

// A carriage return alone ends a line for Markdown, but not for the scanner below.
const LONE_CARRIAGE_RETURN = /\r(?!\n)/;

export function splitSections(text: string): Section[] {
  // Such text (old Mac files) is rare: it is parsed whole rather than cut wrongly.
  if (LONE_CARRIAGE_RETURN.test(text)) return [{ start: 0, end: text.length }];
  const cuts = [0];
  let offset = 0;
  let states: State[] = [TOP];
  let lineNumber = 0;
  let inFrontMatter = false;

  while (offset < text.length) {
    const newline = text.indexOf('\n', offset);
    const lineEnd = newline < 0 ? text.length : newline + 1;
    const atTop = states.length === 1 && states[0] === TOP;
    // Most lines are plain text or list items at top level: skip them unread.
    if (!atTop || inFrontMatter || MAY_MATTER.has(text.charCodeAt(offset))) {
      const line = text.slice(offset, newline < 0 ? text.length : newline).replace(/\r$/, '');
      if (lineNumber === 0 && /^\uFEFF?---\s*$/.test(line)) inFrontMatter = true;
      else if (inFrontMatter) {
        if (/^---\s*$/.test(line)) inFrontMatter = false;
      } else if (atTop && ATX_HEADING.test(line)) {
        if (offset > 0) cuts.push(offset);
      } else {
        const seen = new Map<string, State>();
        for (const state of states) for (const reached of next(state, line)) seen.set(keyOf(reached), reached);
        states = [...seen.values()];
      }
    }
    offset = lineEnd;
    lineNumber++;
  }
  return cuts.map((start, index) => ({ start, end: cuts[index + 1] ?? text.length }));
}
