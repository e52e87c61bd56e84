import assert from 'node:assert/strict';
import { PlanAnalysis, parsePlan } from '../../server/src/engine/index.js';
import { nextAction, recommendationAt, renumberActions, type TextReplacement } from '../../server/src/engine/numbering.js';

const apply = (text: string, edits: readonly TextReplacement[]): string =>
  [...edits].sort((a, b) => b.range.start - a.range.start).reduce((result, edit) => result.slice(0, edit.range.start) + edit.newText + result.slice(edit.range.end), text);

const analyse = (text: string) => new PlanAnalysis(parsePlan(text), { today: '2025-11-01' });

describe('next action', () => {
  const text = `## R1 One

The report's words.

### A1.1 First

- Owner: X

### A1.3 Third

## R2 Two

Words.

# Cross-cutting actions

### A3.1 Shared
- Links: R1
`;
  const plan = parsePlan(text);

  it('finds the recommendation whose section holds the cursor', () => {
    assert.equal(recommendationAt(plan, text.indexOf('- Owner'))?.id, 'R1');
    assert.equal(recommendationAt(plan, text.indexOf('Words.'))?.id, 'R2');
    assert.equal(recommendationAt(plan, text.indexOf('Shared')), undefined);
    assert.equal(recommendationAt(plan, 0)?.id, 'R1');
  });

  it('numbers after the highest action of the recommendation and goes at the end of its section', () => {
    const next = nextAction(plan, text.indexOf('First'));
    assert.ok('id' in next);
    assert.equal(next.id, 'A1.4');
    assert.equal(next.offset, text.indexOf('## R2'));
    assert.equal(
      next.snippet,
      '### A1.4 ${1:Verb and named deliverable}\n\n- Owner: ${2:Head of Service}\n- Due: ${3:${CURRENT_MONTH_NAME} ${CURRENT_YEAR}}\n' +
        '- Measure: ${4:a number, percentage or document that will show the action worked}\n- Status: ${5|Not started,Red,Amber,Green,Blue|}\n$0\n',
    );
  });

  it('starts at .1 under a recommendation with no actions, one level below it, with a blank line before', () => {
    const next = nextAction(plan, text.indexOf('Words.'));
    assert.ok('id' in next);
    assert.equal(next.id, 'A2.1');
    assert.equal(next.offset, text.indexOf('# Cross-cutting'));
    assert.ok(next.snippet.startsWith('### A2.1 $'), next.snippet);
  });

  it('adds the blank line a section at the end of the file lacks, and nothing after', () => {
    const short = '## R1 One\n\n### A1.1 First\n- Owner: X';
    const next = nextAction(parsePlan(short), short.length);
    assert.ok('id' in next);
    assert.equal(next.offset, short.length);
    assert.ok(next.snippet.startsWith('\n\n### A1.2 '), next.snippet);
    assert.ok(next.snippet.endsWith('$0'), next.snippet);
  });

  it('counts written-out IDs and areas for priority action', () => {
    const written = '## Priority action 2 Thresholds\n\n### Action 2.5 Publish\n';
    const next = nextAction(parsePlan(written), 5);
    assert.ok('id' in next);
    assert.equal(next.id, 'A2.6');
  });

  it('says where to put the cursor outside every recommendation', () => {
    assert.deepEqual(nextAction(plan, text.indexOf('Shared')), {
      problem: 'Put the cursor in a recommendation (under a heading such as "## R1") to add an action to it.',
    });
    assert.ok('problem' in nextAction(parsePlan('just text'), 0));
    assert.ok('problem' in nextAction(parsePlan(''), 0));
  });
});

describe('renumbering actions', () => {
  it('numbers each recommendation in document order, cross-cutting actions after the last, and updates Links', () => {
    const text = `## R1 One
### A1.2 b
- Links: A1.1
### A1.1 a
## R2 Two
### A2.1 c
### A2.1 d
### Action 2.7 e
# Cross-cutting
### A9 f
- Links: R1, A1.2 and A9
`;
    const result = renumberActions(analyse(text));
    assert.deepEqual(
      result.changes.map((c) => `${c.from}>${c.to}`),
      ['A1.2>A1.1', 'A1.1>A1.2', 'A2.1>A2.2', 'A2.7>A2.3', 'A9>A3.1'],
    );
    assert.equal(
      apply(text, result.edits),
      `## R1 One
### A1.1 b
- Links: A1.2
### A1.2 a
## R2 Two
### A2.1 c
### A2.2 d
### Action 2.3 e
# Cross-cutting
### A3.1 f
- Links: R1, A1.1 and A3.1
`,
    );
  });

  it('changes nothing when the actions are in order, whatever their heading level or leading zeros', () => {
    const text = '## R1 One\n### A1.1 a\n#### A01.2 b\n## R2 Two\n### A2.1 c\n# Other\n### A3.1 d\n';
    const result = renumberActions(analyse(text));
    assert.deepEqual(result.changes, []);
    assert.deepEqual(result.edits, []);
    assert.equal(result.references.size, 0);
  });

  it('updates action IDs in the Links of plans that name this one as their recommendations file, unless they declare them', () => {
    const text = '## R1 One\n### A1.5 a\n### A1.6 b\n';
    const other = parsePlan('---\nrecommendations: ./main.plan.md\n---\n### A1.6 own\n- Links: R1, A1.5; A1.6\n');
    const untouched = parsePlan('### A2 x\n- Links: R1\n');
    const result = renumberActions(analyse(text), [
      { key: 'other', plan: other },
      { key: 'untouched', plan: untouched },
    ]);
    assert.deepEqual([...result.references.keys()], ['other']);
    assert.equal(apply(other.text, result.references.get('other')!), '---\nrecommendations: ./main.plan.md\n---\n### A1.6 own\n- Links: R1, A1.1; A1.6\n');
  });

  it('numbers the actions of a plan whose recommendations are all in another file under their first Links', () => {
    const text = '---\nrecommendations: ./recs.plan.md\n---\n### A7 a\n- Links: R2, R1\n### A8 b\n- Links: R1\n### A9 c\n';
    const analysis = new PlanAnalysis(parsePlan(text), {
      readRecommendationsFile: () => ({ name: 'recs.plan.md', recommendations: parsePlan('## R1 x\n## R2 y\n').recommendations }),
    });
    const result = renumberActions(analysis);
    assert.deepEqual(result.changes.map((c) => `${c.from}>${c.to}`), ['A7>A2.1', 'A8>A1.1', 'A9>A3.1']);
  });

  it('works on any text', () => {
    for (const text of ['', 'no headings', '### A1 alone', '## R1\n### A1.1\n- Links:', '# A\n## R0\n### A0.0 zero\n']) {
      const result = renumberActions(analyse(text));
      assert.ok(Array.isArray(result.edits));
    }
    assert.deepEqual(renumberActions(analyse('### A1 alone')).changes.map((c) => c.to), ['A1.1']);
  });
});
