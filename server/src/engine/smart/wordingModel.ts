/**
 * The wording model: a logistic regression over the words and word pairs of an action statement,
 * learned from the development part of the labelled SMART corpus (scripts/trainWordingModel.ts
 * writes its weights to wordingModelWeights.ts). It gives the chance that a reviewer would call
 * the statement not specific. smart-specific uses it as a second reader of the hand-written rules
 * (secondReading.ts): it catches vague wording the rules have no pattern for, and
 * it silences a rule when the statement reads plainly specific. Nothing here knows the rules.
 */
import { tokenise } from './tokens.js';
import { WORDING_MODEL } from './wordingModelWeights.js';

export interface TrainedWordingModel {
  bias: number;
  /** Feature name → weight; features the model never saw weigh nothing. */
  weights: ReadonlyMap<string, number>;
}

const BOUNDARY = '|';

/**
 * The distinct features of a statement: each word (numbers written as 0, so "12 audits" and "40
 * audits" are one feature), each punctuation mark between words, each pair of neighbours among
 * those, the start and end of the statement, and its length in bands of four words.
 */
export function wordingFeatures(text: string): string[] {
  const words = tokenise(text).words;
  const units = [BOUNDARY];
  for (const word of words) units.push(word.lower.replace(/\d+/g, '0'), ...word.after.replace(/\s/g, ''));
  units.push(BOUNDARY);
  const features = units.slice(1, -1);
  for (let i = 0; i + 1 < units.length; i++) features.push(`${units[i]} ${units[i + 1]}`);
  features.push(`#length${Math.min(6, Math.floor(words.length / 4))}`);
  return [...new Set(features)];
}

export function logistic(score: number): number {
  return 1 / (1 + Math.exp(-score));
}

let shipped: TrainedWordingModel | undefined;

/** The model that ships with the extension, read once from its weights. */
export function shippedWordingModel(): TrainedWordingModel {
  shipped ??= parseWordingModel(WORDING_MODEL);
  return shipped;
}

/** Reads weights written by formatWordingModel: the bias on the first line, then "weight<TAB>feature". */
export function parseWordingModel(serialised: string): TrainedWordingModel {
  const [first = '0', ...lines] = serialised.split('\n');
  const weights = new Map<string, number>();
  for (const line of lines) {
    const tab = line.indexOf('\t');
    if (tab > 0) weights.set(line.slice(tab + 1), Number(line.slice(0, tab)));
  }
  return { bias: Number(first), weights };
}

export function formatWordingModel(model: TrainedWordingModel): string {
  const lines = [...model.weights].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, weight]) => `${weight}\t${name}`);
  return [String(model.bias), ...lines].join('\n');
}

/** Reads an untrusted on/off switch for the model (editor setting or `.planrc`): true, false or absent. */
export function readWordingModelSwitch(value: unknown, where: string): { on?: boolean; problems: string[] } {
  if (typeof value === 'boolean') return { on: value, problems: [] };
  return { problems: value === undefined ? [] : [`${where} should be true or false, and is ignored.`] };
}

/** The model's chance, 0 to 1, that a reviewer would call the statement not specific. */
export function judgeWording(text: string, model: TrainedWordingModel = shippedWordingModel()): number {
  let score = model.bias;
  for (const name of wordingFeatures(text)) score += model.weights.get(name) ?? 0;
  return logistic(score);
}
