/** Completion candidates: what is offered where, and exactly which text each replaces. `|` marks the cursor. */
import assert from 'node:assert/strict';
import { lintText } from '../../server/src/engine/index.js';
import { completionsAt, nextActionId } from '../../server/src/engine/completion.js';

const HEAD = '---\nas-of: 2025-11-01\n---\n\n# Plan\n\n## R1 Supervision\n\nManagement oversight of practice.\n\n### A1.1 Run monthly supervision audits of 20 case files\n\n';

/** [label, insertText, replaced text] for each candidate at the `|`. */
function complete(textWithCursor: string): [string, string, string][] {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  const { plan, analysis } = lintText(text, { today: '2025-11-01' });
  return completionsAt(plan, analysis, offset).map((c) => {
    assert.ok(c.range.start <= offset && offset <= c.range.end, `range of ${c.label} contains the cursor`);
    assert.ok(!text.slice(c.range.start, c.range.end).includes('\n'), 'range is on one line');
    return [c.label, c.insertText, text.slice(c.range.start, c.range.end)];
  });
}
const labels = (textWithCursor: string) => complete(textWithCursor).map(([label]) => label);

describe('completion', () => {
  describe('field keys', () => {
    it('offers the keys an action does not have yet, in the dialect order', () => {
      assert.deepEqual(labels(`${HEAD}- Owner: Head of Service\n- Due: 31 March 2026\n- |`), ['Measure', 'Links', 'Status', 'Start', 'Evidence', 'Milestones', 'Progress']);
    });

    it('counts synonyms as the key they stand for', () => {
      assert.deepEqual(labels(`${HEAD}- Lead: Head of Service\n- RAG: Amber\n- Deadline: March 2026\n- |`), ['Measure', 'Links', 'Start', 'Evidence', 'Milestones', 'Progress']);
    });

    it('replaces the part typed, adds the colon, and keeps bold keys bold', () => {
      assert.deepEqual(complete(`${HEAD}- Ow|`)[0], ['Owner', 'Owner: ', 'Ow']);
      assert.deepEqual(complete(`${HEAD}- **Me|`)[2], ['Measure', 'Measure:** ', 'Me']);
      assert.deepEqual(complete(`${HEAD}- **|**`)[0], ['Owner', 'Owner:** ', '**']);
      assert.deepEqual(complete(`${HEAD}- Milest|`).find(([label]) => label === 'Milestones'), ['Milestones', 'Milestones:', 'Milest']);
    });

    it('replaces only the key when a colon follows', () => {
      assert.deepEqual(complete(`${HEAD}- Ow|ner: Head of Service`)[0], ['Owner', 'Owner', 'Owner']);
    });

    it('shows synonyms in the documentation', () => {
      const { plan, analysis } = lintText(`${HEAD}- `);
      const owner = completionsAt(plan, analysis, plan.text.length).find((c) => c.label === 'Owner')!;
      assert.equal(owner.documentation, 'The role or person accountable for the action.\n\nAlso written: Lead, Lead officer, Responsible, Accountable.');
      const measure = completionsAt(plan, analysis, plan.text.length).find((c) => c.label === 'Measure')!;
      assert.match(measure.documentation!, /Also written: Success measure, Success criteria, Measure of success, Impact, KPI, Target\.$/);
    });

    it('offers nothing outside an action, in nested lists or on the heading line', () => {
      assert.deepEqual(labels('## R1 Supervision\n\n- |'), []);
      assert.deepEqual(labels(`${HEAD}- Milestones:\n  - |`), []);
      assert.deepEqual(labels(`---\nowners:\n  - |\n---\n`), []);
    });
  });

  describe('values', () => {
    it('offers the five statuses, with a space after a bare colon', () => {
      assert.deepEqual(complete(`${HEAD}- Status:|`), [
        ['Not started', ' Not started', ''],
        ['Red', ' Red', ''],
        ['Amber', ' Amber', ''],
        ['Green', ' Green', ''],
        ['Blue', ' Blue', ''],
      ]);
      assert.deepEqual(complete(`${HEAD}- RAG: Am|`)[2], ['Amber', 'Amber', 'Am']);
    });

    it('replaces only the status word before a comment, and offers nothing in the comment', () => {
      assert.deepEqual(complete(`${HEAD}- Status: Am|ber - slipped a month`)[2], ['Amber', 'Amber', 'Amber']);
      assert.deepEqual(complete(`${HEAD}- Status: Amber - slip|`), []);
    });

    it('offers owners from the register, else those the plan already names', () => {
      const register = '---\nas-of: 2025-11-01\nowners:\n  - Head of Service\n  - Principal Social Worker\n---\n## R1 Supervision\n### A1.1 Run audits of 20 files\n- Owner: |\n### A1.2 Run more audits\n- Owner: Head of Service\n';
      assert.deepEqual(complete(register), [
        ['Head of Service', 'Head of Service', ''],
        ['Principal Social Worker', 'Principal Social Worker', ''],
      ]);
      const used = `## R1 A\n### A1.1 Run audits of 20 files\n- Lead: Head of Service.\n### A1.2 Run 4 more\n- Owner: TBC\n### A1.3 Train 5 staff\n- Owner: head of service\n### A1.4 x\n- Owner: Prin|cipal\n`;
      assert.deepEqual(complete(used), [['Head of Service', 'Head of Service', 'Principal']]);
    });

    it('offers the ends of this month, quarter and financial year, merging those on the same day', () => {
      assert.deepEqual(complete(`${HEAD}- Due: |`), [
        ['End of this month (30 November 2025)', '30 November 2025', ''],
        ['End of this quarter (31 December 2025)', '31 December 2025', ''],
        ['End of this financial year (31 March 2026)', '31 March 2026', ''],
      ]);
      assert.deepEqual(complete(`---\nas-of: 2026-03-10\n---\n### A1 Run 4 audits\n- Start date: ongo|ing`), [
        ['End of this month, quarter and financial year (31 March 2026)', '31 March 2026', 'ongoing'],
      ]);
    });

    it('offers recommendation IDs in Links, leaving out those listed', () => {
      const plan = '## R1 One\n\n## R2 Two\n\nSecond text.\n\n## R3 Three\n\n# Cross-cutting\n\n### A9 Launch the system\n\n';
      assert.deepEqual(complete(`${plan}- Links: R2,|`), [
        ['R1', ' R1', ''],
        ['R3', ' R3', ''],
      ]);
      assert.deepEqual(complete(`${plan}- Links: R2, R|, R3`), [['R1', 'R1', 'R']]);
      assert.deepEqual(complete(`${plan}- Links:\n  R1,\n  R|`), [
        ['R2', 'R2', 'R'],
        ['R3', 'R3', 'R'],
      ]);
      const { plan: parsed, analysis } = lintText(`${plan}- Links: `);
      const r2 = completionsAt(parsed, analysis, parsed.text.length).find((c) => c.label === 'R2')!;
      assert.equal(r2.documentation, '**R2 Two**\n\nSecond text.');
      assert.equal(r2.detail, 'Two');
    });

    it('puts the recommendation the action sits under last: it addresses it already', () => {
      const text = '## R1 One\n## R2 Two\n### A2.1 Run 4 audits\n- Links: ';
      const { plan, analysis } = lintText(text);
      const candidates = completionsAt(plan, analysis, text.length).sort((a, b) => a.sortText.localeCompare(b.sortText));
      assert.deepEqual(candidates.map((c) => c.label), ['R1', 'R2']);
      assert.equal(candidates[1]!.documentation, '**R2 Two**\n\nA2.1 already addresses R2: it sits in its section.');
    });

    it('includes recommendations from the recommendations file', () => {
      const text = '---\nrecommendations: ./recs.plan.md\n---\n### A1 Run 4 audits\n- Links: ';
      const { plan, analysis } = lintText(text, {
        readRecommendationsFile: () => ({ name: 'recs.plan.md', recommendations: lintText('## R7 Seven\n\nThe words.\n').plan.recommendations }),
      });
      const [r7] = completionsAt(plan, analysis, text.length);
      assert.equal(r7!.label, 'R7');
      assert.equal(r7!.documentation, '**R7 Seven**\n\nThe words.\n\nFrom recs.plan.md.');
    });

    it('offers nothing in other fields', () => {
      assert.deepEqual(complete(`${HEAD}- Measure: 95% of |`), []);
      assert.deepEqual(complete(`${HEAD}- Budget: |`), []);
    });
  });

  describe('action IDs', () => {
    it('offers the next free ID under the recommendation', () => {
      const plan = '## R1 One\n### A1.1 a\n## R2 Two\n### A2.1 b\n### A2.2 c\n';
      assert.deepEqual(complete(`${plan}### A|`), [['A2.3', 'A2.3 ', 'A']]);
      assert.deepEqual(complete(`${plan}###|`), [['A2.3', ' A2.3 ', '']]);
      assert.deepEqual(complete(`${plan}### |`), [['A2.3', 'A2.3 ', '']]);
      assert.deepEqual(complete(`${plan}### Acti|`), [['Action 2.3', 'Action 2.3 ', 'Acti']]);
      assert.deepEqual(complete(`${plan}### A|2 Train staff`), [['A2.3', 'A2.3', 'A2']]);
    });

    it('offers nothing for bare hashes outside a recommendation, or for other words', () => {
      assert.deepEqual(complete('## R1 One\n#|'), []);
      assert.deepEqual(complete('## R1 One\n##|'), []);
      assert.deepEqual(complete('## R1 One\n### Not|'), []);
      assert.deepEqual(complete('## R1 One\n##|#'), []);
    });

    it('numbers as Insert next action and Renumber actions do, or A1, A2, ... when the plan does', () => {
      const next = (text: string, under = true) => {
        const { plan, analysis } = lintText(text);
        return nextActionId(plan, analysis, text.length, under ? plan.recommendations.at(-1) : undefined);
      };
      assert.equal(next('## R1\n### A1 a\n### A2 b\n## R2\n'), 'A3');
      assert.equal(next('## R4\n'), 'A4.1');
      assert.equal(next('## R2\n### A2.1 a\n### A2.3 b\n### A2.3.1 c\n'), 'A2.4');
      assert.equal(next('## R2\n### A5.1 a\n'), 'A2.1');
      assert.equal(next('## R1\n### A1.1 a\n## R2\n### A2.1 b\n# Other\n### A3.1 c\n', false), 'A3.2');
      assert.equal(next('## R1\n### A1.1 a\n# Other\n', false), 'A2.1');
      assert.equal(next('### A1.1 a\n', false), 'A1.2');
    });
  });

  it('offers nothing in the front matter, in prose, or past the end', () => {
    assert.deepEqual(complete('---\ntitle: |\n---\n'), []);
    assert.deepEqual(complete(`${HEAD}Some words |here`), []);
    const { plan, analysis } = lintText(HEAD);
    assert.deepEqual(completionsAt(plan, analysis, HEAD.length + 10), []);
    assert.deepEqual(completionsAt(plan, analysis, -1), []);
  });
});
