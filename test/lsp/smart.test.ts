/**
 * The SMART rules over the protocol, as VS Code drives the built server: one action failing each
 * letter, with the exact range and message of each diagnostic; the SMART score in a code lens; the
 * quick fix that links an action to the recommendation that fits it better; and the allow list in
 * the editor settings.
 */
import assert from 'node:assert/strict';
import type { CodeAction, CodeLens, Diagnostic } from 'vscode-languageserver-protocol';
import { TestLspClient } from '../helpers/lspClient.js';

const PLAN = `---
as-of: 2025-11-01
period:
  start: 2025-09-01
  end: 2026-08-31
---

## R1 Return home interviews

Return home interviews informing safety plans for children who go missing.

### A1.1 Review the missing children protocol where possible

- Owner: Missing Children Coordinator
- Due: 31 March 2026
- Measure: protocol signed off by the safeguarding partnership

### A1.2 Offer every child who goes missing a return home interview within 72 hours

- Owner: Missing Children Coordinator
- Due: 31 March 2026
- Measure: Improved outcomes for children

### A1.3 Train 45 social workers in return home interviews

- Owner: Principal Social Worker
- Start: 1 February 2026
- Due: 6 February 2026
- Measure: 45 social workers trained

### A1.4 Add the findings of each return home interview to the child's safety plan

- Owner: Head of Safeguarding
- Due: Monthly from April 2026
- Measure: 90% of safety plans updated within 5 working days

## R2 Care leavers' living arrangements

Communication about living arrangements for care leavers.

### A2.1 Deliver return home interview training to 40 foster carers

- Owner: Head of Fostering
- Due: 31 January 2026
- Measure: 40 foster carers trained, from the attendance register

### A2.2 Send every care leaver a letter about living arrangements at 17 and a half

- Owner: Head of Corporate Parenting
- Due: 31 January 2026
- Measure: letters sent to 100% of young people reaching 17 and a half
`;

const URI = 'untitled:smart.plan.md';

const summary = (diagnostics: Diagnostic[]) =>
  diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.message]);

describe('SMART rules over stdio', function () {
  this.timeout(20000);
  let client: TestLspClient;
  beforeEach(async () => {
    client = await TestLspClient.start({ pull: true, capabilities: { textDocument: { diagnostic: { dynamicRegistration: false }, codeAction: { isPreferredSupport: true, dataSupport: true, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } } } } });
  });
  afterEach(async () => client.stop());

  it('reports each letter on the phrase at fault, saying what a SMART action would name', async () => {
    await client.open(URI, PLAN);
    assert.deepEqual(summary(await client.pull(URI)), [
      ['smart-specific', 11, 9, 11, 15, '"Review" names no output and no frequency: say what it will produce (a revised document, a report to the board) or how often it happens ("each month").'],
      ['smart-specific', 11, 46, 11, 60, '"where possible" leaves the action open: say exactly what will be done, or drop it.'],
      ['smart-measurable', 21, 11, 21, 41, '"Improved outcomes for children" states an aim ("Improved outcomes"), not a measure: name a number, a percentage, a baseline and target, or an artefact such as an audit or a report signed off by the board.'],
      ['smart-achievable', 27, 7, 27, 22, 'Only 5 days from Start to Due: is that enough time for this work?'],
      ['smart-time-bound', 33, 7, 33, 30, '"Monthly from April 2026" starts but never ends: say when A1.4 will be done or next reviewed, for example "monthly until March 2027".'],
      ['smart-relevant', 40, 9, 40, 67, "A2.1 has nothing in common with R2 (Care leavers' living arrangements), while R1 (Return home interviews) fits it clearly better: link it to R1, or check which recommendation it addresses."],
    ]);
  });

  it("shows each action's SMART score in a code lens above its heading", async () => {
    await client.open(URI, PLAN);
    const lenses = (await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: URI } })) ?? [];
    assert.deepEqual(
      lenses.filter((lens) => lens.command?.title.startsWith('SMART')).map((lens) => [lens.range.start.line, lens.command!.title, lens.command!.command]),
      [
        [11, 'SMART 4/5 · fails S', ''],
        [17, 'SMART 4/5 · fails M', ''],
        [23, 'SMART 4/5 · fails A', ''],
        [30, 'SMART 4/5 · fails T', ''],
        [40, 'SMART 4/5 · fails R', ''],
        [46, 'SMART 5/5', ''],
      ],
    );
    // Turned off in the settings: the letter is no longer counted.
    await client.changeConfiguration({ rules: { 'smart-achievable': 'off' } });
    const after = (await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: URI } })) ?? [];
    assert.equal(after.find((lens) => lens.range.start.line === 23)?.command?.title, 'SMART 4/4 · A not checked');
  });

  it('offers to link an action to the recommendation that fits it better', async () => {
    await client.open(URI, PLAN);
    const relevant = (await client.pull(URI)).find((d) => d.code === 'smart-relevant')!;
    assert.deepEqual(relevant.data, { element: { kind: 'action', id: 'A2.1', heading: PLAN.indexOf('### A2.1') }, fix: { kind: 'better-link', from: ['R2'], to: 'R1' } });
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: relevant.range,
      context: { diagnostics: [relevant], only: ['quickfix'] },
    });
    assert.deepEqual(actions.map((action) => [action.title, action.isPreferred ?? false]), [
      ['Link A2.1 to R1 (Return home interviews)', true],
      ['Silence smart-relevant for A2.1', false],
    ]);
    const edit = actions[0]!.edit!.changes?.[URI] ?? (actions[0]!.edit!.documentChanges![0] as { edits: { range: unknown; newText: string }[] }).edits;
    assert.deepEqual(edit.map((e) => e.newText), ['- Links: R1\n']);
  });

  it('accepts the words in improvementPlan.smart.allow', async () => {
    await client.changeConfiguration({ smart: { allow: ['where possible', 'Improved outcomes for children'] } });
    await client.open(URI, PLAN);
    assert.deepEqual(
      (await client.pull(URI)).map((d) => d.code),
      ['smart-specific', 'smart-achievable', 'smart-time-bound', 'smart-relevant'],
    );
  });
});
