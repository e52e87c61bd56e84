import assert from 'node:assert/strict';
import { count, lintText, summarisePlan } from '../../server/src/engine/index.js';
import { AMBER_AND_COMPLETE_ACTIONS, AS_OF_FRONT_MATTER, GREEN_AND_UNKNOWN_STATUS_RECOMMENDATION } from '../fixtures/plans.js';

describe('plan summary', () => {
  const text = `${AS_OF_FRONT_MATTER}## R1 One
${AMBER_AND_COMPLETE_ACTIONS}${GREEN_AND_UNKNOWN_STATUS_RECOMMENDATION}`;
  const { plan, analysis } = lintText(text);
  const { actions, byRecommendation } = summarisePlan(plan, analysis);

  it('counts actions by status and overdue, complete ones never overdue', () => {
    assert.deepEqual(count(actions), { actions: 4, overdue: 1, byStatus: { 'not started': 0, red: 0, amber: 1, green: 1, blue: 1, none: 1 } });
    assert.equal(actions[0]!.daysOverdue, 1);
    assert.equal(actions[1]!.daysOverdue, 0);
  });

  it('groups actions under every recommendation they address', () => {
    assert.deepEqual(byRecommendation.get('R1')!.map((s) => s.action.id), ['A1.1', 'A1.2', 'A2.1']);
    assert.deepEqual(byRecommendation.get('R2')!.map((s) => s.action.id), ['A2.1', 'A2.2']);
  });
});
