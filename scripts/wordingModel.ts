/**
 * Training the wording model (server/src/engine/smart/wordingModel.ts) on the labelled SMART
 * corpus: logistic regression by stochastic gradient descent, in the corpus's order, so the same
 * corpus always gives the same weights. Only the development part is ever used to train.
 */
import type { CorpusItem } from './smartCorpus.js';
import { formatWordingModel, logistic, wordingFeatures, type TrainedWordingModel } from '../server/src/engine/smart/wordingModel.js';

const EPOCHS = 30;
const FIRST_STEP = 0.5;
const STEP_DECAY = 0.9;
const L2 = 1e-3;
/** Weights are kept to two decimals, and those under MIN_WEIGHT dropped: the bundle stays small. */
const KEPT_DECIMALS = 100;
const MIN_WEIGHT = 0.1;

export function trainWordingModel(items: readonly CorpusItem[]): TrainedWordingModel {
  if (items.some((item) => item.split !== 'dev')) throw new Error('The wording model trains on the development part only.');
  const examples = items.map((item) => ({ names: wordingFeatures(item.statement), vague: item.labels.S ? 0 : 1 }));
  const weights = new Map<string, number>();
  let bias = 0;
  let step = FIRST_STEP;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (const { names, vague } of examples) {
      let score = bias;
      for (const name of names) score += weights.get(name) ?? 0;
      const error = logistic(score) - vague;
      bias -= step * error;
      for (const name of names) {
        const weight = weights.get(name) ?? 0;
        weights.set(name, weight - step * (error + L2 * weight));
      }
    }
    step *= STEP_DECAY;
  }
  const round = (value: number) => Math.round(value * KEPT_DECIMALS) / KEPT_DECIMALS;
  const kept = new Map([...weights].map(([name, weight]) => [name, round(weight)] as const).filter(([, weight]) => Math.abs(weight) >= MIN_WEIGHT));
  return { bias: round(bias), weights: kept };
}

/** The batch an item came from: its ID up to the first hyphen ("x21", "w", "real"). */
export const batchOf = (id: string): string => id.split('-')[0]!;

/** The TypeScript module that carries the weights: one line per weight, so a retraining diffs well. */
export function wordingModelSource(model: TrainedWordingModel): string {
  const lines = formatWordingModel(model).split('\n').map((line) => `  ${JSON.stringify(line)},`);
  return [
    '// Written by `npm run train:smart` (scripts/trainWordingModel.ts) from the development part of',
    '// test/fixtures/smart/corpus.json. Do not edit: retrain. Format: the bias, then "weight<TAB>feature".',
    'export const WORDING_MODEL = [',
    ...lines,
    "].join('\\n');",
    '',
  ].join('\n');
}
