/**
 * How far a second reviewer agrees with the corpus on S: test/fixtures/smart/second-reviewer.json
 * holds S labels given to 400 development actions by a reviewer who saw neither the corpus labels
 * nor the rules. Prints agreement and Cohen's kappa, corpus against second reviewer and engine
 * against each.
 *
 *   npx tsx scripts/secondReviewer.ts
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { statementIssues } from '../server/src/engine/smart/specific.js';
import { loadCorpus } from './smartCorpus.js';

interface SecondLabel {
  id: string;
  S: boolean;
  why: string;
}

const path = fileURLToPath(new URL('../test/fixtures/smart/second-reviewer.json', import.meta.url));
const second: SecondLabel[] = JSON.parse(readFileSync(path, 'utf8'));
const items = new Map(loadCorpus().actions.map((item) => [item.id, item]));

/** Agreement and Cohen's kappa between two ways of saying "fails S". */
function agreement(name: string, a: (label: SecondLabel) => boolean, b: (label: SecondLabel) => boolean): void {
  let both = 0, onlyA = 0, onlyB = 0, neither = 0;
  for (const label of second) {
    const [x, y] = [a(label), b(label)];
    if (x && y) both++;
    else if (x) onlyA++;
    else if (y) onlyB++;
    else neither++;
  }
  const n = second.length;
  const observed = (both + neither) / n;
  const chance = ((both + onlyA) * (both + onlyB) + (onlyB + neither) * (onlyA + neither)) / (n * n);
  console.log(`${name.padEnd(32)} agree ${observed.toFixed(3)}  kappa ${((observed - chance) / (1 - chance)).toFixed(3)}  (both fail ${both}, only first ${onlyA}, only second ${onlyB})`);
}

const corpusFails = (label: SecondLabel) => !items.get(label.id)!.labels.S;
const secondFails = (label: SecondLabel) => !label.S;
const engineFails = (label: SecondLabel) => statementIssues(items.get(label.id)!.statement).length > 0;
console.log(`${second.length} development actions labelled for S by a second reviewer\n`);
agreement('corpus / second reviewer', corpusFails, secondFails);
agreement('engine / corpus', engineFails, corpusFails);
agreement('engine / second reviewer', engineFails, secondFails);
