/**
 * Keeps the server's memory in proportion on big plans. V8 doubles its young generation each time
 * enough objects survive it, up to 2 x 16 MB; reading a plan of a few thousand actions gets it
 * there, and old garbage then piles up to about twice what is live before a full collection. Once
 * the young generation has reached 2 x 8 MB (as it does for a plan of about 150 actions), this
 * stops it growing, and lets the old generation grow by a fifth instead of by its default factor:
 * about 30 MB less at 2,000 actions, for a few more collections (see the README's benchmark). Both
 * are V8 settings read each time they are used, so they can change while the server runs.
 */
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/** The size of the young generation (both halves) at which it stops growing. */
export const YOUNG_GENERATION_LIMIT_BYTES = 16 * 1024 * 1024;
const SETTINGS = ['--semi-space-growth-factor=1', '--heap-growing-percent=20'];

// V8 stamps a code cache with its flags, and rejects it in a process whose flags differ: the run
// that makes dist/server.cjs.v8cache (scripts/codeCache.mjs) must leave them as every start has them.
let limited = process.env.IMPROVEMENT_PLAN_WRITE_CODE_CACHE === '1';

/** Called after each analysis: sets the limits once the young generation has reached its size. */
export function limitHeapGrowth(): void {
  if (limited) return;
  const youngGeneration = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
  if (!youngGeneration || youngGeneration.space_size < YOUNG_GENERATION_LIMIT_BYTES) return;
  limited = true;
  SETTINGS.forEach((setting) => setFlagsFromString(setting));
}
