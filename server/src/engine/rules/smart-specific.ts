import { allowListOf } from '../smart/allow.js';
import { secondReadIssues } from '../smart/secondReading.js';
import { statementIssues } from '../smart/specific.js';
import type { Rule } from './types.js';

export const smartSpecific: Rule = {
  code: 'smart-specific',
  defaultSeverity: 'warning',
  scope: 'action',
  summary: 'The action statement is vague: a vague verb, a hedge, a progress report, two deliverables, or too short to name one.',
  *check({ plan, options }) {
    const allow = allowListOf(options.smartAllow);
    const issuesOf = options.smartWordingModel ? secondReadIssues : statementIssues;
    for (const action of plan.actions) {
      const { text, range } = action.statement;
      if (!/[\p{L}\p{N}]/u.test(text)) {
        yield {
          element: action,
          range: action.idSpan.range,
          message: `${action.id} has no statement: after the ID, say what will be done and what it will produce.`,
        };
        continue;
      }
      for (const issue of issuesOf(text)) {
        if (allow.allows(issue.phrase)) continue;
        yield { element: action, range: { start: range.start + issue.start, end: range.start + issue.end }, message: issue.message };
      }
    }
  },
};
