/** Completion over stdio: items, their documentation, and the exact text each replaces. */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionItem, CompletionList, Position, TextEdit } from 'vscode-languageserver-protocol';
import { example } from '../fixtures/examples.js';
import { AS_OF_FRONT_MATTER, AUDIT_HEADING, SUPERVISION } from '../fixtures/plans.js';
import { TestLspClient } from '../helpers/lspClient.js';
import { onLine, positionOf } from '../helpers/textPositions.js';

const { uri: exampleUri, text: exampleText } = example('westmorland-and-furness.plan.md');

/** A title, R1 and its A1.1 with an Owner and a Due: what is typed at its end goes in A1.1's field list, on line 14. */
const PLAN = `${AS_OF_FRONT_MATTER}
# Plan

${SUPERVISION}
${AUDIT_HEADING}
- Owner: Head of Service
- Due: 31 March 2026
`;

describe('completion over stdio', function () {
  this.timeout(20000);
  let client: TestLspClient;
  beforeEach(async () => {
    client = await TestLspClient.start({ pull: true });
  });
  afterEach(async () => client.stop());

  const complete = async (uri: string, position: Position): Promise<CompletionItem[]> => {
    const result = await client.request<CompletionItem[] | CompletionList | null>('textDocument/completion', { textDocument: { uri }, position });
    return Array.isArray(result) ? result : (result?.items ?? []);
  };
  const edits = (items: CompletionItem[]) => items.map((item) => [item.label, item.textEdit as TextEdit]);

  /** Opens `text` with `typed` added at the end, and completes after it. */
  const completeAfter = async (typed: string, text = PLAN) => {
    const uri = `untitled:completion-${Math.random()}.plan.md`;
    const full = text + typed;
    await client.open(uri, full);
    const lines = full.split('\n');
    return complete(uri, { line: lines.length - 1, character: lines.at(-1)!.length });
  };

  it('declares its trigger characters', () => {
    assert.deepEqual(client.initializeResult.capabilities.completionProvider, { triggerCharacters: [':', ' ', ',', '#'], resolveProvider: false });
  });

  it('offers the field keys an action lacks, with synonyms in the documentation', async () => {
    const items = await completeAfter('- Me');
    assert.deepEqual(edits(items), [
      ['Measure', { range: onLine(14, 2, 4), newText: 'Measure: ' }],
      ['Links', { range: onLine(14, 2, 4), newText: 'Links: ' }],
      ['Status', { range: onLine(14, 2, 4), newText: 'Status: ' }],
      ['Start', { range: onLine(14, 2, 4), newText: 'Start: ' }],
      ['Evidence', { range: onLine(14, 2, 4), newText: 'Evidence: ' }],
      ['Milestones', { range: onLine(14, 2, 4), newText: 'Milestones:' }],
      ['Progress', { range: onLine(14, 2, 4), newText: 'Progress:' }],
    ]);
    assert.deepEqual(items[0]!.documentation, {
      kind: 'markdown',
      value: 'What will show that the action worked: a number, a percentage, a target, or a document signed off.\n\nAlso written: Success measure, Success criteria, Measure of success, Impact, KPI, Target.',
    });
    assert.equal(items[0]!.kind, 10);
    assert.deepEqual(items.map((item) => item.sortText), ['002', '003', '004', '005', '006', '007', '008']);
  });

  it('offers statuses after the colon, adding the space', async () => {
    const items = await completeAfter('- Status:');
    assert.deepEqual(edits(items), [
      ['Not started', { range: onLine(14, 9, 9), newText: ' Not started' }],
      ['Red', { range: onLine(14, 9, 9), newText: ' Red' }],
      ['Amber', { range: onLine(14, 9, 9), newText: ' Amber' }],
      ['Green', { range: onLine(14, 9, 9), newText: ' Green' }],
      ['Blue', { range: onLine(14, 9, 9), newText: ' Blue' }],
    ]);
    assert.deepEqual(items[2]!.documentation, { kind: 'markdown', value: 'At risk, or slipping but recoverable.' });
  });

  it('offers the ends of this month, quarter and financial year from as-of, as dates', async () => {
    const items = await completeAfter('- Start: 1 N');
    assert.deepEqual(
      items.map((item) => [item.label, item.detail, item.filterText, item.textEdit]),
      [
        ['End of this month (30 November 2025)', 'Sunday 30 November 2025', '30 November 2025', { range: onLine(14, 9, 12), newText: '30 November 2025' }],
        ['End of this quarter (31 December 2025)', 'Wednesday 31 December 2025', '31 December 2025', { range: onLine(14, 9, 12), newText: '31 December 2025' }],
        ['End of this financial year (31 March 2026)', 'Tuesday 31 March 2026', '31 March 2026', { range: onLine(14, 9, 12), newText: '31 March 2026' }],
      ],
    );
  });

  it('offers the next free action ID in a new heading', async () => {
    assert.deepEqual(edits(await completeAfter('\n### A')), [['A1.2', { range: onLine(15, 4, 5), newText: 'A1.2 ' }]]);
    assert.deepEqual(edits(await completeAfter('\n###')), [['A1.2', { range: onLine(15, 3, 3), newText: ' A1.2 ' }]]);
    assert.deepEqual(edits(await completeAfter('\n## ')), []);
  });

  describe('on examples/westmorland-and-furness.plan.md', () => {
    beforeEach(async () => client.open(exampleUri, exampleText));

    it('offers the owners register for Owner, replacing the whole value', async () => {
      const items = await complete(exampleUri, positionOf(exampleText, '- Owner: Virtual School Headteacher', 11));
      assert.equal(items.length, 10);
      assert.deepEqual(edits(items).slice(0, 2), [
        ["Director of Children's Services", { range: onLine(89, 9, 35), newText: "Director of Children's Services" }],
        ["Assistant Director for Children's Social Care", { range: onLine(89, 9, 35), newText: "Assistant Director for Children's Social Care" }],
      ]);
      assert.deepEqual(
        items.map((item) => item.detail),
        ['No actions yet', '1 action', '2 actions', '1 action', '1 action', '3 actions', '1 action', '2 actions', '1 action', '1 action'],
      );
    });

    it('offers recommendation IDs for the Links entry at the cursor, leaving out those already listed', async () => {
      const position = positionOf(exampleText, '- Links: R1, R3', 15);
      const items = await complete(exampleUri, position);
      assert.deepEqual(
        items.map((item) => [item.label, item.detail, item.sortText, item.textEdit]),
        [
          ['R2', 'Quality of plans', '000', { range: onLine(195, 13, 15), newText: 'R2' }],
          ['R3', 'Life-story work', '001', { range: onLine(195, 13, 15), newText: 'R3' }],
          ['R4', "Care leavers' health", '002', { range: onLine(195, 13, 15), newText: 'R4' }],
          ['R5', 'Local offer for care leavers', '003', { range: onLine(195, 13, 15), newText: 'R5' }],
        ],
      );
      assert.deepEqual(items[0]!.documentation, {
        kind: 'markdown',
        value: '**R2 Quality of plans**\n\nThe quality of child in need, child protection, personal education and pathway plans.',
      });
    });

    it('offers the next action ID under a recommendation and in the cross-cutting section', async () => {
      const afterA23 = positionOf(exampleText, '## R3 Life-story work');
      await client.change(exampleUri, 2, [{ range: { start: afterA23, end: afterA23 }, text: '### A\n\n' }]);
      assert.deepEqual(edits(await complete(exampleUri, { line: afterA23.line, character: 5 })), [['A2.4', { range: onLine(105, 4, 5), newText: 'A2.4 ' }]]);
      const end = { line: 203, character: 0 };
      await client.change(exampleUri, 3, [{ range: { start: end, end }, text: '\n### Action' }]);
      assert.deepEqual(edits(await complete(exampleUri, { line: 204, character: 10 })), [['Action 6.2', { range: onLine(204, 4, 10), newText: 'Action 6.2 ' }]]);
    });

    it('offers dates against the plan as-of date, merging the month and quarter that end together', async () => {
      const items = await complete(exampleUri, positionOf(exampleText, '- Due: 2026-06-30', 7));
      assert.deepEqual(edits(items), [
        ['End of this month and quarter (30 September 2025)', { range: onLine(147, 7, 17), newText: '30 September 2025' }],
        ['End of this financial year (31 March 2026)', { range: onLine(147, 7, 17), newText: '31 March 2026' }],
      ]);
    });

    it('offers nothing in the front matter, in prose, on a blank line or past the end', async () => {
      for (const position of [
        { line: 1, character: 7 },
        positionOf(exampleText, 'The quality of written', 4),
        { line: 29, character: 0 },
        { line: 500, character: 3 },
      ]) {
        assert.deepEqual(await complete(exampleUri, position), [], JSON.stringify(position));
      }
    });
  });

  it('includes recommendations from the file named by `recommendations:`, saying where they are from', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'completion-recs-'));
    writeFileSync(path.join(folder, 'recommendations.plan.md'), '## R1 Supervision\n\nManagement oversight.\n\n## R2 Audit\n\nCase file audit.\n');
    const uri = pathToFileURL(path.join(folder, 'actions.plan.md')).href;
    const text = '---\nas-of: 2025-11-01\nrecommendations: ./recommendations.plan.md\n---\n\n### A1 Run monthly supervision audits\n\n- Links: R1,';
    await client.open(uri, text);
    const items = await complete(uri, { line: 7, character: 12 });
    assert.deepEqual(edits(items), [['R2', { range: onLine(7, 12, 12), newText: ' R2' }]]);
    assert.deepEqual(items[0]!.documentation, { kind: 'markdown', value: '**R2 Audit**\n\nCase file audit.\n\nFrom recommendations.plan.md.' });
  });

  it('keeps answering while a heading or field is half typed', async () => {
    for (const [index, text] of ['#', '##', '### A', '- ', '- Ow', '- Owner', '---\n- Status:', '\uFEFF### A1\r\n- Status:', '### A1\n- Links: ,,'].entries()) {
      const uri = `untitled:half-typed-${index}.plan.md`;
      await client.open(uri, text);
      const lines = text.split('\n');
      for (const position of [{ line: 0, character: 0 }, { line: lines.length - 1, character: lines.at(-1)!.length }, { line: 99, character: 99 }]) {
        const items = await complete(uri, position);
        for (const item of items) assert.ok((item.textEdit as TextEdit).range.start.line === position.line || position.line === 99);
      }
    }
    assert.ok(client.alive);
  });
});
