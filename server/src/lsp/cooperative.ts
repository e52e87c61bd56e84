/**
 * Runs the engine's long work (parsing and linting a big plan) a slice at a time, so that the
 * server reads and answers other messages in between, and drops the work once it is stale: a
 * newer version of the document has arrived, or it has closed.
 */
import type { Steps } from '../engine/steps.js';
import { limitHeapGrowth } from '../node/heapGrowth.js';

/** How long one slice may run before the server looks at its other messages. */
const SLICE_MS = 15;

/** The work's result, or undefined if it became stale before it finished. */
export async function runCooperatively<T>(steps: Steps<T>, stale: () => boolean): Promise<T | undefined> {
  let sliceStart = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - sliceStart < SLICE_MS) continue;
    await new Promise<void>((resolve) => setImmediate(resolve));
    // Long work is where the heap grows: reading a big plan takes the young generation to its limit.
    limitHeapGrowth();
    if (stale()) return undefined;
    sliceStart = performance.now();
  }
}
