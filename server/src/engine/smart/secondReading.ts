/**
 * smart-specific's second reader: the hand-written rules' issues (specific.ts), checked against the
 * wording model (wordingModel.ts). The rules say which words are at fault and why; the model has
 * read every labelled action in the corpus's development part. Where they disagree strongly:
 * - the rules found nothing but the model is nearly sure the statement is vague, and it does not
 *   start with a deliverable's verb: report the whole statement, with a message that says it is the
 *   model's reading;
 * - the rules found something but the model is nearly sure the statement is specific: report
 *   nothing (the rules' false alarms on fresh text are mostly of this kind).
 * The two thresholds were chosen on development batches the model had not been trained on
 * (docs/rules/smart-specific.md, "The wording model").
 */
import { memoByText } from '../memo.js';
import { headingNamesDeliverable, opensWithDeliverable, statementIssues, type StatementIssue, type StatementIssueKind } from './specific.js';
import { judgeWording, shippedWordingModel, type TrainedWordingModel } from './wordingModel.js';

/** Below this chance of vague, the rules' findings are not reported. */
export const SILENCE_BELOW = 0.05;
/** Above this chance of vague, the statement is reported even when no rule matched. */
export const REPORT_ABOVE = 0.85;

// The model weighs every word, so no one phrase is at fault: the message is about the statement.
export const WORDING_MESSAGE =
  'The wording model, learned from labelled actions, reads this statement as vague, though no single phrase is at fault: ' +
  'name what will be produced or done, such as a revised policy, a panel or an audit of 40 cases, and for whom, so that anyone can check it was done.';

// Findings the model never silences: a hedge or a second deliverable is there whatever else the
// statement says well, and a statement too short to name anything gives the model little to read.
// (Chosen on fresh development batches: see docs/rules/smart-specific.md, "The wording model".)
const CERTAIN: ReadonlySet<StatementIssueKind> = new Set(['escape', 'bundle', 'too-short']);

/** The rules' issues on a statement, as the model confirms, silences or adds to them. */
export function readTwice(text: string, model: TrainedWordingModel): readonly StatementIssue[] {
  const issues = statementIssues(text);
  if (issues.some((issue) => CERTAIN.has(issue.kind))) return issues;
  const vague = judgeWording(text, model);
  if (issues.length > 0) return vague < SILENCE_BELOW ? [] : issues;
  // A statement that starts with a deliverable's verb ("Recruit 20 social workers"), or a review followed
  // through by one, is the rules' to judge: held out, the model called such statements vague when their
  // writers' style was new to it, and it reads "Review ..." as open whatever follows.
  // So is a terse heading whose head names a thing to deliver ("Private fostering audit").
  if (vague <= REPORT_ABOVE || opensWithDeliverable(text) || headingNamesDeliverable(text)) return issues;
  return [{ kind: 'wording', start: 0, end: text.length, phrase: text, message: WORDING_MESSAGE }];
}

/** What smart-specific reports on a statement when the wording model is on. */
export const secondReadIssues: (text: string) => readonly StatementIssue[] = memoByText((text) => readTwice(text, shippedWordingModel()));
