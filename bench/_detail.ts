import { TestLspClient } from '../test/helpers/lspClient.js';
import { generatePlan } from './generatePlan.js';
const size = Number(process.env.SIZE ?? 150);
let seed = 42;
const random = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const text = generatePlan(size);
const uri = `file:///bench/plan.plan.md`;
const client = new TestLspClient({ pull: true });
await client.initialize();
await client.open(uri, text);
await client.pull(uri);
await new Promise((r) => setTimeout(r, Number(process.env.PAUSE ?? 0)));
const lines = text.split('\n');
const rows: [number, string][] = [];
for (let version = 2; version < 102; version++) {
  const line = Math.floor(random() * lines.length);
  const character = Math.floor(random() * (lines[line]!.length + 1));
  const start = performance.now();
  await client.change(uri, version, [{ range: { start: { line, character }, end: { line, character } }, text: 'x' }]);
  await client.pull(uri);
  const t = performance.now() - start;
  lines[line] = lines[line]!.slice(0, character) + 'x' + lines[line]!.slice(character);
  rows.push([t, `v${version} ${line}: ${lines[line]!.slice(0, 70)}`]);
}
rows.sort((a, b) => b[0] - a[0]);
for (const [t, l] of rows.slice(0, 12)) console.log(t.toFixed(1), l);
console.log('median', rows[50]![0].toFixed(1));
await client.stop();
