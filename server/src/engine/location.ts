/** Offsets to 1-based lines and columns (for messages and the CLI), through vfile-location. */
import { location } from 'vfile-location';

export interface Location {
  /** 1-based line and column (in UTF-16 code units) of an offset. */
  pointOf(offset: number): { line: number; column: number };
}

export function locate(text: string): Location {
  // Indexing the lines reads the whole text: done on first use, since most analyses never ask.
  let place: ReturnType<typeof location> | undefined;
  return {
    pointOf(offset) {
      place ??= location(text);
      const point = place.toPoint(Math.min(Math.max(offset, 0), text.length));
      return point ? { line: point.line, column: point.column } : { line: 1, column: 1 };
    },
  };
}
