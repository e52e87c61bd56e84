/**
 * A document's caches carry parts of one version into the next (parse.ts, analysis.ts, lintCache.ts);
 * they must not carry whole earlier versions with them. Both leaks below once kept the server at
 * hundreds of megabytes after a hundred keystrokes on a big plan (issue: instant on big plans).
 */
import assert from 'node:assert/strict';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { lintPlan, parsePlan, SectionCache } from '../../server/src/engine/index.js';
import { LintCache } from '../../server/src/engine/lintCache.js';
import { generatePlan } from '../../bench/generatePlan.js';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

async function fullCollection(): Promise<void> {
  // WeakRefs are cleared only once the current job has finished.
  collectGarbage();
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage();
}

const heapBytes = (): number => getHeapStatistics().used_heap_size;

/** Types one character at each of `count` places through the plan, with the caches carried along (as bench/bench.ts does). */
function typeThrough(text: string, count: number, sections: SectionCache, findings: LintCache, onVersion?: (result: ReturnType<typeof lintPlan>) => void): string {
  let seed = 42;
  const random = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const lines = text.split('\n');
  for (let index = 0; index < count; index++) {
    const line = Math.floor(random() * lines.length);
    const at = Math.floor(random() * (lines[line]!.length + 1));
    lines[line] = `${lines[line]!.slice(0, at)}x${lines[line]!.slice(at)}`;
    text = lines.join('\n');
    const result = lintPlan(parsePlan(text, sections), { cache: findings });
    onVersion?.(result);
  }
  return text;
}

describe('memory across versions of a document', function () {
  this.timeout(120_000);

  it('lets earlier plans and analyses go once newer versions replace them', async () => {
    const sections = new SectionCache();
    const findings = new LintCache();
    const earlier: WeakRef<object>[] = [];
    typeThrough(generatePlan(150), 20, sections, findings, (result) => earlier.push(new WeakRef(result.plan), new WeakRef(result.analysis)));
    // The caches keep the last version; every one before it must be collectable.
    await fullCollection();
    const alive = earlier.slice(0, -2).filter((reference) => reference.deref() !== undefined).length;
    assert.equal(alive, 0, `${alive} of ${earlier.length - 2} earlier plans and analyses are still alive`);
  });

  it('keeps no earlier text of the document alive through the parts it reuses', async () => {
    const start = generatePlan(2000);
    const sections = new SectionCache();
    const findings = new LintCache();
    lintPlan(parsePlan(start, sections), { cache: findings });
    await fullCollection();
    const before = heapBytes();
    const text = typeThrough(start, 100, sections, findings);
    await fullCollection();
    // Caches grow a little with each new field value; each version kept alive would add the whole
    // text (800 KB), and a hundred keystrokes once added a hundred of them.
    const textsKept = (heapBytes() - before) / text.length;
    assert.ok(textsKept < 15, `the heap grew by ${textsKept.toFixed(1)} texts' worth over 100 edits`);
  });
});
