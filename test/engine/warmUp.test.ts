/** The warm-up must run the paths it is there to warm: remark's reader and chrono-node. */
import assert from 'node:assert/strict';
import { readPlainDate } from '../../server/src/engine/dates.js';
import { readSimpleSection } from '../../server/src/engine/simpleSections.js';
import { runSteps } from '../../server/src/engine/steps.js';
import { DATE_SAMPLES, SECTION_SAMPLES, warmUpSteps } from '../../server/src/engine/warmUp.js';

describe('warm-up', () => {
  it('gives remark sections the fast reader leaves to it', () => {
    for (const sample of SECTION_SAMPLES) assert.equal(readSimpleSection(sample), undefined, sample);
  });

  it('gives chrono-node dates that are not in a plain form', () => {
    for (const sample of DATE_SAMPLES) assert.equal(readPlainDate(sample, false), undefined, sample);
  });

  it('runs to the end in steps', () => {
    let steps = 0;
    const counted = (function* () {
      for (const step of warmUpSteps()) yield (steps++, step);
    })();
    runSteps(counted);
    assert.equal(steps, SECTION_SAMPLES.length + 2 * DATE_SAMPLES.length);
  });
});
