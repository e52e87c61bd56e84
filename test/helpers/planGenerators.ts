/**
 * fast-check generators of improvement plans for property tests and scripts/fuzz.ts: whole plans
 * built from the dialect's pieces (so that every rule fires often), with their values drawn from
 * what authors really write and what they get wrong, and then noise: random edits, CRLF, a BOM.
 */
import fc from 'fast-check';

const pick = <T>(...values: T[]) => fc.constantFrom(...values);

/** Statements: good, vague, hedged, progress reports, too short, empty. */
const statement = pick(
  'Run monthly supervision audits of 20 case files', 'Train 60 social workers in exploitation risk assessment', 'Ensure thresholds are understood',
  'Review of training initiated', 'Improve supervision where possible, etc.', 'Audit plans', '', 'Continue to embed the practice model', 'Publish the sufficiency strategy',
  'Offer every child who goes missing a return home interview within 72 hours', 'Support care leavers as appropriate', '\u{1F600} emoji statement here now',
);

const keyStyle = pick('plain', 'bold-inside', 'bold-outside', 'underscore') as fc.Arbitrary<'plain' | 'bold-inside' | 'bold-outside' | 'underscore'>;

function fieldLine(key: string, value: string, style: 'plain' | 'bold-inside' | 'bold-outside' | 'underscore', marker: string): string {
  const written = style === 'plain' ? `${key}:` : style === 'bold-inside' ? `**${key}:**` : style === 'bold-outside' ? `**${key}**:` : `__${key}:__`;
  return `${marker} ${written}${value === '' ? '' : ` ${value}`}`;
}

const ownerValue = pick('Principal Social Worker', 'Head of Service', 'TBC', 'tbc.', '?', 'N/A', '', 'Various', 'Someone Unknown', '  Head of   Service  ', 'Director of Children\u2019s Services');
const dueValue = pick(
  '31 March 2026', '31/03/2026', '2026-03-31', 'March 2026', 'Q3 2025/26', 'Q4 FY2025-26', 'end of financial year 2025/26', 'ongoing', 'TBC', 'next week',
  'September', 'Friday', 'soon-ish', '1 April - 30 June 2026', '30 September 2025', '2024-01-01', '', 'within 3 months', '31 March 2027',
);
const measureValue = pick('95% of audited files show supervision every 4 weeks', 'Better outcomes', '', 'Dashboard in place', 'Improved practice');
const statusValue = pick('Green', 'Amber', 'Red', 'Blue', 'Complete', 'Done', 'Not started', 'Yellow', 'On track', 'a', '', 'Amber - slipped one month', 'green.', 'completed');
const linksValue = pick('R1', 'R1, R2', 'R9', 'Rec 2', 'r1', 'care leavers', 'R1 and R12', 'P2; R3', '', 'R1/R2 & R4', 'Recommendation 2', 'R01', 'A1.1');
const evidenceValue = pick('Audit report to the board, March 2026', '', 'https://example.org/report');

const field = fc.oneof(
  fc.tuple(pick('Owner', 'Lead', 'lead officer', 'Accountable'), ownerValue),
  fc.tuple(pick('Due', 'Deadline', 'Target date', 'by'), dueValue),
  fc.tuple(pick('Measure', 'Success measure', 'KPI'), measureValue),
  fc.tuple(pick('Status', 'RAG', 'RAG status'), statusValue),
  fc.tuple(pick('Links', 'Addresses', 'Recommendations'), linksValue),
  fc.tuple(pick('Evidence'), evidenceValue),
  fc.tuple(pick('Start', 'Start date'), pick('1 April 2025', 'March 2026', 'Q1 2025/26', 'tomorrow')),
  fc.tuple(pick('Notes', 'Custom key'), pick('anything at all', '')),
);

const action = fc.record({
  depth: pick(2, 3, 3, 3, 4),
  id: pick('A1.1', 'A1.2', 'A2.1', 'A1', 'Action 3.1', 'A01.1', 'A1.1', 'A9'),
  statement,
  separator: pick(' ', ': ', ' - ', ' \u2013 ', '. '),
  ignore: pick('', '', '', '<!-- plan-ignore no-owner -->', '<!-- plan-ignore -->', '<!-- plan-ignore smart-specific, invalid-status -->'),
  description: pick('', '', 'A paragraph describing the action.'),
  fields: fc.array(fc.tuple(field, keyStyle), { maxLength: 7 }),
  marker: pick('-', '*', '+', '  -'),
  subItems: pick('', '', '  - 31 March 2026: first step\n  - second step\n'),
});

const recommendation = fc.record({
  depth: pick(2, 2, 1, 3),
  id: pick('R1', 'R2', 'R3', 'R12', 'P2', 'Recommendation 4', 'R1', 'R01'),
  title: pick('Supervision', 'Return home interviews', "Care leavers' entitlements", '', 'Exploitation'),
  text: pick('Management oversight and supervision of practice.', 'Consistency in responding to children at risk of exploitation.', ''),
  actions: fc.array(action, { maxLength: 3 }),
});

const frontMatter = fc.oneof(
  fc.constant(''),
  fc
    .record({
      asOf: pick('', 'as-of: 2025-11-01\n', 'as-of: someday\n'),
      owners: pick('', 'owners:\n  - Principal Social Worker\n  - Head of Service\n', 'owners: []\n'),
      period: pick('', 'period:\n  start: 2025-04-01\n  end: 2026-06-30\n'),
      rules: pick('', 'rules:\n  smart-specific: off\n', 'rules:\n  no-owner: loud\n  not-a-rule: warning\n'),
      inspection: pick('', 'inspection:\n  framework: ILACS\n  published: 2025-06-28\n  judgements:\n    leaders: good\n    children-in-care: excellent\n'),
      broken: pick('', '', 'key: [unclosed\n'),
    })
    .map((f) => `---\ntitle: Plan\n${f.asOf}${f.owners}${f.period}${f.rules}${f.inspection}${f.broken}---\n\n`),
);

type ActionSpec = typeof action extends fc.Arbitrary<infer T> ? T : never;

function renderAction(a: ActionSpec): string {
  const lines = [a.ignore, `${'#'.repeat(a.depth)} ${a.id}${a.statement === '' ? '' : a.separator + a.statement}`, ''].filter((line, i) => i > 0 || line !== '');
  if (a.description) lines.push(a.description, '');
  for (const [[key, value], style] of a.fields) lines.push(fieldLine(key, value, style, a.marker));
  let text = lines.join('\n') + '\n';
  if (a.fields.length > 0 && a.subItems) text += a.subItems;
  return text + '\n';
}

/** A whole plan in the dialect, with LF line endings. */
export const dialectPlan: fc.Arbitrary<string> = fc
  .tuple(frontMatter, pick('', '# Children\u2019s Services Improvement Plan\n\n'), fc.array(recommendation, { maxLength: 4 }), fc.array(action, { maxLength: 2 }))
  .map(([head, title, recommendations, loose]) => {
    let text = head + title;
    for (const r of recommendations) {
      text += `${'#'.repeat(r.depth)} ${r.id}${r.title ? ` ${r.title}` : ''}\n\n${r.text ? `${r.text}\n\n` : ''}`;
      for (const a of r.actions) text += renderAction(a);
    }
    if (loose.length > 0) text += '# Other actions\n\n' + loose.map(renderAction).join('');
    return text;
  });

/** Pieces inserted by random edits: structure, separators, awkward characters. */
export const noise = fc.oneof(
  pick('\n', '\n\n', '\r\n', '\r', '\t', ' ', '#', '## R5 New\n', '### A5.1 x\n', '- Owner: TBC\n', '- ', ':', '**', '__', '```\n', '> ', '<!--', '-->', '---\n', '\uFEFF', '\u{1F600}', '\u0000', '\u2028', ',', ' and '),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
);

export interface Edit {
  at: number;
  remove: number;
  insert: string;
}

export const edit: fc.Arbitrary<Edit> = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(12), insert: noise });

export function applyRandomEdit(text: string, { at, remove, insert }: Edit): string {
  const offset = Math.floor(at * text.length);
  return text.slice(0, offset) + insert + text.slice(offset + remove);
}

/** A plan, sometimes with CRLF line endings or a BOM, sometimes edited at random places. */
export const planText: fc.Arbitrary<string> = fc
  .tuple(dialectPlan, fc.array(edit, { maxLength: 4 }), pick('\n', '\n', '\n', '\r\n'), fc.boolean(), fc.boolean())
  .map(([text, edits, eol, bom, edited]) => {
    let result = eol === '\n' ? text : text.replace(/\n/g, eol);
    if (edited) for (const e of edits) result = applyRandomEdit(result, e);
    return (bom ? '\uFEFF' : '') + result;
  });

/** Plans without random edits: the CLI and the server read them from disk, where text must be valid UTF-8. */
export const cleanPlanText: fc.Arbitrary<string> = fc
  .tuple(dialectPlan, pick('\n', '\n', '\r\n'))
  .map(([text, eol]) => (eol === '\n' ? text : text.replace(/\n/g, eol)));
