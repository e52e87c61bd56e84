/**
 * Which ILACS judgements a report has, by its publication date: four from January 2018 (care
 * leavers inside children in care), five from January 2023, and no overall effectiveness from April 2026.
 */
import assert from 'node:assert/strict';
import { lintText } from '../../server/src/engine/index.js';
import { judgementsOf } from '../../server/src/engine/frontMatter.js';

const FIVE = ['leaders', 'help-and-protection', 'children-in-care', 'care-leavers', 'overall-effectiveness'];

/** The front-matter findings for an ILACS plan published on `published` that grades all five areas. */
function findings(published: string | undefined): string[] {
  const judgements = FIVE.map((key) => `    ${key}: good`).join('\n');
  const text = `---\ninspection:\n  framework: ILACS\n${published ? `  published: ${published}\n` : ''}  judgements:\n${judgements}\n---\n\n# Plan\n`;
  return lintText(text, { today: '2026-07-01' }).diagnostics.map((d) => `${d.code} ${d.severity} ${d.message}`);
}

describe('ILACS judgements by publication date', () => {
  it('has four judgements from 2018 to 2022, with care leavers part of children in care', () => {
    for (const published of ['2018-01-01', '2022-12-31']) {
      assert.deepEqual(judgementsOf('ILACS', published).keys, ['leaders', 'help-and-protection', 'children-in-care', 'overall-effectiveness']);
      assert.deepEqual(findings(published), ['front-matter information ILACS before 2023 does not judge care-leavers.'], published);
    }
  });

  it('has five judgements, care leavers separate, for reports published from 1 January 2023 to 31 March 2026', () => {
    for (const published of ['2023-01-01', '2026-03-31']) {
      assert.deepEqual(judgementsOf('ILACS', published).keys, FIVE);
      assert.deepEqual(findings(published), [], published);
    }
  });

  it('has no overall effectiveness judgement for reports published from 1 April 2026', () => {
    assert.deepEqual(judgementsOf('ILACS', '2026-04-01').keys, ['leaders', 'help-and-protection', 'children-in-care', 'care-leavers']);
    assert.deepEqual(findings('2026-04-01'), ['front-matter information ILACS from April 2026 does not judge overall-effectiveness.']);
  });

  it('assumes the five judgements when the publication date is not given', () => {
    assert.deepEqual(judgementsOf('ILACS', undefined).keys, FIVE);
    assert.deepEqual(findings(undefined), []);
  });
});
