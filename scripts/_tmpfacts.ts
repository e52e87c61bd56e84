import { readFileSync, readdirSync } from 'node:fs';
import { importReport } from '../server/src/engine/import/index.js';
const folder = 'test/fixtures/reports';
for (const file of readdirSync(folder).filter((f) => f.endsWith('.txt'))) {
  const r = importReport(readFileSync(`${folder}/${file}`, 'utf8')) as any;
  const { framework, authority, inspectionType, inspected, published, judgements } = r.report;
  console.log(file.slice(0, 28).padEnd(28), framework, '|', authority, '|', inspectionType, inspected?.first, inspected?.last, inspected?.days, '|', published, '|', judgements.map((j: any) => `${j.key}=${j.grade}`).join(', '));
}
