import assert from 'node:assert/strict';
import { lintText } from '../../server/src/engine/index.js';
import { judgementKeysFor, newPlanText, periodAfter, readPublishedDate } from '../../server/src/engine/newPlan.js';
import { exampleCouncilNewPlan } from '../fixtures/newPlan.js';

describe('new plan skeleton', () => {
  it('writes the front matter, period, a recommendation and an action from the answers', () => {
    const text = newPlanText({
      authority: 'Example Council',
      framework: 'ILACS',
      inspectionType: 'standard inspection',
      published: '2025-06-28',
      judgements: [
        { key: 'leaders', grade: 'good' },
        { key: 'overall-effectiveness', grade: 'requires improvement to be good' },
      ],
    });
    assert.equal(text, exampleCouncilNewPlan('standard inspection', ['leaders: good', 'overall-effectiveness: requires improvement to be good']));
  });

  it('reads back with no front-matter problem, for every framework', () => {
    for (const framework of ['ILACS', 'SIF', 'JTAI', 'focused visit', 'monitoring visit']) {
      const keys = judgementKeysFor(framework, '2019-03-01');
      const text = newPlanText({
        authority: 'Council: "North" #1',
        framework,
        inspectionType: 'short inspection',
        published: '2019-03-01',
        judgements: keys.map((key) => ({ key, grade: 'inadequate' })),
      });
      const { plan, diagnostics } = lintText(text, { today: '2019-04-01' });
      assert.deepEqual(diagnostics.filter((d) => d.code === 'front-matter'), [], text);
      assert.equal(plan.frontMatter?.authority?.value, 'Council: "North" #1');
      assert.equal(plan.frontMatter?.framework?.value, framework);
      assert.equal(plan.frontMatter?.judgements.length, keys.length);
      assert.deepEqual(plan.recommendations.map((r) => r.id), ['R1']);
      assert.deepEqual(plan.actions.map((a) => a.id), ['A1.1']);
    }
  });

  it('leaves the authority out when there is none', () => {
    const text = newPlanText({ framework: 'focused visit', inspectionType: 'focused visit', published: '2025-12-03', judgements: [] });
    assert.ok(!text.includes('authority:'));
    assert.ok(!text.includes('judgements:'));
    assert.ok(text.includes('period:\n  start: 2026-01-01\n  end: 2026-12-31\n'), text);
    assert.ok(text.includes("\n# Children's Services Improvement Plan 2026\n"), text);
  });

  it('asks for the judgements the framework had at the publication date', () => {
    assert.deepEqual(judgementKeysFor('ILACS', '2019-01-01'), ['leaders', 'help-and-protection', 'children-in-care', 'overall-effectiveness']);
    assert.deepEqual(judgementKeysFor('ILACS', '2024-07-12'), ['leaders', 'help-and-protection', 'children-in-care', 'care-leavers', 'overall-effectiveness']);
    assert.deepEqual(judgementKeysFor('ILACS', '2026-05-01'), ['leaders', 'help-and-protection', 'children-in-care', 'care-leavers']);
    assert.equal(judgementKeysFor('SIF', '2015-01-01').length, 7);
    assert.deepEqual(judgementKeysFor('monitoring visit', '2025-01-01'), []);
  });

  it('reads the publication date in the forms front matter accepts', () => {
    assert.deepEqual(readPublishedDate('2025-06-28'), { date: '2025-06-28' });
    assert.deepEqual(readPublishedDate(' 28 June 2025 '), { date: '2025-06-28' });
    assert.deepEqual(readPublishedDate('28/06/2025'), { date: '2025-06-28' });
    for (const text of ['', 'soon', 'next week', '28 June']) {
      assert.deepEqual(readPublishedDate(text), { problem: 'Enter a date, such as 2025-06-28 or 28 June 2025.' }, text);
    }
  });

  it('starts the period the month after publication and runs it for a year', () => {
    assert.deepEqual(periodAfter('2025-06-28'), { start: '2025-07-01', end: '2026-06-30' });
    assert.deepEqual(periodAfter('2024-12-31'), { start: '2025-01-01', end: '2025-12-31' });
    assert.deepEqual(periodAfter('2024-01-31'), { start: '2024-02-01', end: '2025-01-31' });
  });
});
