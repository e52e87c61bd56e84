/**
 * Fuzzes the engine with generated plans (test/helpers/planGenerators.ts) and checks, on each one,
 * the properties of test/helpers/planProperties.ts: linting never throws; every diagnostic range is
 * inside the text and on the text it names; sectioned parsing equals parsePlanWhole; every quick fix
 * edits only its region and leaves other elements alone; fix all is idempotent. Prints a summary and
 * one example per kind of failure; exits 1 when anything failed.
 *
 *   npx tsx scripts/fuzz.ts [--cases 100000] [--seed 1] [--workers 2] [--max-examples 10]
 *
 * Cases are generated in batches of 1000 from seed + first case number, so a seed gives the same
 * cases whatever the number of workers; a failure prints its case number to find it again.
 */
import { fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import fc from 'fast-check';
import { planText } from '../test/helpers/planGenerators.js';
import { allProblems } from '../test/helpers/planProperties.js';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isFinite(value)) throw new Error(`--${name} needs a number`);
  return value;
}

const BATCH = 1000;

interface Summary {
  cases: number;
  failedCases: number;
  totalLength: number;
  slowest: { ms: number; caseNumber: number; length: number };
  kinds: Record<string, { count: number; example: string; caseNumber: number }>;
}

/** Runs the batches `shard`, `shard + shards`, ... of the cases. */
function runShard(cases: number, seed: number, shard: number, shards: number): Summary {
  const summary: Summary = { cases: 0, failedCases: 0, totalLength: 0, slowest: { ms: 0, caseNumber: -1, length: 0 }, kinds: {} };
  for (let first = shard * BATCH; first < cases; first += shards * BATCH) {
    const batch = fc.sample(planText, { numRuns: Math.min(BATCH, cases - first), seed: seed + first });
    batch.forEach((text, i) => {
      const caseNumber = first + i;
      summary.cases++;
      summary.totalLength += text.length;
      const t0 = process.hrtime.bigint();
      const problems = allProblems(text, caseNumber);
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (ms > summary.slowest.ms) summary.slowest = { ms, caseNumber, length: text.length };
      if (problems.length === 0) return;
      summary.failedCases++;
      for (const problem of new Set(problems)) {
        // One kind of failure: the first line, without quoted values and numbers.
        const kind = problem.split('\n')[0]!.replace(/"[^"]*"/g, '"…"').replace(/\d+/g, 'N').slice(0, 160);
        const known = summary.kinds[kind];
        if (known) known.count++;
        else summary.kinds[kind] = { count: 1, example: `${problem}\n    text: ${JSON.stringify(text)}`, caseNumber };
      }
    });
  }
  return summary;
}

function merge(summaries: Summary[]): Summary {
  const total: Summary = { cases: 0, failedCases: 0, totalLength: 0, slowest: { ms: 0, caseNumber: -1, length: 0 }, kinds: {} };
  for (const s of summaries) {
    total.cases += s.cases;
    total.failedCases += s.failedCases;
    total.totalLength += s.totalLength;
    if (s.slowest.ms > total.slowest.ms) total.slowest = s.slowest;
    for (const [kind, k] of Object.entries(s.kinds)) {
      const known = total.kinds[kind];
      if (!known) total.kinds[kind] = { ...k };
      else {
        known.count += k.count;
        if (k.caseNumber < known.caseNumber) Object.assign(known, { example: k.example, caseNumber: k.caseNumber });
      }
    }
  }
  return total;
}

const cases = option('cases', 100_000);
const seed = option('seed', Date.now() % 1_000_000);
const shardAt = process.argv.indexOf('--shard');

if (shardAt >= 0) {
  // A worker: run one shard and send its summary to the parent.
  const [shard, shards] = process.argv[shardAt + 1]!.split('/').map(Number) as [number, number];
  process.send!(runShard(cases, seed, shard, shards), undefined, undefined, () => process.disconnect());
} else {
  const workers = Math.max(1, Math.min(option('workers', availableParallelism()), Math.ceil(cases / BATCH)));
  const maxExamples = option('max-examples', 10);
  const started = process.hrtime.bigint();
  const summaries = await Promise.all(
    Array.from({ length: workers }, (_, shard) =>
      new Promise<Summary>((resolve, reject) => {
        const child = fork(process.argv[1]!, ['--cases', String(cases), '--seed', String(seed), '--shard', `${shard}/${workers}`]);
        let summary: Summary | undefined;
        child.on('message', (message) => (summary = message as Summary));
        child.on('exit', (code) => (summary ? resolve(summary) : reject(new Error(`worker ${shard} exited with ${code} and no summary`))));
      }),
    ),
  );
  const total = merge(summaries);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const kinds = Object.entries(total.kinds).sort((a, b) => b[1].count - a[1].count);
  console.log(`fuzz: ${total.cases} cases (seed ${seed}, ${workers} worker${workers === 1 ? '' : 's'}), ${total.failedCases} failing, ${kinds.length} kinds of failure, ${seconds.toFixed(1)} s`);
  console.log(
    `      ${(total.cases / seconds).toFixed(0)} cases/s, mean plan ${(total.totalLength / Math.max(total.cases, 1)).toFixed(0)} characters, slowest case ${total.slowest.ms.toFixed(1)} ms (#${total.slowest.caseNumber}, ${total.slowest.length} characters)`,
  );
  console.log('      properties: lint never throws; ranges inside the text and on the text they name; sectioned parse = parsePlanWhole; fixes edit only their region; fix all idempotent');
  for (const [kind, { count, example, caseNumber }] of kinds.slice(0, maxExamples)) {
    console.log(`\n${count} × ${kind}\n  first: case #${caseNumber}\n  ${example.slice(0, 4000)}`);
  }
  process.exitCode = total.failedCases > 0 ? 1 : 0;
}
