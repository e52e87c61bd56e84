/** A plan's `recommendations:` file is read as data, within limits: a device or a folder is refused, not read forever. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { recommendationsFileReader } from '../../server/src/node/recommendationsFile.js';

describe('recommendations file limits', () => {
  let folder: string;
  before(() => (folder = mkdtempSync(path.join(tmpdir(), 'plan-recs-'))));
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('refuses a device such as /dev/zero, and a folder, with a message', function () {
    if (process.platform === 'win32') this.skip();
    const read = recommendationsFileReader(path.join(folder, 'a.plan.md'));
    assert.deepEqual(read('/dev/zero'), { error: 'The recommendations file /dev/zero is not a file.' });
    assert.deepEqual(read('.'), { error: 'The recommendations file . is not a file.' });
  });

  it('still reads an ordinary file', () => {
    writeFileSync(path.join(folder, 'recs.plan.md'), '## R1 Supervision\n\nOversight.\n');
    const read = recommendationsFileReader(path.join(folder, 'a.plan.md'));
    const result = read('recs.plan.md');
    assert.ok('recommendations' in result && result.recommendations.map((r) => r.id).join() === 'R1');
  });
});
