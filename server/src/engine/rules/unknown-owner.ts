import { isPlaceholderOwner, ownerKey } from '../owners.js';
import type { Rule } from './types.js';

export const unknownOwner: Rule = {
  code: 'unknown-owner',
  defaultSeverity: 'warning',
  scope: 'action',
  summary: 'The plan has an owners register and the Owner is not in it.',
  *check({ plan, analysis }) {
    const register = plan.frontMatter?.owners;
    if (!register || register.length === 0) return;
    const known = new Set(register.map((owner) => ownerKey(owner.value)));
    for (const action of plan.actions) {
      const owner = analysis.factsOf(action).field('owner');
      // A missing or placeholder owner is no-owner's finding, not this rule's.
      if (!owner || owner.valueText === '' || isPlaceholderOwner(owner.valueText) || known.has(ownerKey(owner.valueText))) continue;
      yield {
        element: action,
        range: owner.value.range,
        message: `"${owner.valueText}" is not in the owners register: use a name from the front matter's "owners" list, or add this one to it.`,
      };
    }
  },
};
