/** Rename over stdio: prepareRename, validation, and edits across every plan that uses an ID. */
import assert from 'node:assert/strict';
import path from 'node:path';
import type { TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TestLspClient } from '../helpers/lspClient.js';
import { applyEdits, PlanWorkspace, positionOf, showRange } from '../helpers/planWorkspace.js';

const ACTIONS = 'multi-file/actions.plan.md';
const RECOMMENDATIONS = 'multi-file/recommendations.plan.md';
const PARTNERSHIP = 'multi-file/partnership.plan.md';

const PARTNERSHIP_TEXT = `---
recommendations: ./recommendations.plan.md
as-of: 2025-10-31
---

# Safeguarding partnership actions

### A1 Agree an out-of-hours protocol with the police for children held in custody overnight

- Owner: Safeguarding Partnership Business Manager
- Due: 31 March 2026
- Measure: protocol signed by all 3 statutory partners; 90% of children held in custody overnight visited within 4 hours
- Links: Recommendation 1, R3
`;

const CAPABILITIES = {
  textDocument: { diagnostic: { dynamicRegistration: false }, rename: { prepareSupport: true } },
  workspace: { configuration: true, diagnostics: { refreshSupport: true }, workspaceEdit: { documentChanges: true } },
};

describe('rename over stdio', function () {
  this.timeout(20000);
  let client: TestLspClient;
  let workspace: PlanWorkspace;
  afterEach(async () => client?.stop());

  const start = async (capabilities: Record<string, unknown> = CAPABILITIES) => {
    workspace = PlanWorkspace.create({ [PARTNERSHIP]: PARTNERSHIP_TEXT }, { examples: true });
    client = await TestLspClient.start({ pull: true, workspaceFolder: workspace.folder, capabilities });
  };
  const prepare = (name: string, position: { line: number; character: number }) =>
    client.request<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; placeholder: string } | null>('textDocument/prepareRename', {
      textDocument: { uri: workspace.uri(name) },
      position,
    });
  const rename = (name: string, position: { line: number; character: number }, newName: string) =>
    client.request<WorkspaceEdit | null>('textDocument/rename', { textDocument: { uri: workspace.uri(name) }, position, newName });
  const relative = (uri: string) => path.relative(workspace.folder, new URL(uri).pathname);
  const rejection = async (promise: Promise<unknown>) => {
    try {
      await promise;
    } catch (error) {
      return (error as Error).message;
    }
    return 'no error';
  };

  describe('with prepareRename and documentChanges (as VS Code)', () => {
    beforeEach(() => start());

    it('declares a rename provider with prepareRename', () => {
      assert.deepEqual(client.initializeResult.capabilities.renameProvider, { prepareProvider: true });
    });

    it('accepts only declared IDs and says why elsewhere', async () => {
      const text = workspace.read(ACTIONS);
      await client.open(workspace.uri(ACTIONS), text);
      assert.deepEqual(await prepare(ACTIONS, positionOf(text, 'Links: R3', 0, 8)), { range: { start: { line: 84, character: 9 }, end: { line: 84, character: 11 } }, placeholder: 'R3' });
      assert.deepEqual(await prepare(ACTIONS, positionOf(text, 'A4.1', 0, 2)), { range: { start: { line: 98, character: 4 }, end: { line: 98, character: 8 } }, placeholder: 'A4.1' });
      assert.equal(await rejection(prepare(ACTIONS, positionOf(text, 'Recruit 6'))), 'Put the cursor on a recommendation or action ID, such as R1 or A1.2, to rename it.');
      assert.equal(await rejection(prepare(ACTIONS, { line: 0, character: 0 })), 'Put the cursor on a recommendation or action ID, such as R1 or A1.2, to rename it.');
      const uri = 'untitled:unknown.plan.md';
      await client.open(uri, '### A1 Run 4 clinics\n\n- Links: R9\n');
      const unknown = client.request('textDocument/prepareRename', { textDocument: { uri }, position: { line: 2, character: 10 } });
      assert.equal(await rejection(unknown), 'R9 is not declared in this plan or its recommendations file, so there is nothing to rename.');
    });

    it('renames a recommendation in its file and in every plan that links to it, with document versions', async () => {
      const actions = workspace.read(ACTIONS);
      await client.open(workspace.uri(ACTIONS), actions, 7);
      const edit = await rename(ACTIONS, positionOf(actions, 'R1, R2, R4'), 'R6');
      const changes = (edit!.documentChanges as TextDocumentEdit[]).map((change) => ({
        file: relative(change.textDocument.uri),
        version: change.textDocument.version,
        edits: change.edits.map((e) => `${showRange((e as TextEdit).range)} ${(e as TextEdit).newText}`),
      }));
      assert.deepEqual(changes, [
        { file: RECOMMENDATIONS, version: null, edits: ['27:3-27:5 R6'] },
        { file: ACTIONS, version: 7, edits: ['36:9-36:11 R6', '47:9-47:11 R6', '115:9-115:11 R6'] },
        // The written-out form becomes the short one.
        { file: PARTNERSHIP, version: null, edits: ['12:9-12:25 R6'] },
      ]);
    });

    it('leaves every plan clean once the edits are applied', async () => {
      const texts = Object.fromEntries([ACTIONS, RECOMMENDATIONS, PARTNERSHIP].map((name) => [name, workspace.read(name)]));
      for (const name of Object.keys(texts)) await client.open(workspace.uri(name), texts[name]!);
      assert.deepEqual(await client.pull(workspace.uri(PARTNERSHIP)), []);
      const edit = await rename(RECOMMENDATIONS, positionOf(texts[RECOMMENDATIONS]!, '## R3', 0, 4), 'Priority action 3');
      for (const change of edit!.documentChanges as TextDocumentEdit[]) {
        const name = relative(change.textDocument.uri);
        texts[name] = applyEdits(texts[name]!, change.edits as TextEdit[]);
        await client.change(change.textDocument.uri, 2, [{ text: texts[name]! }]);
      }
      assert.match(texts[RECOMMENDATIONS]!, /^## P3 Accommodation for children in care and care leavers$/m);
      assert.match(texts[PARTNERSHIP]!, /^- Links: Recommendation 1, P3$/m);
      assert.equal((texts[ACTIONS]!.match(/^- Links: P3$/gm) ?? []).length, 2);
      for (const name of Object.keys(texts)) assert.deepEqual(await client.pull(workspace.uri(name)), [], name);
    });

    it('renames an action in its heading', async () => {
      const actions = workspace.read(ACTIONS);
      await client.open(workspace.uri(ACTIONS), actions);
      const edit = await rename(ACTIONS, positionOf(actions, 'A5.1'), 'Action 5');
      assert.deepEqual(edit, { documentChanges: [{ textDocument: { uri: workspace.uri(ACTIONS), version: 1 }, edits: [{ range: { start: { line: 109, character: 4 }, end: { line: 109, character: 8 } }, newText: 'A5' }] }] });
    });

    it('refuses a new name that is not an ID of the same kind, or is already declared', async () => {
      const actions = workspace.read(ACTIONS);
      await client.open(workspace.uri(ACTIONS), actions);
      const r3 = positionOf(actions, 'Links: R3', 0, 7);
      assert.equal(await rejection(rename(ACTIONS, r3, 'A3')), '"A3" is not a recommendation ID: use one such as R7 or P2.');
      assert.equal(await rejection(rename(ACTIONS, r3, 'R 3')), '"R 3" is not a recommendation ID: use one such as R7 or P2.');
      assert.equal(await rejection(rename(ACTIONS, r3, 'R2')), 'R2 is already a recommendation in recommendations.plan.md: choose another ID.');
      assert.equal(await rejection(rename(ACTIONS, positionOf(actions, 'A3.1'), 'R5')), '"R5" is not an action ID: use one such as A7 or A2.3.');
      assert.equal(await rejection(rename(ACTIONS, positionOf(actions, 'A3.1'), 'A3.2')), 'A3.2 is already an action in actions.plan.md: choose another ID.');
      assert.equal(await rejection(rename(ACTIONS, positionOf(actions, 'Open 2'), 'R5')), 'Put the cursor on a recommendation or action ID, such as R1 or A1.2, to rename it.');
    });
  });

  it('answers with changes by URI for clients without documentChanges', async () => {
    await start({ textDocument: { diagnostic: { dynamicRegistration: false } } });
    assert.equal(client.initializeResult.capabilities.renameProvider, true);
    const partnership = PARTNERSHIP_TEXT;
    await client.open(workspace.uri(PARTNERSHIP), partnership);
    const edit = await rename(PARTNERSHIP, positionOf(partnership, 'R3'), 'R9');
    assert.deepEqual(
      Object.entries(edit!.changes!).map(([uri, edits]) => [relative(uri), edits.map((e) => `${showRange(e.range)} ${e.newText}`)]),
      [
        [RECOMMENDATIONS, ['35:3-35:5 R9']],
        [ACTIONS, ['84:9-84:11 R9', '93:9-93:11 R9']],
        [PARTNERSHIP, ['12:27-12:29 R9']],
      ],
    );
  });
});
