/** Lines and characters in test texts: where a piece of text is, and what a range covers. */
import type { Position, Range } from 'vscode-languageserver-protocol';

export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before.at(-1)!.length };
}

/** The position `delta` characters after the start of `needle` (which must be in `text`). */
export function positionOf(text: string, needle: string, delta = 0): Position {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`"${needle}" is not in the text`);
  return positionAt(text, index + delta);
}

/** The text a range covers. */
export function textIn(text: string, range: Range): string {
  const lines = text.split('\n');
  const offset = (p: Position) => lines.slice(0, p.line).reduce((sum, line) => sum + line.length + 1, 0) + p.character;
  return text.slice(offset(range.start), offset(range.end));
}

/** A range on one line. */
export const onLine = (line: number, start: number, end: number): Range => ({ start: { line, character: start }, end: { line, character: end } });
