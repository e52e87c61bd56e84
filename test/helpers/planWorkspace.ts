/** Temporary workspace folders of plans for the navigation protocol tests, and positions in their text. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Position, Range } from 'vscode-languageserver-protocol';

export const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));

export class PlanWorkspace {
  constructor(readonly folder: string) {}

  /** A new folder holding `files` (names relative to it) and, with `examples`, a copy of examples/. */
  static create(files: Record<string, string> = {}, options: { examples?: boolean } = {}): PlanWorkspace {
    const workspace = new PlanWorkspace(mkdtempSync(path.join(tmpdir(), 'plan-nav-')));
    if (options.examples) cpSync(EXAMPLES, workspace.folder, { recursive: true });
    for (const [name, text] of Object.entries(files)) workspace.write(name, text);
    return workspace;
  }

  path(name: string): string {
    return path.join(this.folder, name);
  }

  uri(name: string): string {
    return pathToFileURL(this.path(name)).href;
  }

  read(name: string): string {
    return readFileSync(this.path(name), 'utf8');
  }

  write(name: string, text: string): void {
    mkdirSync(path.dirname(this.path(name)), { recursive: true });
    writeFileSync(this.path(name), text);
  }
}

/** The position of the `nth` (0-based) occurrence of `needle` in `text`, moved `delta` characters on. */
export function positionOf(text: string, needle: string, nth = 0, delta = 0): Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" #${nth} is not in the text`);
  }
  const before = text.slice(0, at + delta).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

/** The range of the `nth` occurrence of `needle`. */
export function rangeOf(text: string, needle: string, nth = 0): Range {
  return { start: positionOf(text, needle, nth), end: positionOf(text, needle, nth, needle.length) };
}

/** The 0-based line of the `nth` line of `text` that starts with `prefix`. */
export function lineStartingWith(text: string, prefix: string, nth = 0): number {
  const lines = text.split('\n');
  const found = lines.map((line, index) => (line.startsWith(prefix) ? index : -1)).filter((index) => index >= 0);
  if (found[nth] === undefined) throw new Error(`no line #${nth} starts with "${prefix}"`);
  return found[nth]!;
}

/** A range as `line:character-line:character` (0-based), for compact exact assertions. */
export function showRange(range: Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/** Applies LSP text edits to a text (edits must not overlap). */
export function applyEdits(text: string, edits: readonly { range: Range; newText: string }[]): string {
  const offsetAt = (position: Position): number => {
    const lines = text.split('\n');
    return lines.slice(0, position.line).reduce((sum, line) => sum + line.length + 1, 0) + position.character;
  };
  return [...edits]
    .sort((a, b) => offsetAt(b.range.start) - offsetAt(a.range.start))
    .reduce((result, edit) => result.slice(0, offsetAt(edit.range.start)) + edit.newText + result.slice(offsetAt(edit.range.end)), text);
}
