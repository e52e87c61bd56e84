import { readFileSync } from 'node:fs';
import { TestLspClient } from '../test/helpers/lspClient.js';
import { generatePlan } from './generatePlan.js';
const size = Number(process.env.SIZE ?? 2000);
let seed = 42;
const random = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const text = generatePlan(size);
const uri = `file:///bench/plan.plan.md`;
const client = new TestLspClient({ pull: true });
const hwm = () => { const s = readFileSync(`/proc/${client.pid}/status`, 'utf8'); return `hwm ${(Number(/VmHWM:\s+(\d+)/.exec(s)![1]) / 1024).toFixed(0)} rss ${(Number(/VmRSS:\s+(\d+)/.exec(s)![1]) / 1024).toFixed(0)}`; };
await client.initialize();
console.log('after init', hwm());
await client.open(uri, text);
await client.pull(uri);
console.log('after first diagnostics', hwm());
const lines = text.split('\n');
for (let version = 2; version < 102; version++) {
  const line = Math.floor(random() * lines.length);
  const character = Math.floor(random() * (lines[line]!.length + 1));
  await client.change(uri, version, [{ range: { start: { line, character }, end: { line, character } }, text: 'x' }]);
  await client.pull(uri);
  lines[line] = lines[line]!.slice(0, character) + 'x' + lines[line]!.slice(character);
  if (version % 20 === 0) console.log('edit', version, hwm());
}
if (process.env.SNAP) { process.kill(client.pid, "SIGUSR2"); await new Promise((r) => setTimeout(r, 8000)); }
await client.stop();
