/**
 * npm run eval:import [-- --errors]: imports every report in test/fixtures/reports and compares the
 * recommendations found with the labelled ones (recommendations.json): exact match after
 * normalising white space, bullets and the space pdftotext leaves after a line-end hyphen, as the
 * labels were written. Prints precision and recall per framework and overall, against the labels as
 * given and with the corrections in label-corrections.json (labels that missed bullets printed as
 * Wingdings glyphs); with --errors, each miss and each extra. Also checks the framework read from
 * each report against its label.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importReport, type ImportedReport } from '../server/src/engine/import/index.js';
import { comparableText } from '../server/src/engine/import/recommendations.js';

interface Label {
  text: string;
  framework: string;
  file: string;
}
interface Correction {
  file: string;
  reason: string;
  recommendations: string[];
}
interface Tally {
  found: number;
  labelled: number;
  matched: number;
}

const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'reports');
const labels = JSON.parse(readFileSync(path.join(folder, 'recommendations.json'), 'utf8')) as Label[];
const corrections = JSON.parse(readFileSync(path.join(folder, 'label-corrections.json'), 'utf8')) as Correction[];
const showErrors = process.argv.includes('--errors');

const files = readdirSync(folder)
  .filter((name) => name.endsWith('.txt'))
  .sort();
const imports = new Map<string, ImportedReport | string>();
for (const file of files) {
  const result = importReport(readFileSync(path.join(folder, file), 'utf8'));
  imports.set(file, 'report' in result ? result.report : result.problem);
}

/** Compares every report's recommendations with `expectedOf(file)`; returns the tallies by framework. */
function evaluate(expectedOf: (file: string) => string[], printErrors: boolean): Map<string, Tally> {
  const tallies = new Map<string, Tally>();
  for (const file of files) {
    const expected = expectedOf(file);
    const framework = labels.find((label) => label.file === file)?.framework ?? 'unlabelled';
    const imported = imports.get(file)!;
    // The labels cover the council's recommendations; a SIF report's LSCB review has its own, not labelled.
    const found = typeof imported === 'string' ? [] : imported.recommendations.filter((r) => r.body === 'local authority').map((r) => r.text);
    const remaining = new Map<string, number>();
    for (const text of expected) remaining.set(comparableText(text), (remaining.get(comparableText(text)) ?? 0) + 1);
    const extras: string[] = [];
    let matched = 0;
    for (const text of found) {
      const left = remaining.get(comparableText(text)) ?? 0;
      if (left > 0) {
        matched++;
        remaining.set(comparableText(text), left - 1);
      } else extras.push(text);
    }
    for (const name of [framework, 'overall']) {
      const tally = tallies.get(name) ?? { found: 0, labelled: 0, matched: 0 };
      tally.found += found.length;
      tally.labelled += expected.length;
      tally.matched += matched;
      tallies.set(name, tally);
    }
    const misses = [...remaining].flatMap(([text, count]) => Array<string>(count).fill(text));
    if (printErrors && (misses.length > 0 || extras.length > 0)) {
      console.log(`\n${file}${typeof imported === 'string' ? `: ${imported}` : ''}`);
      for (const miss of misses) console.log(`  missed: ${miss}`);
      for (const extra of extras) console.log(`  extra:  ${extra}`);
    }
  }
  return tallies;
}

const percent = (part: number, whole: number): string => (whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`);
function print(title: string, tallies: Map<string, Tally>): void {
  console.log(`\n${title}\n\nframework  labelled  found  matched  precision  recall`);
  const names = [...tallies.keys()].filter((name) => name !== 'overall').sort();
  for (const name of [...names, 'overall']) {
    const t = tallies.get(name)!;
    const cells = [name.padEnd(9), String(t.labelled).padStart(8), String(t.found).padStart(5), String(t.matched).padStart(7), percent(t.matched, t.found).padStart(9), percent(t.matched, t.labelled).padStart(6)];
    console.log(cells.join('  '));
  }
}

const labelled = (file: string): string[] => labels.filter((label) => label.file === file).map((label) => label.text);
const corrected = (file: string): string[] => corrections.find((c) => c.file === file)?.recommendations ?? labelled(file);

if (showErrors) console.log('Against the labels as given:');
const asGiven = evaluate(labelled, showErrors);
if (showErrors) console.log('\nAgainst the corrected labels:');
const afterCorrections = evaluate(corrected, showErrors);

console.log(`${files.length} reports, ${labels.length} labelled recommendations; ${corrections.length} reports' labels corrected (label-corrections.json).`);
print('Against the labels as given:', asGiven);
print('Against the corrected labels:', afterCorrections);

const frameworkMisses = files.filter((file) => {
  const report = imports.get(file)!;
  return typeof report === 'string' || report.framework !== labels.find((label) => label.file === file)?.framework;
});
const board = files.reduce((sum, file) => {
  const report = imports.get(file)!;
  return sum + (typeof report === 'string' ? 0 : report.recommendations.filter((r) => r.body === 'LSCB').length);
}, 0);
const withGrades = files.filter((file) => {
  const report = imports.get(file)!;
  return typeof report !== 'string' && report.judgements.length > 0;
}).length;
console.log(`\nFramework read right for ${files.length - frameworkMisses.length} of ${files.length} reports${frameworkMisses.length > 0 ? ` (wrong: ${frameworkMisses.join(', ')})` : ''}; judgements and grades read from ${withGrades}.`);
console.log(`${board} recommendations to SIF reports' Local Safeguarding Children Boards were imported too: the labels do not cover them.`);
