/**
 * Quick fixes in the engine: the exact edits each fix makes, and their properties: a fix removes
 * its own problem and changes nothing else, "fix all" applies only safe fixes and is idempotent,
 * CRLF text gets CRLF lines, and any text gives fixes without an exception.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lintText, type LintResult, type PlanDiagnostic } from '../../server/src/engine/index.js';
import { applyEdits, fixAllEdits, fixesFor, type Fix } from '../../server/src/engine/fixes/index.js';
import { editDistance } from '../../server/src/engine/fixes/distance.js';
import { isCloseSlip } from '../../server/src/engine/fixes/links.js';
import { AS_OF_FRONT_MATTER, AUDIT_HEADING, SUPERVISION } from '../fixtures/plans.js';
import {
  CARE_LEAVERS_ENTITLEMENTS,
  CROSS_CUTTING_A20,
  EXPLOITATION,
  LOCAL_OFFER_LETTER_ACTION,
  RETURN_HOME_INTERVIEWS,
  returnHomeInterviewAction,
} from '../fixtures/quickFixPlans.js';

const TODAY = '2025-11-01';
const lint = (text: string): LintResult => lintText(text, { today: TODAY });
const problems = (text: string): string[] => lint(text).diagnostics.map((d) => `${d.code} ${d.message}`);
const label = (d: PlanDiagnostic): string => `${d.code} ${d.message}`;

/** The diagnostic of `code` (the only one, or the one whose text at fault is `at`), and the fixes for it. */
function fixesOf(text: string, code: string, at?: string): { result: LintResult; diagnostic: PlanDiagnostic; fixes: Fix[] } {
  const result = lint(text);
  const matching = result.diagnostics.filter((d) => d.code === code && (at === undefined || text.slice(d.range.start, d.range.end) === at));
  assert.equal(matching.length, 1, `one ${code}${at ? ` on "${at}"` : ''} in:\n${problems(text).join('\n')}`);
  return { result, diagnostic: matching[0]!, fixes: fixesFor(result, matching[0]!) };
}

function fix(text: string, code: string, title: string, at?: string): { text: string; fix: Fix; diagnostic: PlanDiagnostic } {
  const { fixes, diagnostic } = fixesOf(text, code, at);
  const found = fixes.find((candidate) => candidate.title === title);
  assert.ok(found, `no fix "${title}"; there are: ${fixes.map((f) => f.title).join(' | ')}`);
  return { text: applyEdits(text, found.edits), fix: found, diagnostic };
}

/** Applying the fix removes its diagnostic and leaves every other problem as it was. */
function assertOnlyTargetFixed(before: string, after: string, target: PlanDiagnostic): void {
  const expected = problems(before);
  expected.splice(expected.indexOf(label(target)), 1);
  assert.deepEqual(problems(after), expected);
}

/** A snippet with every placeholder left as it is: `${1:text}` gives `text`. */
const expandSnippet = (snippet: string): string => snippet.replace(/\$\{\d+:((?:\\.|[^}\\])*)\}/g, (_, inner: string) => inner).replace(/\\([\\$}])/g, '$1');

const HEAD = `${AS_OF_FRONT_MATTER}\n`;

describe('quick fixes (engine)', () => {
  describe('a missing Owner, Due or Measure', () => {
    it('puts Owner before Due, in the dialect order', () => {
      const text = `${HEAD}## R1 Supervision\n\nManagement oversight of practice.\n\n### A1.1 Run monthly supervision audits of 20 case files\n\n- Due: 31 March 2026\n- Measure: 95% of audited files show supervision every 4 weeks\n`;
      const { text: after, fix: applied, diagnostic } = fix(text, 'no-owner', 'Add an Owner to A1.1');
      assert.equal(after, text.replace('- Due:', '- Owner: [Role or person accountable]\n- Due:'));
      assert.equal(applied.preferred, true);
      assert.equal(applied.safe, false);
      assert.equal(applied.edits[0]!.snippet, '- Owner: ${1:[Role or person accountable]}\n');
      assertOnlyTargetFixed(text, after, diagnostic);
    });

    it('puts Due after Owner and before Measure, with the bold keys of the list', () => {
      const text = `${HEAD}## R1 Supervision\n\nManagement oversight of practice.\n\n### A1.1 Run monthly supervision audits of 20 case files\n\n- **Owner:** Principal Social Worker\n- **Measure:** 95% of audited files show supervision every 4 weeks\n- **Status:** Green\n`;
      const { text: after, diagnostic } = fix(text, 'smart-time-bound', 'Add a Due date to A1.1');
      assert.equal(after, text.replace('- **Measure:**', '- **Due:** 31 March 2026 [to confirm]\n- **Measure:**'));
      assertOnlyTargetFixed(text, after, diagnostic);
    });

    it('keeps `**Key**:` style, indentation and the list marker', () => {
      const text = `${HEAD}## R1 Supervision\n\nManagement oversight of practice.\n\n### A1.1 Run monthly supervision audits of 20 case files\n\n  * **Owner**: Principal Social Worker\n  * **Due**: 31 March 2026\n  * **Status**: Green\n`;
      const { text: after, diagnostic } = fix(text, 'smart-measurable', 'Add a Measure to A1.1');
      assert.equal(after, text.replace('  * **Status**', '  * **Measure**: [What will show it worked, from a baseline to a target]\n  * **Status**'));
      assertOnlyTargetFixed(text, after, diagnostic);
    });

    it('puts a field after one with a sub-list, and at the end of a file with no final line break', () => {
      const text = `${HEAD}## R1 Supervision\n\nManagement oversight of practice.\n\n### A1.1 Run monthly supervision audits of 20 case files\n\n- Owner: Principal Social Worker\n- Measure:\n  - 95% of audited files show supervision every 4 weeks\n  - 38 of 38 managers trained`;
      const { text: after, diagnostic } = fix(text, 'smart-time-bound', 'Add a Due date to A1.1');
      assert.equal(after, text.replace('- Measure:', '- Due: 31 March 2026 [to confirm]\n- Measure:'));
      assertOnlyTargetFixed(text, after, diagnostic);
      // Links goes after the Measure and its sub-list, before the Status.
      const other = `${HEAD}## R2 Supervision\n\nManagement oversight and supervision of practice.\n\n# Other\n\n### A9 Run monthly supervision audits\n\n- Owner: Principal Social Worker\n- Due: 31 March 2026\n- Measure:\n  - 95% of audited files show supervision every 4 weeks\n- Status: Green\n`;
      const linked = fix(other, 'unlinked-action', 'Link A9 to R2 (Supervision)');
      assert.equal(linked.text, other.replace('every 4 weeks\n- Status', 'every 4 weeks\n- Links: R2\n- Status'));
      // Linking A9 to R2 also covers R2, so its uncovered-recommendation goes too.
      assert.deepEqual(problems(linked.text), []);
    });

    it('starts a field list after the description, before the next heading and its plan-ignore comment', () => {
      const text = `${HEAD}## R1 Supervision\n\nManagement oversight of practice.\n\n### A1.1 Run monthly supervision audits of 20 case files\n\nThe audits cover every team.\n\n<!-- plan-ignore no-owner -->\n### A1.2 Train 38 team managers in reflective supervision\n`;
      const { text: after, diagnostic } = fix(text, 'no-owner', 'Add an Owner to A1.1', 'A1.1');
      assert.equal(after, text.replace('every team.\n\n', 'every team.\n\n- Owner: [Role or person accountable]\n\n'));
      assertOnlyTargetFixed(text, after, diagnostic);
      // A heading straight after: blank lines on both sides of the new list.
      const tight = `${HEAD}## R1 Supervision\n\nManagement oversight of practice.\n\n### A1.1 Run monthly supervision audits of 20 case files\n#### Notes\n`;
      const tightAfter = fix(tight, 'no-owner', 'Add an Owner to A1.1').text;
      assert.equal(tightAfter, tight.replace('case files\n#### Notes', 'case files\n\n- Owner: [Role or person accountable]\n\n#### Notes'));
      // At the very end of the file.
      const last = `${HEAD}## R1 Supervision\n\nManagement oversight of practice.\n\n### A1.1 Run monthly supervision audits of 20 case files`;
      const atEnd = fix(last, 'no-owner', 'Add an Owner to A1.1');
      assert.equal(atEnd.text, `${last}\n\n- Owner: [Role or person accountable]\n`);
      // Not at the start of a line: plain text, as an editor would re-indent a snippet's lines.
      assert.equal(atEnd.fix.edits[0]!.snippet, undefined);
    });

    it('fills in an empty field', () => {
      const text = `${HEAD}## R1 Supervision\n\nManagement oversight of practice.\n\n### A1.1 Run monthly supervision audits of 20 case files\n\n- Owner:\n- Due: 31 March 2026\n- Measure: 95% of audited files show supervision every 4 weeks\n`;
      const { text: after, fix: applied, diagnostic } = fix(text, 'no-owner', 'Add an Owner to A1.1');
      assert.equal(after, text.replace('- Owner:\n', '- Owner: [Role or person accountable]\n'));
      assert.equal(applied.edits[0]!.snippet, ' ${1:[Role or person accountable]}');
      assertOnlyTargetFixed(text, after, diagnostic);
    });

    it('suggests the end of the plan period as the due date, else the end of the financial year', () => {
      const action = '## R1 Supervision\n\nManagement oversight of practice.\n\n### A1.1 Run monthly supervision audits of 20 case files\n\n- Owner: Principal Social Worker\n- Measure: 95% of audited files show supervision\n';
      const withPeriod = `---\nas-of: 2025-11-01\nperiod:\n  start: 2025-07-01\n  end: 2026-06-30\n---\n\n${action}`;
      assert.ok(fix(withPeriod, 'smart-time-bound', 'Add a Due date to A1.1').text.includes('- Due: 30 June 2026 [to confirm]\n'));
      assert.ok(fix(`---\nas-of: 2026-04-02\n---\n\n${action}`, 'smart-time-bound', 'Add a Due date to A1.1').text.includes('- Due: 31 March 2027 [to confirm]\n'));
      assert.ok(fix(`---\nas-of: 2026-03-31\n---\n\n${action}`, 'smart-time-bound', 'Add a Due date to A1.1').text.includes('- Due: 31 March 2026 [to confirm]\n'));
    });

    it('writes CRLF lines into a CRLF document, and snippets that insert the same text', () => {
      const text = `${HEAD}## R1 Supervision\n\nManagement oversight of practice.\n\n### A1.1 Run monthly supervision audits of 20 case files\n\nThe audits cover every team.\n`.replace(/\n/g, '\r\n');
      const result = lint(text);
      assert.equal(result.diagnostics.length, 3);
      for (const diagnostic of result.diagnostics) {
        for (const candidate of fixesFor(result, diagnostic)) {
          const after = applyEdits(text, candidate.edits);
          assert.doesNotMatch(after.replace(/\r\n/g, ''), /[\r\n]/, `${candidate.title} writes only CRLF`);
          for (const edit of candidate.edits) if (edit.snippet !== undefined) assert.equal(expandSnippet(edit.snippet), edit.newText);
          if (!candidate.title.startsWith('Silence')) assert.ok(!problems(after).includes(label(diagnostic)), `${candidate.title} fixes it`);
        }
      }
    });
  });

  describe('an unlinked action', () => {
    const plan = `${HEAD}${RETURN_HOME_INTERVIEWS}
${returnHomeInterviewAction()}
${CARE_LEAVERS_ENTITLEMENTS}
${LOCAL_OFFER_LETTER_ACTION}
${CROSS_CUTTING_A20}- Status: Green
`;

    it('offers the best-matching recommendations, best first, and links to one in the field order', () => {
      const { fixes } = fixesOf(plan, 'unlinked-action');
      assert.deepEqual(
        fixes.map((f) => [f.title, f.preferred, f.safe]),
        [
          ["Link A20 to R3 (Care leavers' entitlements)", true, false],
          ['Silence unlinked-action for A20', false, false],
        ],
      );
      const { text: after, diagnostic } = fix(plan, 'unlinked-action', "Link A20 to R3 (Care leavers' entitlements)");
      assert.equal(after, plan.replace('- Measure: page live, checked by 10 care leavers\n', '- Measure: page live, checked by 10 care leavers\n- Links: R3\n'));
      assertOnlyTargetFixed(plan, after, diagnostic);
    });

    it('adds the ID to a Links field that names no recommendation', () => {
      const text = plan.replace('- Status: Green', '- Links: care leavers');
      const { text: after } = fix(text, 'unlinked-action', "Link A20 to R3 (Care leavers' entitlements)");
      assert.ok(after.includes('- Links: care leavers, R3\n'));
      assert.deepEqual(problems(after), ['unknown-recommendation "care leavers" is not a recommendation ID: list IDs such as R1, R4 or P2.']);
    });

    it('offers to add a # when the heading is at the level of the recommendation above', () => {
      const text = plan.replace('### A3.1', '## A3.1');
      const { fixes, diagnostic } = fixesOf(text, 'unlinked-action', 'A3.1');
      assert.equal(fixes[0]!.title, 'Add a # to put A3.1 under R3');
      assert.equal(fixes[0]!.preferred, true);
      const after = applyEdits(text, fixes[0]!.edits);
      assert.equal(after, plan);
      assert.ok(!problems(after).includes(label(diagnostic)));
    });
  });

  describe('an unknown recommendation ID', () => {
    const plan = (links: string) => `${HEAD}${RETURN_HOME_INTERVIEWS}
${EXPLOITATION}
## R12 Supervision

Management oversight and supervision of practice.

# Cross-cutting actions

### A9.1 Run a monthly multi-agency meeting on every child missing more than twice in 90 days

- Owner: Head of Service, Adolescents
- Due: 31 December 2025
- Measure: meeting held every month; 100% of children discussed
- Links: R1, R2, R12, ${links}
`;

    it('tells a slip that points at one ID from a guess', () => {
      assert.equal(isCloseSlip('P3', 'R3'), true);
      assert.equal(isCloseSlip('R21', 'R12'), true);
      assert.equal(isCloseSlip('R11', 'R1'), true);
      assert.equal(isCloseSlip('R1', 'R11'), true);
      assert.equal(isCloseSlip('R9', 'R1'), false);
      assert.equal(isCloseSlip('R13', 'R12'), false);
      assert.equal(isCloseSlip('P11', 'R1'), false);
      assert.equal(editDistance('R21', 'R12'), 1);
      assert.equal(editDistance('kitten', 'sitting'), 3);
    });

    it('replaces a slip with the one close ID, safely', () => {
      const text = plan('P2');
      const { fixes } = fixesOf(text, 'unknown-recommendation');
      assert.deepEqual(fixes.map((f) => [f.title, f.safe]), [
        ['Change P2 to R2 (Exploitation)', true],
        ['Change P2 to R1 (Return home interviews)', false],
        ['Add a heading for P2 at the end of the recommendations', false],
        ['Silence unknown-recommendation for A9.1', false],
      ]);
      const { text: after, diagnostic } = fix(text, 'unknown-recommendation', 'Change P2 to R2 (Exploitation)');
      assert.ok(after.endsWith('- Links: R1, R2, R12, R2\n'));
      assertOnlyTargetFixed(text, after, diagnostic);
      assert.deepEqual(fixesOf(plan('R11'), 'unknown-recommendation').fixes.slice(0, 2).map((f) => [f.title, f.safe]), [
        ['Change R11 to R1 (Return home interviews)', true],
        ['Change R11 to R12 (Supervision)', false],
      ]);
    });

    it('offers the nearest IDs, but not as safe, when no slip points at one of them', () => {
      const { fixes } = fixesOf(plan('R9'), 'unknown-recommendation');
      assert.deepEqual(fixes.map((f) => [f.title, f.safe]), [
        ['Change R9 to R2 (Exploitation)', false],
        ['Change R9 to R1 (Return home interviews)', false],
        ['Add a heading for R9 at the end of the recommendations', false],
        ['Silence unknown-recommendation for A9.1', false],
      ]);
      // Three slips (R12 swapped, R2 or R1 with a digit dropped): the likeliest first, none safe.
      const r21 = fixesOf(plan('R21'), 'unknown-recommendation').fixes;
      assert.deepEqual(r21.slice(0, 2).map((f) => f.title), ['Change R21 to R12 (Supervision)', 'Change R21 to R2 (Exploitation)']);
      assert.ok(r21.every((f) => !f.safe));
      // The ID written out keeps its form.
      assert.equal(fixesOf(plan('Recommendation 9'), 'unknown-recommendation').fixes[0]!.title, 'Change Recommendation 9 to Recommendation 2 (Exploitation)');
    });

    it('adds a heading for it after the last recommendation, with a placeholder paragraph', () => {
      const text = plan('R9');
      const { text: after, fix: applied, diagnostic } = fix(text, 'unknown-recommendation', 'Add a heading for R9 at the end of the recommendations');
      assert.equal(
        after,
        text.replace('# Cross-cutting actions', "## R9 Title to confirm\n\n[The recommendation's words, copied from the inspection report.]\n\n# Cross-cutting actions"),
      );
      assert.equal(expandSnippet(applied.edits[0]!.snippet!), applied.edits[0]!.newText);
      assert.match(applied.edits[0]!.snippet!, /^## R9 \$\{1:Title to confirm\}\n\n\$\{2:\[The recommendation's words/);
      assertOnlyTargetFixed(text, after, diagnostic);
      // No recommendations in the file: at its end.
      const alone = `${HEAD}### A1 Run monthly audits of 20 case files\n\n- Owner: Head of QA\n- Due: 31 March 2026\n- Measure: 20 files audited\n- Links: R4`;
      const { text: end } = fix(alone, 'unknown-recommendation', 'Add a heading for R4 at the end of the plan');
      assert.equal(end, `${alone}\n\n## R4 Title to confirm\n\n[The recommendation's words, copied from the inspection report.]\n`);
      assert.deepEqual(problems(end), []);
    });

    it('reads an entry that is not an ID as the ID it was meant to be, or by its words', () => {
      const check = (entry: string, expected: [string, boolean][]) =>
        assert.deepEqual(fixesOf(plan(entry), 'unknown-recommendation').fixes.filter((f) => !f.title.startsWith('Silence')).map((f) => [f.title, f.safe]), expected, entry);
      check('Rec 1', [['Change "Rec 1" to R1 (Return home interviews)', true]]);
      check('r2', [['Change "r2" to R2 (Exploitation)', true]]);
      check('recommendation2', [['Change "recommendation2" to R2 (Exploitation)', true]]);
      check('exploitation', [['Change "exploitation" to R2 (Exploitation)', false]]);
      check('12', [['Change "12" to R12 (Supervision)', true]]);
      check('P 7', []);
      const { text: after, diagnostic } = fix(plan('Rec 1'), 'unknown-recommendation', 'Change "Rec 1" to R1 (Return home interviews)');
      assertOnlyTargetFixed(plan('Rec 1'), after, diagnostic);
    });
  });

  describe('an invalid Status', () => {
    const plan = (status: string) => `${HEAD}${SUPERVISION}
${AUDIT_HEADING}
- Owner: Principal Social Worker
- Due: 31 March 2026
- Measure: 95% of audited files show supervision every 4 weeks
- Status:${status ? ` ${status}` : ''}
- Evidence: audit report to the board, October 2025
`;
    const options = (status: string) => fixesOf(plan(status), 'invalid-status').fixes.filter((f) => !f.title.startsWith('Silence'));

    const clear: [string, string][] = [
      ['On track', 'Green'],
      ['on-track', 'Green'],
      ['At risk', 'Amber'],
      ['Off track', 'Red'],
      ['R', 'Red'],
      ['A', 'Amber'],
      ['G', 'Green'],
      ['B', 'Blue'],
      ['Finished', 'Blue'],
      ['Gren', 'Green'],
      ['Ambr', 'Amber'],
      ['Bleu', 'Blue'],
      ['Not strated', 'Not started'],
      ['Completd', 'Blue'],
    ];
    for (const [written, value] of clear) {
      it(`changes "${written}" to ${value}, safely`, () => {
        assert.deepEqual(options(written).map((f) => [f.title, f.safe, f.preferred]), [[`Change "${written}" to ${value}`, true, true]]);
        const { text: after, diagnostic } = fix(plan(written), 'invalid-status', `Change "${written}" to ${value}`);
        assert.equal(after, plan(value));
        assertOnlyTargetFixed(plan(written), after, diagnostic);
      });
    }

    it('keeps a comment after the value', () => {
      const { text: after } = fix(plan('On track - waiting for sign-off'), 'invalid-status', 'Change "On track" to Green');
      assert.equal(after, plan('Green - waiting for sign-off'));
    });

    it('offers the values a word could mean, and every value when nothing is near', () => {
      assert.deepEqual(options('In progress').map((f) => [f.title, f.safe]), [['Change "In progress" to Green', false], ['Change "In progress" to Amber', false]]);
      assert.deepEqual(options('Amber / Green').map((f) => f.title), ['Change "Amber / Green" to Amber', 'Change "Amber / Green" to Green']);
      const five = ['Not started', 'Red', 'Amber', 'Green', 'Blue'];
      assert.deepEqual(options('Yellow').map((f) => [f.title, f.safe]), five.map((v) => [`Change "Yellow" to ${v}`, false]));
      assert.deepEqual(options('').map((f) => f.title), five.map((v) => `Set the Status to ${v}`));
      assert.equal(fix(plan(''), 'invalid-status', 'Set the Status to Amber').text, plan('Amber'));
    });
  });

  describe('silencing a rule', () => {
    const text = `${HEAD}${SUPERVISION}
### A1.1 Ensure supervision is regular

- Owner: TBC
- Due: 31 March 2026
- Measure: 95% of audited files show supervision every 4 weeks
`;
    it('inserts a plan-ignore comment before the heading', () => {
      const { text: after, diagnostic } = fix(text, 'no-owner', 'Silence no-owner for A1.1');
      assert.equal(after, text.replace('### A1.1', '<!-- plan-ignore no-owner -->\n### A1.1'));
      assertOnlyTargetFixed(text, after, diagnostic);
    });

    it('adds the code to a plan-ignore comment already there', () => {
      const ignored = text.replace('### A1.1', '<!-- plan-ignore smart-specific  -->\n\n### A1.1');
      const { text: after, diagnostic } = fix(ignored, 'no-owner', 'Silence no-owner for A1.1');
      assert.equal(after, text.replace('### A1.1', '<!-- plan-ignore smart-specific no-owner  -->\n\n### A1.1'));
      assertOnlyTargetFixed(ignored, after, diagnostic);
    });

    it('silences a recommendation', () => {
      const uncovered = `${HEAD}## R4 LADO oversight\n\nManagement oversight of the LADO.\n`;
      const { text: after } = fix(uncovered, 'uncovered-recommendation', 'Silence uncovered-recommendation for R4');
      assert.equal(after, uncovered.replace('## R4', '<!-- plan-ignore uncovered-recommendation -->\n## R4'));
      assert.deepEqual(problems(after), []);
    });

    it('inserts after byte order marks at the very start, so the heading stays a heading', () => {
      const marked = '\uFEFF\uFEFF## R4 LADO oversight\n\nManagement oversight of the LADO.\n';
      const { text: after } = fix(marked, 'uncovered-recommendation', 'Silence uncovered-recommendation for R4');
      assert.equal(after, '\uFEFF\uFEFF<!-- plan-ignore uncovered-recommendation -->\n## R4 LADO oversight\n\nManagement oversight of the LADO.\n');
      assert.deepEqual(problems(after), []);
    });

    it('offers nothing to silence a front matter problem', () => {
      const { fixes } = fixesOf('---\nas-of: someday\n---\n', 'front-matter');
      assert.deepEqual(fixes, []);
    });
  });

  describe('fix all', () => {
    const text = `${HEAD}${RETURN_HOME_INTERVIEWS}
${returnHomeInterviewAction()}- Status: On track
- Links: Rec 1, R9

### A1.2 Add the findings of each return home interview to the child's safety plan

- Due: 31 March 2026
- Measure: 90% of safety plans updated within 5 working days
- RAG: Yellow

${EXPLOITATION}
### A2.1 Train 60 social workers in exploitation risk assessment

- Owner: Principal Social Worker
- Due: 31 March 2026
- Measure: 60 social workers trained
- Status: a
- Links: P2
`;

    it('applies only the safe fixes, and a second run changes nothing', () => {
      const once = applyEdits(text, fixAllEdits(lint(text)));
      assert.equal(
        once,
        text.replace('Status: On track', 'Status: Green').replace('Links: Rec 1, R9', 'Links: R1, R9').replace('Status: a', 'Status: Amber').replace('Links: P2', 'Links: R2'),
      );
      // Left for the author: a made-up owner, a guess at R9, and a colour that is not on the scale.
      assert.deepEqual(problems(once), [
        'unknown-recommendation No recommendation R9 is declared in this plan.',
        'no-owner A1.2 has no owner: add "- Owner:" with the role or person accountable for it.',
        'invalid-status "Yellow" is not a status: use Not started, Red, Amber, Green or Blue (Complete and Done also mean Blue).',
      ]);
      assert.deepEqual(fixAllEdits(lint(once)), []);
      assert.equal(applyEdits(once, fixAllEdits(lint(once))), once);
    });
  });

  describe('on any text', function () {
    // Each case lints every fixed text again: slower than a unit test, and slower still on a busy machine.
    this.timeout(120000);
    const fragment = fc.constantFrom(
      '---\n', 'as-of: 2025-11-01\n', 'period:\n  end: 2026-06-30\n', '## R1 Return home interviews\n', '## R12 Care leavers\n', '### A1.1 Run 4 audits\n', '## A2 Run\n', '# Other\n',
      '- Owner: TBC\n', '- Owner:\n', '- **Due:** Q3 2025/26\n', '- Links: R1, R9, Rec 2, r12, care leavers\n', '- Status: Yellow\n', '- RAG: on track - late\n', '- Status:\n',
      '- Measure: 95%\n', '  - 31 March 2026: step\n', '<!-- plan-ignore no-owner -->\n', '<!-- plan-ignore -->\n', '> quote\n', '```\n', '\r\n', '\t', '\uFEFF', '\u{1F600}', ':', '**', '\n\n', 'text ',
    );
    const planLike = fc.array(fc.oneof(fragment, fc.string({ maxLength: 12 })), { maxLength: 30 }).map((parts) => parts.join(''));

    it('gives fixes with edits inside the text that never overlap, and applying one never throws', () => {
      fc.assert(
        fc.property(planLike, (text) => {
          const result = lint(text);
          for (const diagnostic of result.diagnostics) {
            for (const candidate of fixesFor(result, diagnostic)) {
              for (const edit of candidate.edits) {
                assert.ok(0 <= edit.range.start && edit.range.start <= edit.range.end && edit.range.end <= text.length);
                if (edit.snippet !== undefined) assert.equal(expandSnippet(edit.snippet), edit.newText);
              }
              const after = applyEdits(text, candidate.edits);
              const remaining = problems(after);
              // A safe fix and a silence remove their own problem.
              if (candidate.safe || candidate.title.startsWith('Silence')) {
                const count = (list: string[]) => list.filter((p) => p === label(diagnostic)).length;
                assert.ok(count(remaining) < count(problems(text)), `${candidate.title} on ${JSON.stringify(text)}`);
              }
            }
          }
        }),
        { numRuns: 200 },
      );
    });

    it('fix all is idempotent and adds no problem', () => {
      fc.assert(
        fc.property(planLike, (text) => {
          const once = applyEdits(text, fixAllEdits(lint(text)));
          assert.deepEqual(fixAllEdits(lint(once)), [], JSON.stringify(text));
          const before = problems(text);
          for (const problem of problems(once)) assert.ok(before.includes(problem) || /^(?:complete-without-evidence|duplicate-id|smart-relevant|overdue) /.test(problem), `${problem} after fix all on ${JSON.stringify(text)}`);
        }),
        { numRuns: 200 },
      );
    });
  });
});
