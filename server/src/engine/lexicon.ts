/**
 * Words that make an action vague or a measure unobservable, tuned to children's services plans.
 * Documented with examples in docs/rules/smart-specific.md and docs/rules/smart-measurable.md.
 */

/** Verbs that say what should become true rather than what will be done. */
export const VAGUE_LEADING_VERB =
  /^(?:continue to (?:\w+)|continue|work towards|seek to|aim to|endeavour to|focus on|improve|ensure|support|strengthen|embed|enhance|promote|explore|consider|develop|raise awareness of)\b/i;

/** A statement that ends by reporting progress ("Review of training initiated") is a status, not an action. */
export const PROGRESS_REPORT = /\b(?:initiated|commenced|started|under ?way|ongoing|in progress)(?=\.?$)/i;

/** Escape clauses that let an action off, and open-ended lists. */
export const HEDGE =
  /\b(?:where (?:possible|appropriate|necessary|required|needed)|as (?:appropriate|necessary|required|needed)|if (?:necessary|appropriate|required|possible)|when (?:possible|appropriate)|including but not limited to)\b|\betc\b\.?/gi;

/** Something a reader could observe or count in a measure. */
export const OBSERVABLE = new RegExp(
  [
    String.raw`\d`, // numbers, percentages, dates
    String.raw`\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|fifty|hundred|half|quarter|every|each|zero|none)\b`,
    String.raw`\b(?:percent|per cent|at least|no more than|fewer than|more than|less than|below|above|within|baseline|target of|from \S+ to)\b`,
    String.raw`\b(?:published|signed off|sign-off|approved|agreed by|ratified|reported to|presented to|in place|launched|live|implemented|appointed|in post|commissioned|awarded|registered|opened|audit|audited|audits|dip sample|inspection|survey|scorecard|dashboard|indicator|kpi|minutes|register|recorded|attendance|completed)\b`,
  ].join('|'),
  'i',
);
