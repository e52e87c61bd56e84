/** Silencing one rule for one action or recommendation with a plan-ignore comment. */
import type { PlanElement } from '../model.js';
import { ignoreCommentBefore, insertLineBefore, lineStart } from './text.js';
import type { Fix } from './types.js';

/**
 * `<!-- plan-ignore CODE -->` on the line before the element's heading, or CODE added to the
 * plan-ignore comment already there (a second comment would replace the first, not add to it).
 */
export function silenceFix(text: string, element: PlanElement, code: string): Fix | undefined {
  if (element.ignoredCodes.has('*') || element.ignoredCodes.has(code)) return undefined;
  const start = lineStart(text, element.headingRange.start);
  const existing = ignoreCommentBefore(text, start);
  const title = `Silence ${code} for ${element.id}`;
  if (element.ignoredCodes.size === 0) {
    // A comment that the parser did not attach to this heading is left alone.
    return { title, edits: [insertLineBefore(text, start, `<!-- plan-ignore ${code} -->`)], safe: false, preferred: false };
  }
  // Merge only into the comment the parser read for this heading.
  if (!existing || existing.codes.length !== element.ignoredCodes.size || !existing.codes.every((c) => element.ignoredCodes.has(c))) return undefined;
  let at = existing.end - 3;
  while (at > existing.start && /\s/.test(text[at - 1]!)) at--;
  return { title, edits: [{ range: { start: at, end: at }, newText: ` ${code}` }], safe: false, preferred: false };
}
