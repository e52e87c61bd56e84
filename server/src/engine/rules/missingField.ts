/** The finding for a required field that is absent or empty: on the key when written, else on the action's ID. */
import type { Action, Field } from '../model.js';
import type { Finding } from './types.js';

export function missingField(action: Action, field: Field | undefined, name: 'owner' | 'due' | 'measure', message: string): Finding {
  return { element: action, range: field ? field.key.range : action.idSpan.range, fix: { kind: 'missing-field', field: name }, message };
}
