/**
 * npm run eval:smart: how well the SMART rules agree with the labelled corpus
 * (test/fixtures/smart/corpus.json, described in test/fixtures/smart/README.md).
 *
 *   npm run eval:smart [-- --part dev|test] [--errors] [--no-wording-model]
 *
 * Prints, for each part and each letter, TP, FP, FN, TN, precision, recall and F1, with "fails"
 * as the positive class. --errors also lists every misclassified item. Tune the rules on the dev
 * part only: the test part is for reporting.
 */
import { Command, Option } from 'commander';
import { evaluate, LETTERS, lintCorpus, loadCorpus, PARTS, type PartEvaluation, type Part } from './smartCorpus.js';

const program = new Command()
  .name('eval:smart')
  .description('Scores the SMART rules against the labelled corpus in test/fixtures/smart/corpus.json.')
  .addOption(new Option('--part <part>', 'only this part of the corpus').choices(PARTS))
  .option('--errors', 'list each misclassified item with the diagnostic and the label’s reason')
  .option('--corpus <path>', 'another corpus file in the same format')
  .option('--no-wording-model', 'the rules alone, without the wording model (smart.wordingModel off)')
  .showHelpAfterError();
program.parse();
const options = program.opts<{ part?: Part; errors?: boolean; corpus?: string; wordingModel: boolean }>();

function decimal(value: number): string {
  return value.toFixed(3);
}

function table(evaluation: PartEvaluation): string {
  const header = ['letter', 'TP', 'FP', 'FN', 'TN', 'precision', 'recall', 'F1'];
  const rows = LETTERS.map((letter) => {
    const s = evaluation.scores[letter];
    return [letter, s.tp, s.fp, s.fn, s.tn, decimal(s.precision), decimal(s.recall), decimal(s.f1)].map(String);
  });
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

function errorList(evaluation: PartEvaluation): string {
  if (evaluation.errors.length === 0) return '  none\n';
  return evaluation.errors
    .map(({ item, letter, expectedPass, messages }) => {
      const expected = expectedPass ? 'pass' : 'fail';
      const got = expectedPass ? 'fail' : 'pass';
      const said = messages.length > 0 ? messages.join(' | ') : '(no diagnostic)';
      return `  ${item.id} ${letter}: expected ${expected}, got ${got}\n` +
        `    statement: ${item.statement}\n` +
        `    engine: ${said}\n` +
        `    why: ${item.why[letter]}\n`;
    })
    .join('');
}

let corpus;
try {
  corpus = loadCorpus(options.corpus);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const results = lintCorpus(corpus, { smartWordingModel: options.wordingModel });
for (const part of options.part ? [options.part] : PARTS) {
  const evaluation = evaluate(part, results);
  console.log(`\n${part} part: ${evaluation.items} actions${part === 'test' ? ' (report only: never tune on it)' : ''}\n`);
  console.log(table(evaluation));
  if (options.errors) {
    console.log(`\nmisclassified (${evaluation.errors.length}):`);
    process.stdout.write(errorList(evaluation));
  }
}
