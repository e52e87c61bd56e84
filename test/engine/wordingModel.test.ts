/**
 * The wording model (server/src/engine/smart/wordingModel.ts), how it is trained
 * (scripts/wordingModel.ts), and smart-specific's second reading with it (secondReading.ts):
 * when the model adds a finding, when it silences the rules, and that users can turn it off.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { lintText } from '../../server/src/engine/index.js';
import { readTwice, REPORT_ABOVE, SILENCE_BELOW, WORDING_MESSAGE } from '../../server/src/engine/smart/secondReading.js';
import { statementIssues } from '../../server/src/engine/smart/specific.js';
import {
  formatWordingModel,
  judgeWording,
  parseWordingModel,
  shippedWordingModel,
  wordingFeatures,
  type TrainedWordingModel,
} from '../../server/src/engine/smart/wordingModel.js';
import { readSettings } from '../../server/src/lsp/settings.js';
import { readPlanrc } from '../../server/src/node/planrc.js';
import { loadCorpus } from '../../scripts/smartCorpus.js';
import { trainWordingModel, wordingModelSource } from '../../scripts/wordingModel.js';

/** A model that knows only the given weights, with a bias that makes an unknown statement 50:50. */
const modelOf = (weights: Record<string, number>): TrainedWordingModel => ({ bias: 0, weights: new Map(Object.entries(weights)) });

describe('the wording model', () => {
  it('reads words (numbers as 0), punctuation, neighbouring pairs from start to end, and a length band', () => {
    assert.deepEqual(wordingFeatures('Audit 40 files; report'), [
      'audit', '0', 'files', ';', 'report',
      '| audit', 'audit 0', '0 files', 'files ;', '; report', 'report |',
      '#length1',
    ]);
  });

  it('counts a repeated feature once', () => {
    const features = wordingFeatures('Review and review');
    assert.equal(features.filter((feature) => feature === 'review').length, 1);
  });

  it('writes and reads its weights without loss', () => {
    const model = modelOf({ improve: 1.25, 'audit 0': -0.5, '| ensure': 2 });
    const read = parseWordingModel(formatWordingModel({ ...model, bias: -0.75 }));
    assert.equal(read.bias, -0.75);
    assert.deepEqual([...read.weights].sort(), [...model.weights].sort());
  });

  it('gives the logistic of the summed weights', () => {
    assert.equal(judgeWording('Improve practice', modelOf({})), 0.5);
    assert.ok(Math.abs(judgeWording('Improve practice', modelOf({ improve: Math.log(9) })) - 0.9) < 1e-9);
  });

  it('ships exactly the weights that training on the development part gives', () => {
    const dev = loadCorpus().actions.filter((item) => item.split === 'dev');
    const shipped = readFileSync(new URL('../../server/src/engine/smart/wordingModelWeights.ts', import.meta.url), 'utf8');
    assert.ok(shipped === wordingModelSource(trainWordingModel(dev)), 'run npm run train:smart after changing the corpus or the features');
    assert.ok(shippedWordingModel().weights.size > 1000);
  });

  it('refuses to train on the test part', () => {
    const test = loadCorpus().actions.filter((item) => item.split === 'test').slice(0, 3);
    assert.throws(() => trainWordingModel(test), /development part only/);
  });
});

describe("smart-specific's second reading", () => {
  const statement = 'Right placement, first time, for teenagers in an emergency';

  it('reports a statement the rules pass when the model is nearly sure it is vague, over the whole statement', () => {
    assert.deepEqual(statementIssues(statement), []);
    const issues = readTwice(statement, modelOf({ placement: 10 }));
    assert.deepEqual(issues, [{ kind: 'wording', start: 0, end: statement.length, phrase: statement, message: WORDING_MESSAGE }]);
  });

  it('leaves the rules to speak when the model is unsure either way', () => {
    assert.deepEqual(readTwice(statement, modelOf({ placement: Math.log(REPORT_ABOVE / (1 - REPORT_ABOVE)) - 0.01 })), []);
    const vague = 'Ensure data quality on missing episodes';
    assert.deepEqual(readTwice(vague, modelOf({})), statementIssues(vague));
  });

  it("leaves a statement that starts with a deliverable's verb to the rules, even after a lead-in", () => {
    for (const text of ['Recruit 20 social workers', 'We will recruit 20 social workers']) {
      assert.deepEqual(statementIssues(text), [], text);
      assert.deepEqual(readTwice(text, modelOf({ social: 10 })), [], text);
    }
    assert.deepEqual(readTwice('Front door decisions for older children', modelOf({ front: 10 })).map((issue) => issue.kind), ['wording']);
  });

  it('leaves a terse heading whose head names a thing to deliver to the rules', () => {
    for (const text of ['Private fostering audit', 'An updated quality assurance framework', 'Social workers for the front door', 'Joint duty rota for young people who present as homeless']) {
      assert.deepEqual(statementIssues(text), [], text);
      assert.deepEqual(readTwice(text, modelOf({ private: 10, updated: 10, social: 10, joint: 10 })), [], text);
    }
    // A verb or an object inside it, or "to" and what people are to do, make it a statement the model may read.
    for (const text of ['Partner agencies attend the locality strategy meetings', "Social workers to challenge over-optimism about parents' capacity to change"]) {
      assert.deepEqual(readTwice(text, modelOf({ partner: 10, social: 10 })).map((issue) => issue.kind), ['wording'], text);
    }
  });

  it('leaves a review followed through by a deliverable to the rules', () => {
    const followedThrough = 'Review the thresholds document and publish a revised version';
    assert.deepEqual(statementIssues(followedThrough), []);
    assert.deepEqual(readTwice(followedThrough, modelOf({ thresholds: 10 })), []);
    assert.deepEqual(readTwice('Review the thresholds document each quarter', modelOf({ thresholds: 10 })).map((issue) => issue.kind), ['wording']);
  });

  it("silences the rules' finding when the model is nearly sure the statement is specific", () => {
    const flagged = 'Review of the thresholds document completed';
    assert.notDeepEqual(statementIssues(flagged), []);
    assert.deepEqual(readTwice(flagged, modelOf({ thresholds: Math.log(SILENCE_BELOW / (1 - SILENCE_BELOW)) - 0.01 })), []);
  });

  it('never silences a hedge or a statement too short to name anything', () => {
    const sure = modelOf({ '#length0': -20, '#length1': -20, '#length2': -20 });
    for (const text of ['Allocate a personal adviser to each care leaver where possible', 'Training']) {
      assert.notDeepEqual(statementIssues(text), [], text);
      assert.deepEqual(readTwice(text, sure), statementIssues(text), text);
    }
  });

  it('is on by default and can be turned off per plan run, in the settings and in a .planrc', () => {
    const plan = `## R1 Placements\n\nSufficiency of placements for teenagers.\n\n### A1.1 ${statement}\n\n- Owner: Head of Service\n- Due: 31 March 2026\n- Measure: 90% of teenagers placed within 5 days\n`;
    assert.ok(judgeWording(statement, shippedWordingModel()) > REPORT_ABOVE, 'the shipped model reads this dev-part statement as vague');
    const specific = (options: { smartWordingModel?: boolean }) =>
      lintText(plan, { today: '2025-11-01', ...options }).diagnostics.filter((d) => d.code === 'smart-specific').map((d) => plan.slice(d.range.start, d.range.end));
    assert.deepEqual(specific({}), [statement]);
    assert.deepEqual(specific({ smartWordingModel: false }), []);
    assert.equal(readSettings({}).settings.smartWordingModel, true);
    assert.equal(readSettings({ smart: { wordingModel: false } }).settings.smartWordingModel, false);
    assert.deepEqual(readSettings({ smart: { wordingModel: 'no' } }).problems, ['Setting improvementPlan.smart.wordingModel should be true or false, and is ignored.']);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'wording-model-')), '.planrc.yaml');
    writeFileSync(file, 'smart:\n  wordingModel: false\n');
    assert.equal(readPlanrc(file).smartWordingModel, false);
    writeFileSync(file, 'smart:\n  allow: [support]\n');
    assert.equal(readPlanrc(file).smartWordingModel, undefined);
    writeFileSync(file, 'smart:\n  wordingModel: maybe\n');
    assert.deepEqual(readPlanrc(file).problems, ['.planrc.yaml: smart.wordingModel should be true or false, and is ignored.']);
  });
});
