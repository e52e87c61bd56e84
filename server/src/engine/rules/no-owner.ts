import { isPlaceholderOwner } from '../owners.js';
import { missingField } from './missingField.js';
import type { Rule } from './types.js';

export const noOwner: Rule = {
  code: 'no-owner',
  defaultSeverity: 'error',
  scope: 'action',
  summary: 'An action has no Owner, or only a placeholder such as TBC.',
  *check({ plan, analysis }) {
    for (const action of plan.actions) {
      const owner = analysis.factsOf(action).field('owner');
      if (!owner || owner.valueText === '') {
        yield missingField(action, owner, 'owner', `${action.id} has no owner: add "- Owner:" with the role or person accountable for it.`);
      } else if (isPlaceholderOwner(owner.valueText)) {
        yield {
          element: action,
          range: owner.value.range,
          message: `"${owner.valueText}" is a placeholder, not an owner: name the role or person accountable for ${action.id}.`,
        };
      }
    }
  },
};
