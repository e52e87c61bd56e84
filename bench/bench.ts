/**
 * `npm run bench`: drives the built language server over stdio as an editor does and prints
 * keystroke-to-diagnostics latency (p50, p95), cold start, peak memory, and the time of a full
 * unified parse of the same text for comparison; then indexes a workspace of 500 plans.
 * It prints figures; it asserts nothing.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { TestLspClient } from '../test/helpers/lspClient.js';
import { generatePlan } from './generatePlan.js';

const SIZES = (process.env.BENCH_SIZES ?? '150,500,2000,5000').split(',').map(Number);
const EDITS = Number(process.env.BENCH_EDITS ?? 100);
const WORKSPACE_PLANS = Number(process.env.BENCH_WORKSPACE_PLANS ?? 500);
// A pause between the first diagnostics and the first keystroke, as when someone reads the plan
// before typing. Without it the first keystroke waits for the server's warm-up (engine/warmUp.ts).
const PAUSE_MS = Number(process.env.BENCH_PAUSE_MS ?? 0);

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const ms = (value: number): string => value.toFixed(value < 10 ? 2 : 0);

// A fixed seed, so that runs edit the same places.
let seed = 42;
const random = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)![1]) / 1024;
}

function fullParseMs(text: string): number {
  const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);
  const times: number[] = [];
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    processor.parse(text);
    times.push(performance.now() - start);
  }
  return percentile(times, 50);
}

/**
 * Types into a small plan on a server of its own, so that the benchmark's client has run its own
 * code before it measures, as an editor has when someone opens a plan: the figures are the server's.
 */
async function warmUpClient(): Promise<void> {
  const lines = generatePlan(20).split('\n');
  const uri = 'file:///bench/warm-up.plan.md';
  const client = new TestLspClient({ pull: true });
  await client.initialize();
  await client.open(uri, lines.join('\n'));
  await client.pull(uri);
  for (let version = 2; version < 40; version++) {
    const line = (version * 7) % lines.length;
    await client.change(uri, version, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'x' }]);
    await client.pull(uri);
  }
  await client.stop();
}

async function benchSize(actions: number): Promise<string> {
  let text = generatePlan(actions);
  const uri = `file:///bench/plan-${actions}.plan.md`;
  const client = new TestLspClient({ pull: true });
  const coldStart = performance.now();
  await client.initialize();
  await client.open(uri, text);
  const first = await client.pull(uri);
  const cold = performance.now() - coldStart;
  if (PAUSE_MS > 0) await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));

  const latencies: number[] = [];
  let lines = text.split('\n');
  for (let version = 2; version < EDITS + 2; version++) {
    // One character typed at a random place, as a keystroke.
    const line = Math.floor(random() * lines.length);
    const character = Math.floor(random() * (lines[line]!.length + 1));
    const start = performance.now();
    await client.change(uri, version, [{ range: { start: { line, character }, end: { line, character } }, text: 'x' }]);
    await client.pull(uri);
    latencies.push(performance.now() - start);
    lines[line] = lines[line]!.slice(0, character) + 'x' + lines[line]!.slice(character);
  }
  text = lines.join('\n');
  const rss = peakRssMb(client.pid);
  await client.stop();
  const parse = fullParseMs(text);
  const p50 = percentile(latencies, 50);
  const p95 = percentile(latencies, 95);
  lines = [];
  return `| ${actions} | ${Math.round(text.length / 1024)} KB | ${first.length} | ${ms(p50)} | ${ms(p95)} | ${ms(cold)} | ${rss.toFixed(0)} | ${ms(parse)} | ${(parse / p95).toFixed(0)}× |`;
}

async function benchWorkspace(plans: number): Promise<string> {
  const folder = mkdtempSync(path.join(tmpdir(), 'plan-bench-workspace-'));
  for (let index = 0; index < plans; index++) writeFileSync(path.join(folder, `plan-${index}.plan.md`), generatePlan(20, 4));
  const client = new TestLspClient({ pull: true, workspaceFolder: folder, capabilities: { window: { workDoneProgress: true } } });
  const progress = client.recordNotifications('$/progress') as { value: { kind: string; message?: string } }[];
  client.onServerRequest('window/workDoneProgress/create', () => null);
  const start = performance.now();
  await client.initialize();
  await client.waitFor(() => progress.some((p) => p.value.kind === 'end'), 'the end of indexing', 120_000);
  const elapsed = performance.now() - start;
  const reports = progress.filter((p) => p.value.kind === 'report').length;
  await client.stop();
  rmSync(folder, { recursive: true, force: true });
  return `Workspace of ${plans} plans (${plans * 20} actions) indexed in ${ms(elapsed)} ms, with ${reports} progress reports.`;
}

const pause = PAUSE_MS > 0 ? `, starting ${PAUSE_MS} ms after the first diagnostics` : '';
console.log(`Keystroke to diagnostics, ${EDITS} single-character edits at random places${pause} (pull diagnostics, built server over stdio):\n`);
console.log('| actions | size | diagnostics | p50 ms | p95 ms | cold start ms | peak RSS MB | full unified parse ms | full parse / p95 |');
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
await warmUpClient();
for (const size of SIZES) console.log(await benchSize(size));
console.log();
console.log(await benchWorkspace(WORKSPACE_PLANS));
