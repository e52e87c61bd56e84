/** Lines, line endings and where to put new lines, for the edits fixes make. Offsets are UTF-16. */
import type { TextEdit } from './types.js';
import { readIgnoreComment } from '../parse.js';

const BREAK = /\r\n|\r|\n/g;

/** The line ending to write near `offset`: the next one in the text, else the one before, else `\n`. */
export function eolAt(text: string, offset: number): string {
  BREAK.lastIndex = Math.max(0, Math.min(offset, text.length));
  const after = BREAK.exec(text);
  if (after) return after[0];
  let before: string | undefined;
  for (const match of text.matchAll(BREAK)) before = match[0];
  return before ?? '\n';
}

/** The offset where the line containing `offset` starts; the first line starts after a byte order mark. */
export function lineStart(text: string, offset: number): number {
  let i = Math.max(0, Math.min(offset, text.length));
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  // A line inserted before a byte order mark would push it into the text, where it is no longer a
  // mark (a second one is read as a space, and is no longer that either): insert after them.
  if (i > 0 || offset === 0) return i;
  let marks = 0;
  while (text.charCodeAt(marks) === 0xfeff) marks++;
  return marks;
}

/** The offset where the line containing `offset` ends, before its line break. */
export function lineEnd(text: string, offset: number): number {
  let i = Math.max(0, Math.min(offset, text.length));
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** The start of the line after the one containing `offset`, or the end of the text. */
export function nextLineStart(text: string, offset: number): number {
  const end = lineEnd(text, offset);
  if (end >= text.length) return text.length;
  return text.startsWith('\r\n', end) ? end + 2 : end + 1;
}

/** The start of the line before the one starting at `start`, or undefined on the first line. */
export function previousLineStart(text: string, start: number): number | undefined {
  if (start <= 0) return undefined;
  const breakLength = text.startsWith('\r\n', start - 2) ? 2 : 1;
  return lineStart(text, start - breakLength);
}

export const isLineStart = (text: string, offset: number): boolean =>
  offset === 0 || text[offset - 1] === '\n' || text[offset - 1] === '\r' || (offset === 1 && text.charCodeAt(0) === 0xfeff);

export const isBlankLine = (text: string, start: number): boolean => text.slice(start, lineEnd(text, start)).trim() === '';

/** A line at the end of the text without a line break after it: the insertion must start one. */
const endsWithBreak = (text: string): boolean => text.endsWith('\n') || text.endsWith('\r');

/**
 * Inserts `line` (no line ending) as a line of its own directly after the line containing `offset`.
 */
export function insertLineAfter(text: string, offset: number, line: string): TextEdit {
  const eol = eolAt(text, offset);
  const at = nextLineStart(text, offset);
  if (at === text.length && !endsWithBreak(text) && text.length > 0) return { range: { start: at, end: at }, newText: eol + line };
  return { range: { start: at, end: at }, newText: line + eol };
}

/** Inserts `line` as a line of its own directly before the line starting at `start`. */
export function insertLineBefore(text: string, start: number, line: string): TextEdit {
  return { range: { start, end: start }, newText: line + eolAt(text, start) };
}

/**
 * Inserts a block of lines at `at`, a line start or the end of the text, with a blank line before and
 * after it as Markdown blocks want. `snippetLines`, when given, are the same lines in snippet syntax.
 */
export function blockInsertion(text: string, at: number, lines: readonly string[], snippetLines?: readonly string[]): TextEdit {
  const eol = eolAt(text, at);
  const before = text.slice(0, at);
  let prefix = '';
  if (before !== '') {
    if (!endsWithBreak(before)) prefix = eol + eol;
    else {
      const lastLine = previousLineStart(text, at);
      if (lastLine !== undefined && !isBlankLine(text, lastLine)) prefix = eol;
    }
  }
  const suffix = at < text.length && !isBlankLine(text, at) ? eol + eol : eol;
  const edit: TextEdit = { range: { start: at, end: at }, newText: prefix + lines.join(eol) + suffix };
  // A snippet inserted in the middle of a line would be re-indented by some editors: plain text there.
  if (snippetLines && isLineStart(text, at)) edit.snippet = prefix + snippetLines.join(eol) + suffix;
  return edit;
}

/** Where a block that belongs before the heading at `headingStart` goes: before its plan-ignore comment, if it has one. */
export function startOfHeadingBlock(text: string, headingStart: number): number {
  const start = lineStart(text, headingStart);
  const comment = ignoreCommentBefore(text, start);
  return comment ? lineStart(text, comment.start) : start;
}

/**
 * The plan-ignore comment on the lines just before the line starting at `start` (blank lines may
 * come between), as the parser reads it: its range and the codes in it.
 */
export function ignoreCommentBefore(text: string, start: number): { start: number; end: number; codes: string[] } | undefined {
  const before = text.slice(0, start).trimEnd();
  if (!before.endsWith('-->')) return undefined;
  const open = before.lastIndexOf('<!--');
  if (open < 0) return undefined;
  const commentLine = lineStart(text, open);
  const candidate = text.slice(commentLine, before.length);
  const codes = readIgnoreComment(candidate);
  return codes && { start: open, end: before.length, codes };
}

/** Applies edits to text: offsets are into the original text, and edits must not overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  let result = '';
  let at = 0;
  for (const edit of sorted) {
    if (edit.range.start < at) throw new Error('overlapping edits');
    result += text.slice(at, edit.range.start) + edit.newText;
    at = edit.range.end;
  }
  return result + text.slice(at);
}

/** Escapes text for use inside a snippet (LSP / TextMate snippet syntax). */
export const escapeSnippet = (text: string): string => text.replace(/[\\$}]/g, (c) => `\\${c}`);
