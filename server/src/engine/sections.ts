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
  return sectionsFrom(scanCuts(text, 0).cuts, text.length);
}

/** Where two texts differ: they are the same before `start`, and after `beforeEnd` (before) and `afterEnd` (after). */
export interface TextChange {
  start: number;
  beforeEnd: number;
  afterEnd: number;
}

/** The smallest change that turns `before` into `after`, found by comparing slices (native compares, fast). */
export function changeBetween(before: string, after: string): TextChange {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  for (let chunk = 4096; chunk >= 1; chunk >>= 3) {
    while (start + chunk <= shorter && before.slice(start, start + chunk) === after.slice(start, start + chunk)) start += chunk;
  }
  let same = 0;
  const most = shorter - start;
  for (let chunk = 4096; chunk >= 1; chunk >>= 3) {
    while (same + chunk <= most && before.slice(before.length - same - chunk, before.length - same) === after.slice(after.length - same - chunk, after.length - same)) same += chunk;
  }
  return { start, beforeEnd: before.length - same, afterEnd: after.length - same };
}

/**
 * splitSections(after), from the sections of `before`: only the text from the last cut before the
 * change is scanned again, until a cut after the change meets one of the old cuts (the state at
 * every cut is the same, top level, so the old cuts after it hold). Property tests check that
 * this gives exactly splitSections(after).
 */
export function splitSectionsAfterChange(before: readonly Section[], after: string, change: TextChange): Section[] {
  // A lone carriage return near the change, or one that made the old text a single section: scan it all.
  const around = after.slice(Math.max(0, change.start - 1), change.afterEnd + 1);
  if (before.length <= 1 || LONE_CARRIAGE_RETURN.test(around) || mayCloseFrontMatter(after, change)) return splitSections(after);
  // The section holding the change; the cut that starts it stays a cut only if the change is after its first line.
  let index = lastStartingBefore(before, change.start + 1);
  const firstLineEnd = after.indexOf('\n', before[index]!.start);
  if (firstLineEnd < 0 || change.start <= firstLineEnd) index--;
  if (index < 0) return splitSections(after);
  const shift = change.afterEnd - change.beforeEnd;
  const wasCut = (offset: number): boolean => before[lastStartingBefore(before, offset + 1)]!.start === offset;
  // The scan starts at a cut whose heading line is unchanged, and stops at the first cut after the change that was a cut before.
  const { cuts, stoppedAt } = scanCuts(after, before[index]!.start, (cut) => cut >= change.afterEnd && wasCut(cut - shift));
  const kept = before.slice(0, index === 0 ? 0 : index + 1).map((section) => section.start);
  const moved = stoppedAt === undefined ? [] : before.filter((section) => section.start >= stoppedAt - shift).map((section) => section.start + shift);
  return sectionsFrom([...kept, ...cuts, ...moved], after.length);
}

const FENCE_LINE = /^---[ \t]*\r?$/m;
const OPENING_FENCE = /^\uFEFF?---[ \t]*\r?(?:\n|$)/;

/** Whether the text starts with a `---` line that no later `---` line closes: then it has no front matter. */
export function opensUnclosedFrontMatter(text: string): boolean {
  const opening = OPENING_FENCE.exec(text);
  return opening !== null && !FENCE_LINE.test(text.slice(opening[0].length));
}

/** A `---` line made by the change may close front matter that a `---` first line left open. */
function mayCloseFrontMatter(after: string, change: TextChange): boolean {
  if (!OPENING_FENCE.test(after)) return false;
  const lineStart = after.lastIndexOf('\n', change.start - 1) + 1;
  const lineEnd = after.indexOf('\n', change.afterEnd);
  return FENCE_LINE.test(after.slice(lineStart, lineEnd < 0 ? after.length : lineEnd));
}

const sectionsFrom = (cuts: readonly number[], length: number): Section[] => cuts.map((start, index) => ({ start, end: cuts[index + 1] ?? length }));

/** The index of the last section that starts before `offset` (0 if none does). */
export function lastStartingBefore(sections: readonly Section[], offset: number): number {
  let low = 0;
  let high = sections.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (sections[middle]!.start < offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * The offsets where sections start, scanning from `from` (0, or a cut: the state at a cut is top
 * level, outside front matter; `from` itself is included only when 0). The scan stops at the first
 * cut that `stop` accepts, and says where. A `---` first line that is never closed opens no front
 * matter (parse.ts reads such text without the front matter extension), so the text is then
 * scanned again without it.
 */
function scanCuts(text: string, from: number, stop?: (cut: number) => boolean, frontMatter = true): { cuts: number[]; stoppedAt?: number } {
  const cuts = from === 0 ? [0] : [];
  let offset = from;
  let states: State[] = [TOP];
  let lineNumber = from === 0 ? 0 : 1;
  let inFrontMatter = false;

  while (offset < text.length) {
    const newline = text.indexOf('\n', offset);
    const lineEnd = newline < 0 ? text.length : newline + 1;
    const atTop = states.length === 1 && states[0] === TOP;
    // Most lines are plain text or list items at top level: skip them unread.
    if (!atTop || inFrontMatter || MAY_MATTER.has(text.charCodeAt(offset))) {
      const line = text.slice(offset, newline < 0 ? text.length : newline).replace(/\r$/, '');
      if (lineNumber === 0 && frontMatter && /^\uFEFF?---\s*$/.test(line)) inFrontMatter = true;
      else if (inFrontMatter) {
        if (/^---\s*$/.test(line)) inFrontMatter = false;
      } else if (atTop && ATX_HEADING.test(line)) {
        if (offset > from) {
          if (stop?.(offset)) return { cuts, stoppedAt: offset };
          cuts.push(offset);
        }
      } else {
        const seen = new Map<string, State>();
        for (const state of states) for (const reached of next(state, line)) seen.set(keyOf(reached), reached);
        states = [...seen.values()];
      }
    }
    offset = lineEnd;
    lineNumber++;
  }
  return inFrontMatter ? scanCuts(text, from, stop, false) : { cuts };
}
