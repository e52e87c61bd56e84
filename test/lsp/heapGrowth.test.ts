/**
 * heapGrowth.ts: once the young generation has reached 2 x 8 MB, it stops growing. Run in a fresh
 * Node process each time, since the settings last for the process.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const HEAP_GROWTH = fileURLToPath(new URL('../../server/src/node/heapGrowth.ts', import.meta.url));

/** Keeps many objects alive while allocating, as reading a big plan does; returns the young generation's largest size in MB. */
function youngGenerationAfterBigRead(limit: boolean): number {
  const script = `
import { getHeapSpaceStatistics } from 'node:v8';
import { limitHeapGrowth } from ${JSON.stringify(HEAP_GROWTH)};
const kept = [];
let largest = 0;
for (let round = 0; round < 400; round++) {
  for (let i = 0; i < 5000; i++) kept.push({ round, i, text: 'action ' + i });
  if (${limit}) limitHeapGrowth();
  largest = Math.max(largest, getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size);
}
console.log(largest / 1024 / 1024);`;
  return Number(execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' }).trim());
}

describe('heap growth on big plans', () => {
  it('lets the young generation grow to 2 x 16 MB without the limit, and stops it at 2 x 8 MB with it', () => {
    const unlimited = youngGenerationAfterBigRead(false);
    const limited = youngGenerationAfterBigRead(true);
    assert.ok(unlimited > 30, `without the limit the young generation reached ${unlimited} MB`);
    assert.ok(limited < 17, `with the limit it reached ${limited} MB`);
  });
});
