/**
 * V8 compiles code the first time it runs, and some of the engine's code runs only when the text
 * calls for it: remark reads a section the fast reader does not (simpleSections.ts), chrono-node
 * reads a date that is not in a plain form. Their first use costs tens to hundreds of milliseconds
 * (V8 compiles a regular expression to machine code on its second use), so
 * the first odd keystroke of a session would stall. The server runs them once on samples just after
 * it has answered its first analysis, a moment when nobody is typing yet.
 */
import { readDateWithChrono } from './dates.js';
import { readSectionWithRemark } from './parse.js';
import type { Steps } from './steps.js';

export const SECTION_SAMPLES = [
  '### A1.1 Audit strategy discussions\n\n-x Owner: Head of Service\n- Due: 31 March 2026\n  - 15 June 2025: first audit\n\n> A note\n\n| a | b |\n| - | - |\n| 1 | 2 |\n',
  '## R1 Recommendation\n\nThe quality of plans.\n\n1. One\n2. Two\n\n```\ncode\n```\n\n<!-- plan-ignore -->\n\nText *with* `inline` [links](x).\n',
];

export const DATE_SAMPLES = ['15 Jxune 2025: first workshop held', 'within 3 months of 1 April 2026', 'by the end of next week', '28 Aprixl 2026', 'Novemxber 2026'];

/** Runs the rarely used paths once each, a step at a time, so that a server can pause between them. */
export function* warmUpSteps(): Steps<void> {
  for (const sample of SECTION_SAMPLES) {
    readSectionWithRemark(sample);
    yield;
  }
  // Twice: V8 first interprets a regular expression and compiles it to machine code on its next use.
  for (let round = 0; round < 2; round++) {
    for (const date of DATE_SAMPLES) {
      readDateWithChrono(date, '2025-01-01', false);
      yield;
    }
  }
}
