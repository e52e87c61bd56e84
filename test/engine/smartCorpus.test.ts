/**
 * Guards the SMART evaluation harness (scripts/smartCorpus.ts, npm run eval:smart), not the
 * rules' accuracy: the corpus is well formed and split as documented, and each item renders to
 * a plan whose action the engine reads back exactly, with no problems that are not about SMART.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { isComplete, readStatus } from '../../server/src/engine/status.js';
import {
  CORPUS_PATH,
  corpusProblems,
  LETTER_CODES,
  LETTERS,
  lintCorpus,
  lintItem,
  loadCorpus,
  MAIN_ACTION_ID,
  PARTS,
  score,
  splitOf,
  type Corpus,
  type CorpusItem,
} from '../../scripts/smartCorpus.js';

const SMART_CODES = new Set<string>(Object.values(LETTER_CODES).flat());
const FINISHED = /^(blue|complete|done)$/i;

describe('SMART corpus', () => {
  const raw: unknown = JSON.parse(readFileSync(CORPUS_PATH, 'utf8'));
  const corpus: Corpus = loadCorpus();
  const results = lintCorpus(corpus);
  const real = corpus.actions.filter((item) => item.origin === 'real');
  const written = corpus.actions.filter((item) => item.origin === 'written');

  it('is well formed: every field, label and reason present, ids unique, contexts known', () => {
    assert.deepEqual(corpusProblems(raw), []);
  });

  it('reports what is wrong with a malformed corpus', () => {
    const broken = structuredClone(raw) as Corpus;
    const first = broken.actions[0]!;
    broken.actions.push({ ...first });
    broken.actions[1] = { ...broken.actions[1]!, context: 'no-such-context' };
    delete (broken.actions[2]!.why as Partial<CorpusItem['why']>).M;
    const problems = corpusProblems(broken);
    assert.ok(problems.some((problem) => problem === `action ${first.id}: duplicate id`), problems.join('\n'));
    assert.ok(problems.some((problem) => problem.includes('no-such-context does not exist')), problems.join('\n'));
    assert.ok(problems.some((problem) => problem.endsWith('why.M missing')), problems.join('\n'));
    assert.deepEqual(corpusProblems([]), ['the corpus must be an object with "contexts" (an object) and "actions" (an array)']);
  });

  it('has at least 250 actions: all 67 real ones and at least 195 written against 8 or more reports', () => {
    assert.ok(corpus.actions.length >= 250, `${corpus.actions.length} actions`);
    assert.equal(real.length, 67);
    assert.ok(written.length >= 195, `${written.length} written actions`);
    const reports = new Set(written.map((item) => item.context));
    assert.ok(reports.size >= 8, `${reports.size} report contexts`);
    for (const context of reports) assert.ok(corpus.contexts[context]!.recommendations.length > 0, context);
  });

  it('labels every unlinked action, and every one with a link the context does not declare, as failing R', () => {
    for (const item of corpus.actions) {
      const declared = new Set(corpus.contexts[item.context]!.recommendations.map((recommendation) => recommendation.id));
      const unknown = item.links.filter((id) => !declared.has(id));
      if (item.links.length === 0 || unknown.length > 0) assert.equal(item.labels.R, false, `${item.id} is unlinked or has an unknown link`);
    }
  });

  it('exercises Achievable and Relevant as the issue asks', () => {
    const achievable = corpus.actions.filter((item) => item.siblings || item.start || !item.labels.A);
    const relevant = written.filter((item) => !item.labels.R || item.links.length > 1);
    assert.ok(achievable.length >= 25, `${achievable.length} items exercise Achievable`);
    assert.ok(relevant.length >= 30, `${relevant.length} written items exercise Relevant`);
  });

  it('splits by a hash of the ID alone, about 55/45, with real and written items and failures of every letter in both parts', () => {
    for (const item of corpus.actions) assert.equal(item.split, splitOf(item.id), item.id);
    const dev = corpus.actions.filter((item) => item.split === 'dev').length;
    const share = dev / corpus.actions.length;
    assert.ok(share > 0.48 && share < 0.62, `dev share ${share.toFixed(2)}`);
    for (const part of PARTS) {
      const items = corpus.actions.filter((item) => item.split === part);
      assert.ok(items.some((item) => item.origin === 'real'), `${part} has real items`);
      assert.ok(items.some((item) => item.origin === 'written'), `${part} has written items`);
      for (const letter of LETTERS) {
        const fails = items.filter((item) => !item.labels[letter]).length;
        assert.ok(fails >= 3, `${part} has ${fails} failures of ${letter}`);
      }
    }
  });

  it('renders every item so that the engine reads back its statement and fields exactly', () => {
    for (const { item, action } of results) {
      assert.ok(action, `${item.id}: ${MAIN_ACTION_ID} not found in the rendered plan`);
      assert.equal(action.statement.text, item.statement, item.id);
      for (const field of ['owner', 'start', 'due', 'measure', 'status'] as const) {
        const value: string | null = action.fields.find((candidate) => candidate.name === field)?.valueText ?? null;
        assert.equal(value, item[field], `${item.id} ${field}`);
      }
      const declared = new Set(corpus.contexts[item.context]!.recommendations.map((recommendation) => recommendation.id));
      assert.equal(action.containingRecommendationId, item.links.find((id) => declared.has(id)), `${item.id} section`);
    }
  });

  it('gives a fully good item no diagnostics but SMART ones (siblings aside)', () => {
    const good = results.filter(({ item }) => LETTERS.every((letter) => item.labels[letter]));
    assert.ok(good.length >= 50, `${good.length} fully good items`);
    for (const { item, lint, onAction } of good) {
      // The corpus has no Evidence field: a finished action is asked for one, which is not about SMART.
      const unasked = (code: string) => SMART_CODES.has(code as never) || (code === 'complete-without-evidence' && isComplete(readStatus(item.status ?? '')));
      const others = lint.diagnostics.filter(
        (diagnostic) => !unasked(diagnostic.code) && (onAction.includes(diagnostic) || !diagnostic.data?.element),
      );
      assert.deepEqual(others.map((diagnostic) => `${diagnostic.code}: ${diagnostic.message}`), [], item.id);
    }
  });

  it('gives siblings what they need to be counted as open or finished, and nothing that is not about SMART', () => {
    for (const { item, lint } of results.filter((result) => result.item.siblings)) {
      const siblingProblems = lint.diagnostics.filter(
        (diagnostic) => !SMART_CODES.has(diagnostic.code) && diagnostic.data?.element?.id !== MAIN_ACTION_ID,
      );
      assert.deepEqual(siblingProblems.map((diagnostic) => `${diagnostic.data?.element?.id} ${diagnostic.code}`), [], item.id);
      const finished = item.siblings!.filter((sibling) => sibling.status && FINISHED.test(sibling.status)).length;
      const complete = lint.plan.actions.filter((action) =>
        action.fields.some((field) => field.name === 'status' && FINISHED.test(field.valueText)));
      assert.equal(complete.length, finished, item.id);
    }
  });

  it('maps diagnostics on the item’s action to letters: an unlinked action fails R', () => {
    const base = written.find((item) => LETTERS.every((letter) => item.labels[letter]))!;
    const unlinked = lintItem({ ...base, id: 'probe', links: [] }, corpus.contexts[base.context]!);
    assert.equal(unlinked.flagged.R, true);
    assert.ok(unlinked.onAction.some((diagnostic) => diagnostic.code === 'unlinked-action'));
    const unknown = lintItem({ ...base, id: 'probe', links: ['R99'] }, corpus.contexts[base.context]!);
    assert.equal(unknown.flagged.R, true);
    assert.ok(unknown.onAction.some((diagnostic) => diagnostic.code === 'unknown-recommendation'));
  });

  it('scores with failing as the positive class', () => {
    assert.deepEqual(score({ tp: 9, fp: 1, fn: 3, tn: 7 }), { tp: 9, fp: 1, fn: 3, tn: 7, precision: 0.9, recall: 0.75, f1: 2 * 0.9 * 0.75 / 1.65 });
    assert.equal(score({ tp: 0, fp: 0, fn: 0, tn: 5 }).precision, 1);
    assert.equal(score({ tp: 0, fp: 2, fn: 4, tn: 5 }).f1, 0);
  });
});
