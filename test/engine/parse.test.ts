import assert from 'node:assert/strict';
import { parsePlan, type Span } from '../../server/src/engine/index.js';
import { flattenDeepNesting } from '../../server/src/engine/parse.js';
import { exampleCouncilFrontMatter } from '../fixtures/newPlan.js';

const PLAN = `${exampleCouncilFrontMatter('standard inspection', ['leaders: good', 'care-leavers: RI'])}as-of: 2025-11-01
owners:
  - Director of Children's Services
  - Head of Service, Quality Assurance
---

# Plan

## R1 Management information

Ensure that managers use management information
effectively.

Second paragraph.

### A1.1 Run monthly performance clinics

Clinics start in January.

- **Owner:** Head of Service, Quality Assurance
- **Due**: 31 March 2026
- Success measure: every team manager attends at least 2 clinics a quarter; the
  report has commentary on all 24 indicators
- RAG: Amber
- Budget: £2,000
- Milestones:
  - 31 January 2026: first clinic
  - 28 February 2026: second clinic
- A plain bullet that is not a field

## Recommendation 2: Return home interviews

# Cross-cutting actions

### Action 20 - Replace the case recording system

- Links: R1, R2
`;

const check = (span: Span, text: string) => {
  assert.equal(span.text, text);
  assert.equal(PLAN.slice(span.range.start, span.range.end), text);
};

describe('parsing a plan', () => {
  const plan = parsePlan(PLAN);

  it('reads the front matter with typed values and their ranges', () => {
    const fm = plan.frontMatter!;
    assert.equal(fm.title?.value, "Children's Services Improvement Plan 2025-26");
    assert.equal(fm.framework?.value, 'ILACS');
    assert.equal(fm.published?.value, '2025-06-28');
    assert.equal(fm.periodStart?.value, '2025-07-01');
    assert.equal(fm.periodEnd?.value, '2026-06-30');
    assert.equal(fm.asOf?.value, '2025-11-01');
    assert.deepEqual(fm.owners?.map((o) => o.value), ["Director of Children's Services", 'Head of Service, Quality Assurance']);
    assert.deepEqual(fm.judgements.map((j) => [j.key.text, j.grade?.text]), [['leaders', 'good'], ['care-leavers', 'RI']]);
    assert.equal(PLAN.slice(fm.judgements[1]!.grade!.range.start, fm.judgements[1]!.grade!.range.end), 'RI');
    assert.deepEqual(fm.problems, []);
  });

  it('reads recommendations with IDs, titles and text', () => {
    assert.deepEqual(plan.recommendations.map((r) => [r.id, r.title.text, r.depth]), [['R1', 'Management information', 2], ['R2', 'Return home interviews', 2]]);
    check(plan.recommendations[1]!.idSpan, 'Recommendation 2');
    assert.equal(plan.recommendations[0]!.text, 'Ensure that managers use management information effectively.\n\nSecond paragraph.');
  });

  it('reads actions with statements, descriptions and fields under their synonyms', () => {
    const [first, second] = plan.actions;
    check(first!.idSpan, 'A1.1');
    check(first!.statement, 'Run monthly performance clinics');
    assert.equal(first!.description, 'Clinics start in January.');
    assert.deepEqual(first!.fields.map((f) => [f.name ?? null, f.key.text, f.valueText]), [
      ['owner', 'Owner', 'Head of Service, Quality Assurance'],
      ['due', 'Due', '31 March 2026'],
      ['measure', 'Success measure', 'every team manager attends at least 2 clinics a quarter; the report has commentary on all 24 indicators'],
      ['status', 'RAG', 'Amber'],
      [null, 'Budget', '£2,000'],
      ['milestones', 'Milestones', ''],
    ]);
    check(first!.fields[2]!.value, 'every team manager attends at least 2 clinics a quarter; the\n  report has commentary on all 24 indicators');
    assert.deepEqual(first!.fields[5]!.items.map((i) => i.text), ['31 January 2026: first clinic', '28 February 2026: second clinic']);
    check(second!.idSpan, 'Action 20');
    assert.equal(second!.id, 'A20');
    check(second!.statement, 'Replace the case recording system');
  });

  it('puts an action in the recommendation whose section contains it, and no other', () => {
    assert.equal(plan.actions[0]!.containingRecommendationId, 'R1');
    assert.equal(plan.actions[1]!.containingRecommendationId, undefined, 'a level-1 heading ends every section');
    const r1 = plan.recommendations[0]!;
    assert.ok(r1.sectionRange.end === PLAN.indexOf('## Recommendation 2'));
  });

  it('keeps exact ranges with CRLF line ends and a byte order mark', () => {
    const text = '\uFEFF---\r\nas-of: 2025-11-01\r\n---\r\n## R1 A\r\n### A1.1 Run 4 audits\r\n- Owner: TBC\r\n';
    const crlf = parsePlan(text);
    const action = crlf.actions[0]!;
    assert.equal(text.slice(action.idSpan.range.start, action.idSpan.range.end), 'A1.1');
    const owner = action.fields[0]!;
    assert.equal(text.slice(owner.value.range.start, owner.value.range.end), 'TBC');
    assert.equal(crlf.frontMatter?.asOf?.value, '2025-11-01');
    assert.equal(text.slice(crlf.frontMatter!.asOf!.range.start, crlf.frontMatter!.asOf!.range.end), '2025-11-01');
  });

  it('reads setext headings, and ignores headings without IDs', () => {
    const text = 'R1 Supervision\n==============\n\nOversight.\n\nA1 Run weekly audits\n--------------------\n\n- Owner: Head of Service\n\n## Background\n';
    const setext = parsePlan(text);
    assert.deepEqual(setext.recommendations.map((r) => r.id), ['R1']);
    assert.deepEqual(setext.actions.map((a) => [a.id, a.containingRecommendationId, a.fields.length]), [['A1', 'R1', 1]]);
  });

  it('accepts IDs without titles', () => {
    const bare = parsePlan('## R3\n\n### A3.1\n');
    assert.equal(bare.recommendations[0]!.title.text, '');
    assert.equal(bare.actions[0]!.statement.text, '');
  });

  it('reads plan-ignore comments on the line before a heading', () => {
    const ignored = parsePlan('<!-- plan-ignore no-owner, smart-specific -->\n### A1 x\n\n<!-- plan-ignore -->\n### A2 y\n\n<!-- plan-ignore no-owner -->\n\nParagraph.\n\n### A3 z\n');
    assert.deepEqual(ignored.actions.map((a) => [...a.ignoredCodes]), [['no-owner', 'smart-specific'], ['*'], []]);
  });

  it('reads YAML errors with their positions', () => {
    const text = '---\ntitle: [unclosed\n---\n';
    const { problems } = parsePlan(text).frontMatter!;
    assert.equal(problems.length > 0, true);
    assert.match(problems[0]!.message, /not valid YAML/);
    assert.ok(problems[0]!.range.start >= 4 && problems[0]!.range.end <= text.length);
  });

  it('flattens nesting deeper than any plan needs without moving any offset', () => {
    const deep = '- '.repeat(40) + 'deep\n' + '> '.repeat(30) + 'quote\n- [ ] task\n---\n';
    const flat = flattenDeepNesting(deep);
    assert.equal(flat.length, deep.length);
    assert.equal(flat.slice(0, 32), '- '.repeat(16));
    assert.equal(flat.slice(32, 80).trim(), '');
    assert.ok(flat.includes('- [ ] task\n---\n'));
    const shallow = '- a\n  - b\n    - c\n';
    assert.equal(flattenDeepNesting(shallow), shallow);
  });
});
