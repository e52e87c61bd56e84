/** What a fix is: plain data, computed by the engine and turned into protocol objects by the LSP layer. */
import type { Range } from '../model.js';

/** Replace `range` (UTF-16 offsets into the original text) with `newText`. */
export interface TextEdit {
  range: Range;
  newText: string;
  /**
   * The same edit as a snippet (LSP snippet syntax, `${1:placeholder}`), for clients that can put the
   * cursor on the placeholder. With every placeholder left as it is, it inserts exactly `newText`.
   */
  snippet?: string;
}

export interface Fix {
  /** What the fix does, for the light-bulb menu: "Link A20 to R3 (Care leavers' entitlements)". */
  title: string;
  /** Non-overlapping edits to the text the diagnostic was computed on. */
  edits: TextEdit[];
  /** The problem has exactly one sensible fix and it adds nothing made up: "fix all" applies it. */
  safe: boolean;
  /** The fix to offer first (LSP `isPreferred`). */
  preferred: boolean;
}
