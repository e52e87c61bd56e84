/**
 * npm run train:smart: trains the wording model on the development part of the SMART corpus and
 * writes its weights to server/src/engine/smart/wordingModelWeights.ts.
 *
 *   npm run train:smart [-- --cross-validate]
 *
 * --cross-validate writes nothing: it trains once per development batch without that batch, and
 * prints how the model alone does on the batch it did not see (fails is the positive class).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { loadCorpus, score } from './smartCorpus.js';
import { batchOf, trainWordingModel, wordingModelSource } from './wordingModel.js';
import { judgeWording } from '../server/src/engine/smart/wordingModel.js';
import { REPORT_ABOVE, SILENCE_BELOW } from '../server/src/engine/smart/secondReading.js';

const WEIGHTS_PATH = fileURLToPath(new URL('../server/src/engine/smart/wordingModelWeights.ts', import.meta.url));

const options = new Command()
  .name('train:smart')
  .description('Trains the wording model on the development part of test/fixtures/smart/corpus.json.')
  .option('--cross-validate', 'print leave-one-batch-out figures instead of writing the weights')
  .parse()
  .opts<{ crossValidate?: boolean }>();

const dev = loadCorpus().actions.filter((item) => item.split === 'dev');

if (!options.crossValidate) {
  const model = trainWordingModel(dev);
  writeFileSync(WEIGHTS_PATH, wordingModelSource(model));
  console.log(`Trained on ${dev.length} development actions: ${model.weights.size} weights written to ${WEIGHTS_PATH}`);
} else {
  const thresholds = [0.5, SILENCE_BELOW, REPORT_ABOVE];
  const totals = thresholds.map(() => ({ tp: 0, fp: 0, fn: 0, tn: 0 }));
  const percent = (value: number) => value.toFixed(3);
  console.log(`batch  actions  ${thresholds.map((t) => `vague > ${t}: P / R`).join('   ')}`);
  for (const batch of [...new Set(dev.map((item) => batchOf(item.id)))]) {
    const model = trainWordingModel(dev.filter((item) => batchOf(item.id) !== batch));
    const held = dev.filter((item) => batchOf(item.id) === batch);
    const cells = thresholds.map((threshold, index) => {
      const confusion = { tp: 0, fp: 0, fn: 0, tn: 0 };
      for (const item of held) {
        const flagged = judgeWording(item.statement, model) > threshold;
        const fails = !item.labels.S;
        const cell = flagged ? (fails ? 'tp' : 'fp') : fails ? 'fn' : 'tn';
        confusion[cell]++;
        totals[index]![cell]++;
      }
      const s = score(confusion);
      return `${percent(s.precision)} / ${percent(s.recall)}`.padEnd(19);
    });
    console.log(`${batch.padEnd(5)}  ${String(held.length).padStart(7)}  ${cells.join('   ')}`);
  }
  console.log(`all    ${String(dev.length).padStart(7)}  ${totals.map((t) => { const s = score(t); return `${percent(s.precision)} / ${percent(s.recall)}`.padEnd(19); }).join('   ')}`);
}
