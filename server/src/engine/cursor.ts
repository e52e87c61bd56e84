/** What is at an offset of a plan's text: the line, the action whose section it is in, the field it is in. */
import type { Action, Field, Plan, PlanElement, Range } from './model.js';

export interface Line {
  /** Offset of the line's first character. */
  start: number;
  /** Offset of the line break (or the end of the text); a carriage return before it is excluded. */
  end: number;
}

export function lineAt(text: string, offset: number): Line {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', offset);
  let end = newline < 0 ? text.length : newline;
  if (end > start && text[end - 1] === '\r') end--;
  return { start, end: Math.max(start, end) };
}

/** `start <= offset <= end`: a cursor just after a word is still on it. */
export const touches = (range: Range, offset: number): boolean => range.start <= offset && offset <= range.end;

/** Whether `offset` lies in the element's section (after the start of its heading, before the next heading that closes it). */
export function inSection(element: PlanElement, offset: number, textLength: number): boolean {
  const { start, end } = element.sectionRange;
  return start <= offset && (offset < end || end === textLength);
}

/** The action whose section holds `offset`, below its heading line; the innermost when sections nest. */
export function actionBelowHeadingAt(plan: Plan, offset: number): Action | undefined {
  let found: Action | undefined;
  for (const action of plan.actions) {
    if (inSection(action, offset, plan.text.length) && offset > action.headingRange.end) {
      if (!found || action.headingRange.start > found.headingRange.start) found = action;
    }
  }
  return found;
}

export interface FieldAtCursor {
  action: Action;
  field: Field;
  /** Just after the key's colon (and closing emphasis, if bold): where the value may begin. */
  valueZoneStart: number;
}

/** The field whose value the cursor is in: after the key's colon, up to the end of the item's last line. */
export function fieldValueAt(plan: Plan, offset: number): FieldAtCursor | undefined {
  const action = actionBelowHeadingAt(plan, offset);
  if (!action) return undefined;
  for (const field of action.fields) {
    // The value starts after the key, its colon (and closing emphasis) and any white space.
    let valueZoneStart = field.value.range.start;
    while (valueZoneStart > field.key.range.end && /[ \t\r\n]/.test(plan.text[valueZoneStart - 1]!)) valueZoneStart--;
    const itemEnd = lineAt(plan.text, field.range.end).end;
    if (valueZoneStart <= offset && offset <= itemEnd) return { action, field, valueZoneStart };
  }
  return undefined;
}
