import { readFileSync } from 'node:fs';
import { TestLspClient } from '../test/helpers/lspClient.js';
import { generatePlan } from './generatePlan.js';
const size = Number(process.env.SIZE ?? 2000);
let seed = 42;
const random = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const text = generatePlan(size);
const uri = `file:///bench/plan.plan.md`;
const client = new TestLspClient({ pull: true });
const mem = (label: string) => { const s = readFileSync(`/proc/${client.pid}/status`, 'utf8'); console.log(label, /VmHWM:\s+(\d+)/.exec(s)![1], /VmRSS:\s+(\d+)/.exec(s)![1]); };
await client.initialize();
mem('init');
await client.open(uri, text);
await client.pull(uri);
mem('first');
const lines = text.split('\n');
for (let version = 2; version < 102; version++) {
  const line = Math.floor(random() * lines.length);
  const character = Math.floor(random() * (lines[line]!.length + 1));
  await client.change(uri, version, [{ range: { start: { line, character }, end: { line, character } }, text: 'x' }]);
  await client.pull(uri);
  lines[line] = lines[line]!.slice(0, character) + 'x' + lines[line]!.slice(character);
  if (version % 20 === 0) mem('v' + version);
}
await client.stop();
