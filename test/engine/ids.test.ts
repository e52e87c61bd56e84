import assert from 'node:assert/strict';
import { matchActionId, matchRecommendationId, separatorLength } from '../../server/src/engine/ids.js';

describe('IDs', () => {
  it('recognises recommendation IDs in every form', () => {
    assert.deepEqual(matchRecommendationId('R1 Management information'), { id: 'R1', length: 2 });
    assert.deepEqual(matchRecommendationId('R12: Title'), { id: 'R12', length: 3 });
    assert.deepEqual(matchRecommendationId('Recommendation 3 - Title'), { id: 'R3', length: 16 });
    assert.deepEqual(matchRecommendationId('recommendation 3'), { id: 'R3', length: 16 });
    assert.deepEqual(matchRecommendationId('P2 Priority'), { id: 'P2', length: 2 });
    assert.deepEqual(matchRecommendationId('Priority action 4. Title'), { id: 'P4', length: 17 });
    assert.deepEqual(matchRecommendationId('R01 Leading zero'), { id: 'R1', length: 3 });
  });

  it('does not take words or lower-case letters for recommendation IDs', () => {
    for (const text of ['Recommendations', 'R1x', 'r1 title', 'Review', 'R', 'R1.2 sub-numbered', 'Priority actions']) {
      assert.equal(matchRecommendationId(text), undefined, text);
    }
  });

  it('recognises action IDs in every form', () => {
    assert.deepEqual(matchActionId('A1 Do'), { id: 'A1', length: 2 });
    assert.deepEqual(matchActionId('A1.2 Do'), { id: 'A1.2', length: 4 });
    assert.deepEqual(matchActionId('A1.2.3: Do'), { id: 'A1.2.3', length: 6 });
    assert.deepEqual(matchActionId('A1. Do'), { id: 'A1', length: 2 });
    assert.deepEqual(matchActionId('Action 1.2 - Do'), { id: 'A1.2', length: 10 });
    assert.deepEqual(matchActionId('action 7'), { id: 'A7', length: 8 });
  });

  it('does not take words for action IDs', () => {
    for (const text of ['Actions', 'A1b', 'a1 lower', 'Audit', 'A', 'Action plan']) assert.equal(matchActionId(text), undefined, text);
  });

  it('measures the separator after an ID', () => {
    assert.equal(separatorLength(' Title'), 1);
    assert.equal(separatorLength(': Title'), 2);
    assert.equal(separatorLength(' \u2013 Title'), 3);
    assert.equal(separatorLength('. Title'), 2);
    assert.equal(separatorLength(''), 0);
  });
});
