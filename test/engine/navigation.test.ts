import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  checkRename,
  definitionsOf,
  foldingRanges,
  idOccurrenceAt,
  idOccurrences,
  matchesQuery,
  normaliseId,
  parsePlan,
  planRename,
  planSymbols,
  referencesOf,
  sameIdIn,
  workspaceSymbols,
  NOT_AN_ID,
  type IdLocation,
  type PlanSet,
  type PlanSource,
  type PlanSymbol,
  type Range,
} from '../../server/src/engine/index.js';

/** A set of plans keyed by file name; `recommendations:` values name other keys directly. */
function planSet(files: Record<string, string>): PlanSet & { source(key: string): PlanSource } {
  const sources = new Map<string, PlanSource>();
  for (const [key, text] of Object.entries(files)) {
    const plan = parsePlan(text);
    sources.set(key, { key, name: key, plan, recommendationsKey: plan.frontMatter?.recommendationsFile?.value.replace(/^\.\//, '') });
  }
  return { get: (key) => sources.get(key), all: () => sources.values(), source: (key) => sources.get(key)! };
}

/** The offset of the `nth` (0-based) occurrence of `needle` in `text`, plus `delta`. */
function offsetOf(text: string, needle: string, nth = 0, delta = 0): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" #${nth} not in text`);
  }
  return at + delta;
}

const show = (text: string, range: Range) => `${text.slice(0, range.start).split('\n').length}:${text.slice(range.start, range.end)}`;
const described = (locations: IdLocation[]) => locations.map(({ source, occurrence }) => `${source.key}:${show(source.plan.text, occurrence.range)}`);

const RECOMMENDATIONS = `---
rules: { uncovered-recommendation: off }
---

## R1 Out-of-hours services

Services to children out of hours.

## Recommendation 2: Consistency of practitioners

Consistency of practitioners for children and families.

## R3 Early help

Waiting time for early help support.
`;

const ACTIONS = `---
recommendations: ./recs.plan.md
---

## Out of hours

### A1.1 Recruit 4 social workers to the emergency duty team

- Owner: Head of Service
- Links: R1

### Action 1.2 Visit children in custody within 4 hours

- Links: R1, Recommendation 2

# Cross-cutting

### A5 Present a monthly dashboard

- Links: R2; R9 and R3
`;

const PARTNERSHIP = `---
recommendations: ./recs.plan.md
---

## R3 Our own early help recommendation

### A1 Commission a family hub

- Links: R1, R3
`;

describe('navigation', () => {
  const files = { 'recs.plan.md': RECOMMENDATIONS, 'actions.plan.md': ACTIONS, 'partnership.plan.md': PARTNERSHIP };
  const plans = planSet(files);
  const recs = plans.source('recs.plan.md');
  const actions = plans.source('actions.plan.md');
  const partnership = plans.source('partnership.plan.md');

  describe('occurrences', () => {
    it('lists every ID in headings and Links, in text order, with the text as written', () => {
      assert.deepEqual(
        idOccurrences(actions.plan).map((o) => `${o.kind} ${o.role} ${o.id} ${show(ACTIONS, o.range)}`),
        [
          'action declaration A1.1 7:A1.1',
          'recommendation link R1 10:R1',
          'action declaration A1.2 12:Action 1.2',
          'recommendation link R1 14:R1',
          'recommendation link R2 14:Recommendation 2',
          'action declaration A5 18:A5',
          'recommendation link R2 20:R2',
          'recommendation link R9 20:R9',
          'recommendation link R3 20:R3',
        ],
      );
    });

    it('finds the ID at a position, including just after it, and nothing elsewhere', () => {
      const start = offsetOf(ACTIONS, 'Recommendation 2');
      for (const offset of [start, start + 5, start + 16]) assert.equal(idOccurrenceAt(actions.plan, offset)?.id, 'R2', String(offset));
      assert.equal(idOccurrenceAt(actions.plan, start - 1), undefined, 'the space before it');
      assert.equal(idOccurrenceAt(actions.plan, offsetOf(ACTIONS, 'Recruit')), undefined, 'the statement');
      assert.equal(idOccurrenceAt(actions.plan, offsetOf(ACTIONS, 'Out of hours')), undefined, 'a heading without an ID');
      assert.equal(idOccurrenceAt(actions.plan, -5), undefined);
      assert.equal(idOccurrenceAt(actions.plan, 1e9), undefined);
    });

    it('does not take a Links entry that is not a whole ID, nor an ID in prose', () => {
      const plan = parsePlan('## R1 Early help\n\nSee R1 and A1.\n\n### A1 Run 4 clinics\n\n- Links: R1 Early help\n- Owner: R1\n');
      assert.deepEqual(idOccurrences(plan).map((o) => o.text), ['R1', 'A1']);
    });

    it('highlights every occurrence of the same ID in the plan', () => {
      const occurrence = idOccurrenceAt(actions.plan, offsetOf(ACTIONS, 'R2'))!;
      assert.deepEqual(sameIdIn(actions.plan, occurrence).map((o) => show(ACTIONS, o.range)), ['14:Recommendation 2', '20:R2']);
    });
  });

  describe('definitions', () => {
    it('go from a Links ID to the heading in the recommendations file', () => {
      const link = idOccurrenceAt(actions.plan, offsetOf(ACTIONS, 'Recommendation 2'))!;
      assert.deepEqual(described(definitionsOf(plans, actions, link)), ['recs.plan.md:9:Recommendation 2']);
    });

    it('prefer a declaration in the plan itself, as the checker does', () => {
      const link = idOccurrenceAt(partnership.plan, offsetOf(PARTNERSHIP, 'R3', 1))!;
      assert.deepEqual(described(definitionsOf(plans, partnership, link)), ['partnership.plan.md:5:R3']);
      const r1 = idOccurrenceAt(partnership.plan, offsetOf(PARTNERSHIP, 'R1'))!;
      assert.deepEqual(described(definitionsOf(plans, partnership, r1)), ['recs.plan.md:5:R1']);
    });

    it('give every declaration of a duplicated ID, and none for an unknown one', () => {
      const text = '## R1 One\n\n### A1 Run 4 clinics\n\n## R1 Again\n\n### A1 Run 4 audits\n\n- Links: R1, R7\n';
      const set = planSet({ 'p.plan.md': text });
      const source = set.source('p.plan.md');
      assert.deepEqual(described(definitionsOf(set, source, idOccurrenceAt(source.plan, offsetOf(text, 'R1', 2))!)), ['p.plan.md:1:R1', 'p.plan.md:5:R1']);
      assert.deepEqual(described(definitionsOf(set, source, idOccurrenceAt(source.plan, offsetOf(text, 'A1', 1))!)), ['p.plan.md:3:A1', 'p.plan.md:7:A1']);
      assert.deepEqual(definitionsOf(set, source, idOccurrenceAt(source.plan, offsetOf(text, 'R7'))!), []);
    });

    it('give nothing when the recommendations file is missing or names itself', () => {
      const text = '---\nrecommendations: ./self.plan.md\n---\n### A1 Run 4 clinics\n\n- Links: R1\n';
      const set = planSet({ 'self.plan.md': text, 'other.plan.md': text.replace('self', 'missing') });
      for (const key of ['self.plan.md', 'other.plan.md']) {
        const source = set.source(key);
        assert.deepEqual(definitionsOf(set, source, idOccurrenceAt(source.plan, offsetOf(source.plan.text, 'R1'))!), [], key);
      }
    });
  });

  describe('references', () => {
    it('of a recommendation: its heading and Links in every plan that names its file, but not in a plan that declares it too', () => {
      const fromLink = idOccurrenceAt(actions.plan, offsetOf(ACTIONS, 'R1'))!;
      const expected = ['recs.plan.md:5:R1', 'actions.plan.md:10:R1', 'actions.plan.md:14:R1', 'partnership.plan.md:9:R1'];
      assert.deepEqual(described(referencesOf(plans, actions, fromLink)), expected);
      const fromHeading = idOccurrenceAt(recs.plan, offsetOf(RECOMMENDATIONS, 'R1'))!;
      assert.deepEqual(described(referencesOf(plans, recs, fromHeading)), expected);
      assert.deepEqual(described(referencesOf(plans, recs, fromHeading, false)), expected.slice(1));

      const r3 = idOccurrenceAt(recs.plan, offsetOf(RECOMMENDATIONS, 'R3'))!;
      assert.deepEqual(described(referencesOf(plans, recs, r3)), ['recs.plan.md:13:R3', 'actions.plan.md:20:R3']);
      const ownR3 = idOccurrenceAt(partnership.plan, offsetOf(PARTNERSHIP, 'R3'))!;
      assert.deepEqual(described(referencesOf(plans, partnership, ownR3)), ['partnership.plan.md:5:R3', 'partnership.plan.md:9:R3']);
    });

    it('of an unknown recommendation: its mentions in this plan only', () => {
      const r9 = idOccurrenceAt(actions.plan, offsetOf(ACTIONS, 'R9'))!;
      assert.deepEqual(described(referencesOf(plans, actions, r9)), ['actions.plan.md:20:R9']);
    });

    it('of an action: its heading, as actions are mentioned nowhere else', () => {
      const a12 = idOccurrenceAt(actions.plan, offsetOf(ACTIONS, 'Action 1.2'))!;
      assert.deepEqual(described(referencesOf(plans, actions, a12)), ['actions.plan.md:12:Action 1.2']);
      assert.deepEqual(referencesOf(plans, actions, a12, false), []);
    });
  });

  describe('rename', () => {
    const edits = (result: ReturnType<typeof planRename>) => {
      assert.ok('edits' in result, 'error' in result ? result.error : '');
      return result.edits.map((edit) => `${edit.source.key}:${show(edit.source.plan.text, edit.range)}>${edit.newText}`);
    };

    it('renames a recommendation in every plan, writing the short form for written-out IDs', () => {
      const result = planRename(plans, actions, offsetOf(ACTIONS, 'R2', 0), 'Recommendation 7');
      assert.deepEqual(edits(result), ['recs.plan.md:9:Recommendation 2>R7', 'actions.plan.md:14:Recommendation 2>R7', 'actions.plan.md:20:R2>R7']);
      assert.deepEqual(edits(planRename(plans, recs, offsetOf(RECOMMENDATIONS, 'R1'), ' P1 ')), [
        'recs.plan.md:5:R1>P1',
        'actions.plan.md:10:R1>P1',
        'actions.plan.md:14:R1>P1',
        'partnership.plan.md:9:R1>P1',
      ]);
    });

    it('renames an action in its heading only', () => {
      assert.deepEqual(edits(planRename(plans, actions, offsetOf(ACTIONS, 'Action 1.2', 0, 3), 'A2.3')), ['actions.plan.md:12:Action 1.2>A2.3']);
    });

    it('renames one heading of a duplicated ID alone, and refuses to rename from a Links entry', () => {
      const text = '## R1 One\n\n### A1 Run 4 clinics\n\n## R1 Again\n\n### A1 Run 4 audits\n\n- Links: R1\n';
      const set = planSet({ 'p.plan.md': text });
      const source = set.source('p.plan.md');
      assert.deepEqual(edits(planRename(set, source, offsetOf(text, 'R1', 1), 'R2')), ['p.plan.md:5:R1>R2']);
      assert.deepEqual(edits(planRename(set, source, offsetOf(text, 'A1', 1), 'A2')), ['p.plan.md:7:A1>A2']);
      assert.deepEqual(planRename(set, source, offsetOf(text, 'R1', 2), 'R2'), { error: 'R1 is declared more than once in p.plan.md: rename one of its headings first.' });
      assert.deepEqual(checkRename(set, source, offsetOf(text, 'R1', 2)), { error: 'R1 is declared more than once in p.plan.md: rename one of its headings first.' });
    });

    it('checks the position: only declared IDs', () => {
      const start = offsetOf(ACTIONS, 'Recommendation 2');
      assert.deepEqual(checkRename(plans, actions, start + 3), { range: { start, end: start + 16 }, placeholder: 'R2' });
      assert.deepEqual(checkRename(plans, actions, offsetOf(ACTIONS, 'Recruit')), { error: NOT_AN_ID });
      assert.deepEqual(checkRename(plans, actions, offsetOf(ACTIONS, 'R9')), {
        error: 'R9 is not declared in this plan or its recommendations file, so there is nothing to rename.',
      });
      assert.deepEqual(planRename(plans, actions, offsetOf(ACTIONS, 'Recruit'), 'R4'), { error: NOT_AN_ID });
    });

    it('accepts only an ID of the same kind', () => {
      const at = offsetOf(ACTIONS, 'R2');
      for (const name of ['A7', 'r7', 'R7x', 'R', '', 'R1.2', 'Recommendations 7']) {
        assert.deepEqual(planRename(plans, actions, at, name), { error: `"${name}" is not a recommendation ID: use one such as R7 or P2.` }, name);
      }
      assert.deepEqual(planRename(plans, actions, offsetOf(ACTIONS, 'A5'), 'R5'), { error: '"R5" is not an action ID: use one such as A7 or A2.3.' });
      const long = 'x'.repeat(100);
      assert.deepEqual(planRename(plans, actions, at, long), { error: `"${'x'.repeat(40)}..." is not a recommendation ID: use one such as R7 or P2.` });
    });

    it('refuses a new ID that is already declared where the old one is declared or used', () => {
      assert.deepEqual(planRename(plans, recs, offsetOf(RECOMMENDATIONS, 'R1'), 'R3'), { error: 'R3 is already a recommendation in recs.plan.md: choose another ID.' });
      const withR4 = planSet({ ...files, 'partnership.plan.md': PARTNERSHIP.replace('## R3', '## R4') });
      assert.deepEqual(planRename(withR4, withR4.source('recs.plan.md'), offsetOf(RECOMMENDATIONS, 'R1'), 'R4'), {
        error: 'R4 is already a recommendation in partnership.plan.md: choose another ID.',
      });
      assert.deepEqual(planRename(plans, actions, offsetOf(ACTIONS, 'A5'), 'Action 1.1'), { error: 'A1.1 is already an action in actions.plan.md: choose another ID.' });
      // The same ID in another form is no conflict: the rename writes it short.
      assert.deepEqual(edits(planRename(plans, actions, offsetOf(ACTIONS, 'Action 1.2'), 'A1.2')), ['actions.plan.md:12:Action 1.2>A1.2']);
    });

    it('refuses a new ID that the declaring plan\'s own recommendations file declares', () => {
      const set = planSet({
        'base.plan.md': '## R5 Shared\n',
        'mid.plan.md': '---\nrecommendations: base.plan.md\n---\n## R1 Local\n',
      });
      assert.deepEqual(planRename(set, set.source('mid.plan.md'), offsetOf(set.source('mid.plan.md').plan.text, 'R1'), 'R5'), {
        error: 'R5 is already a recommendation in base.plan.md: choose another ID.',
      });
    });

    it('normalises IDs', () => {
      assert.equal(normaliseId('recommendation', 'Priority action 03'), 'P3');
      assert.equal(normaliseId('action', ' Action 2.10 '), 'A2.10');
      assert.equal(normaliseId('action', 'A2.3 Run'), undefined);
    });
  });

  describe('symbols', () => {
    const text = `---
title: Plan
---

# Plan

## R1 Out-of-hours services

Services to children out of hours.

### A1.1 Recruit 4 social workers

- Owner: Head of Service
- Due: 30 June 2025

### A1.2   Visit   children

## Recommendation 2

# Cross-cutting actions

### A5 Present a dashboard

- Links: R1, R2
`;
    const flat = (symbols: PlanSymbol[], depth = 0): string[] =>
      symbols.flatMap((s) => [`${'  '.repeat(depth)}${s.name} | ${s.detail ?? '-'} | ${show(text, s.range).split('\n')[0]} | ${show(text, s.selectionRange)}`, ...flat(s.children, depth + 1)]);

    it('nest actions in their recommendation, with cross-cutting actions at the top level', () => {
      assert.deepEqual(flat(planSymbols(parsePlan(text))), [
        'R1 Out-of-hours services | - | 7:## R1 Out-of-hours services | 7:R1 Out-of-hours services',
        '  A1.1 Recruit 4 social workers | Head of Service, due 30 June 2025 | 11:### A1.1 Recruit 4 social workers | 11:A1.1 Recruit 4 social workers',
        '  A1.2 Visit children | - | 16:### A1.2   Visit   children | 16:A1.2   Visit   children',
        'R2 | - | 18:## Recommendation 2 | 18:Recommendation 2',
        'A5 Present a dashboard | - | 22:### A5 Present a dashboard | 22:A5 Present a dashboard',
      ]);
    });

    it('span each section without its trailing blank lines', () => {
      const [r1, r2, a5] = planSymbols(parsePlan(text));
      assert.equal(text.slice(r1!.range.start, r1!.range.end), text.slice(offsetOf(text, '## R1'), offsetOf(text, 'children\n') + 'children'.length));
      assert.equal(text.slice(r2!.range.start, r2!.range.end), '## Recommendation 2');
      assert.equal(text.slice(a5!.range.start, a5!.range.end), '### A5 Present a dashboard\n\n- Links: R1, R2');
    });

    it('match workspace queries by characters in order, ignoring case and spaces', () => {
      assert.ok(matchesQuery('A1.1 Recruit 4 social workers', 'recruit'));
      assert.ok(matchesQuery('A1.1 Recruit 4 social workers', 'a11 rsw'));
      assert.ok(matchesQuery('anything', ''));
      assert.ok(!matchesQuery('R1 Out-of-hours', 'hours out'));
      const names = workspaceSymbols(plans.all(), 'r3').map((entry) => `${entry.source.key} ${entry.symbol.name} ${entry.container ?? '-'}`);
      assert.deepEqual(names, ['partnership.plan.md R3 Our own early help recommendation -', 'recs.plan.md R3 Early help -']);
      const inSection = workspaceSymbols(plans.all(), 'family hub').map((entry) => `${entry.symbol.name} < ${entry.container}`);
      assert.deepEqual(inSection, ['A1 Commission a family hub < R3 Our own early help recommendation']);
      assert.equal(workspaceSymbols(plans.all(), '').length, 3 + 3 + 2);
    });
  });

  describe('folding', () => {
    it('folds the front matter, every section, field lists and sub-lists, and not headings in code', () => {
      const text = `---
title: Plan
as-of: 2025-10-31
---

# Plan

Intro.

\`\`\`
# not a heading
\`\`\`

## R1 Out-of-hours services

Services to children out of hours.

### A1.1 Recruit 4 social workers

- Owner: Head of Service
- Due: 30 June 2025
- Progress:
  - 30 September 2025 (Amber): 2 recruited
  - 31 October 2025 (Green): 4 recruited

#### Notes

Written in October.

## R2 Early help
`;
      const folds = foldingRanges(parsePlan(text)).map((fold) => `${fold.what} ${show(text, fold).split('\n')[0]}..${text.slice(0, fold.end).split('\n').length}`);
      assert.deepEqual(folds, [
        'front-matter 1:---..4',
        'section 6:# Plan..30',
        'section 14:## R1 Out-of-hours services..28',
        'section 18:### A1.1 Recruit 4 social workers..28',
        'fields 20:- Owner: Head of Service..24',
        'sub-list 22:- Progress:..24',
        'section 26:#### Notes..28',
        'section 30:## R2 Early help..30',
      ]);
    });
  });

  it('never throws on any text at any offset', () => {
    const fragment = fc.constantFrom('---\n', 'recommendations: ./a.plan.md\n', '## R1 T\n', '### A1.1 Run\n', '- Links: R1, R2\n', '- Links:\n', '# X\n', '```\n', 'Recommendation 2', '\r\n', '\uFEFF', '\u{1F600}');
    const text = fc.array(fc.oneof(fragment, fc.string({ maxLength: 10 })), { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, text, fc.integer({ min: -5, max: 400 }), fc.string({ maxLength: 12 }), (a, b, offset, newName) => {
        const set = planSet({ 'a.plan.md': a, 'b.plan.md': `---\nrecommendations: ./a.plan.md\n---\n${b}` });
        for (const source of set.all()) {
          const occurrence = idOccurrenceAt(source.plan, offset);
          if (occurrence) {
            definitionsOf(set, source, occurrence);
            referencesOf(set, source, occurrence);
            sameIdIn(source.plan, occurrence);
          }
          checkRename(set, source, offset);
          const rename = planRename(set, source, offset, newName);
          if ('edits' in rename) for (const edit of rename.edits) assert.ok(edit.range.start <= edit.range.end && edit.range.end <= edit.source.plan.text.length);
          planSymbols(source.plan);
          for (const fold of foldingRanges(source.plan)) assert.ok(0 <= fold.start && fold.start <= fold.end && fold.end <= source.plan.text.length);
        }
        workspaceSymbols(set.all(), newName);
      }),
      { numRuns: 300 },
    );
  });
});
