/**
 * Quick fixes over the protocol: the built server, driven as VS Code (pull diagnostics, snippet
 * edits in versioned documentChanges) and as a plain client (pushed diagnostics, `changes`).
 * Each test applies the edits the server sends and checks the problem is gone.
 */
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { AS_OF_FRONT_MATTER } from '../fixtures/plans.js';
import { CARE_LEAVERS_ENTITLEMENTS, CROSS_CUTTING_A20, LOCAL_OFFER_LETTER_ACTION, RETURN_HOME_INTERVIEWS, returnHomeInterviewAction } from '../fixtures/quickFixPlans.js';
import { TestLspClient } from '../helpers/lspClient.js';

const VSCODE_CAPABILITIES = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    diagnostics: { refreshSupport: true },
    workspaceEdit: { documentChanges: true, snippetEditSupport: true },
  },
  textDocument: {
    diagnostic: { dynamicRegistration: false },
    publishDiagnostics: { versionSupport: true },
    codeAction: {
      isPreferredSupport: true,
      dataSupport: true,
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
    },
  },
};

const PLAIN_CAPABILITIES = {
  workspace: { configuration: true },
  textDocument: {
    publishDiagnostics: { versionSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } },
  },
};

/** A1.1 with no Owner and a Status to correct, A3.1 with a Status and a Links entry to correct, and A20 unlinked. */
const PLAN = `${AS_OF_FRONT_MATTER}
${RETURN_HOME_INTERVIEWS}
${returnHomeInterviewAction({ owner: false })}- Status: On track

${CARE_LEAVERS_ENTITLEMENTS}
${LOCAL_OFFER_LETTER_ACTION}- Status: Yellow
- Links: R3, Rec 1

${CROSS_CUTTING_A20}`;

/** Expands a snippet with its placeholders as they are. */
const expandSnippet = (snippet: string): string => snippet.replace(/\$\{\d+:((?:\\.|[^}\\])*)\}/g, (_, inner: string) => inner).replace(/\\([\\$}])/g, '$1');

/** The edits of a workspace edit for `uri`, as plain text edits (snippets expanded), and the version they are for. */
function editsOf(edit: WorkspaceEdit, uri: string): { version: number | null | undefined; edits: TextEdit[] } {
  if (edit.documentChanges) {
    assert.equal(edit.documentChanges.length, 1);
    const change = edit.documentChanges[0] as { textDocument: { uri: string; version: number | null }; edits: ({ range: Range; newText: string } | { range: Range; snippet: { value: string } })[] };
    assert.equal(change.textDocument.uri, uri);
    return { version: change.textDocument.version, edits: change.edits.map((e) => ('snippet' in e ? { range: e.range, newText: expandSnippet(e.snippet.value) } : e)) };
  }
  return { version: undefined, edits: edit.changes![uri]! };
}

function applyLspEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'improvement-plan', 0, text), [...edits]);
}

describe('quick fixes over the protocol', function () {
  this.timeout(20000);
  let client: TestLspClient;
  afterEach(async () => client?.stop());

  // Quick fixes only: without `only`, the fix-all action comes too (see the last test).
  const actionsFor = (uri: string, diagnostic: Diagnostic) =>
    client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });

  describe('as VS Code drives it', () => {
    beforeEach(async () => {
      client = await TestLspClient.start({ pull: true, capabilities: VSCODE_CAPABILITIES });
    });

    it('declares quick fixes and fix all, resolved eagerly', () => {
      assert.deepEqual(client.initializeResult.capabilities.codeActionProvider, {
        codeActionKinds: ['quickfix', 'source.fixAll', 'source.fixAll.improvementPlan'],
        resolveProvider: false,
      });
    });

    it('adds a missing Owner as a snippet in a versioned edit, tied to its diagnostic', async () => {
      const uri = 'untitled:owner.plan.md';
      await client.open(uri, PLAN, 7);
      const diagnostics = await client.pull(uri);
      const noOwner = diagnostics.find((d) => d.code === 'no-owner')!;
      assert.deepEqual(noOwner.data, { element: { kind: 'action', id: 'A1.1', heading: PLAN.indexOf('### A1.1') }, fix: { kind: 'missing-field', field: 'owner' } });
      const actions = await actionsFor(uri, noOwner);
      assert.deepEqual(actions, [
        {
          title: 'Add an Owner to A1.1',
          kind: 'quickfix',
          diagnostics: [noOwner],
          isPreferred: true,
          edit: {
            documentChanges: [
              {
                textDocument: { uri, version: 7 },
                edits: [{ range: { start: { line: 10, character: 0 }, end: { line: 10, character: 0 } }, snippet: { kind: 'snippet', value: '- Owner: ${1:[Role or person accountable]}\n' } }],
              },
            ],
          },
        },
        {
          title: 'Silence no-owner for A1.1',
          kind: 'quickfix',
          diagnostics: [noOwner],
          edit: {
            documentChanges: [
              { textDocument: { uri, version: 7 }, edits: [{ range: { start: { line: 8, character: 0 }, end: { line: 8, character: 0 } }, newText: '<!-- plan-ignore no-owner -->\n' }] },
            ],
          },
        },
      ]);
      const { edits } = editsOf(actions[0]!.edit!, uri);
      const fixed = applyLspEdits(PLAN, edits);
      assert.ok(fixed.includes('### A1.1 Offer every child who goes missing a return home interview within 72 hours\n\n- Owner: [Role or person accountable]\n- Due:'));
      await client.change(uri, 8, [{ text: fixed }]);
      const after = await client.pull(uri);
      assert.deepEqual(
        after.map((d) => d.code),
        diagnostics.filter((d) => d !== noOwner).map((d) => d.code),
      );
    });

    it('links an unlinked action to the recommendation that fits it best', async () => {
      const uri = 'untitled:link.plan.md';
      await client.open(uri, PLAN);
      const unlinked = (await client.pull(uri)).find((d) => d.code === 'unlinked-action')!;
      const actions = await actionsFor(uri, unlinked);
      assert.deepEqual(actions.map((a) => [a.title, a.isPreferred ?? false]), [
        ["Link A20 to R3 (Care leavers' entitlements)", true],
        ['Silence unlinked-action for A20', false],
      ]);
      const { edits } = editsOf(actions[0]!.edit!, uri);
      assert.deepEqual(edits, [{ range: { start: { line: 33, character: 0 }, end: { line: 33, character: 0 } }, newText: '- Links: R3\n' }]);
      await client.change(uri, 2, [{ text: applyLspEdits(PLAN, edits) }]);
      assert.ok(!(await client.pull(uri)).some((d) => d.code === 'unlinked-action'));
    });

    it('corrects a Status, offering every value when nothing is near', async () => {
      const uri = 'untitled:status.plan.md';
      await client.open(uri, PLAN);
      const diagnostics = await client.pull(uri);
      const [onTrack, yellow] = diagnostics.filter((d) => d.code === 'invalid-status');
      const clear = await actionsFor(uri, onTrack!);
      assert.deepEqual(clear.map((a) => [a.title, a.isPreferred ?? false]), [['Change "On track" to Green', true], ['Silence invalid-status for A1.1', false]]);
      assert.deepEqual(editsOf(clear[0]!.edit!, uri).edits, [{ range: { start: { line: 12, character: 10 }, end: { line: 12, character: 18 } }, newText: 'Green' }]);
      const five = await actionsFor(uri, yellow!);
      assert.deepEqual(five.map((a) => a.title), [
        'Change "Yellow" to Not started',
        'Change "Yellow" to Red',
        'Change "Yellow" to Amber',
        'Change "Yellow" to Green',
        'Change "Yellow" to Blue',
        'Silence invalid-status for A3.1',
      ]);
      const amber = applyLspEdits(PLAN, editsOf(five[2]!.edit!, uri).edits);
      await client.change(uri, 2, [{ text: amber }]);
      assert.deepEqual((await client.pull(uri)).filter((d) => d.code === 'invalid-status').map((d) => d.range.start.line), [12]);
    });

    it('fixes all the safe problems on request, and has nothing left to fix the second time', async () => {
      const uri = 'untitled:fix-all.plan.md';
      await client.open(uri, PLAN, 3);
      const before = await client.pull(uri);
      const quickFixesOnly = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['quickfix'] },
      });
      assert.deepEqual(quickFixesOnly, []);
      const request = () =>
        client.request<CodeAction[]>('textDocument/codeAction', {
          textDocument: { uri },
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          context: { diagnostics: [], only: ['source.fixAll'], triggerKind: 2 },
        });
      const actions = await request();
      assert.equal(actions.length, 1);
      assert.equal(actions[0]!.title, 'Fix all problems that have one clear fix');
      assert.equal(actions[0]!.kind, 'source.fixAll.improvementPlan');
      const { version, edits } = editsOf(actions[0]!.edit!, uri);
      assert.equal(version, 3);
      assert.deepEqual(edits, [
        { range: { start: { line: 12, character: 10 }, end: { line: 12, character: 18 } }, newText: 'Green' },
        { range: { start: { line: 24, character: 13 }, end: { line: 24, character: 18 } }, newText: 'R1' },
      ]);
      const fixed = applyLspEdits(PLAN, edits);
      await client.change(uri, 4, [{ text: fixed }]);
      const after = await client.pull(uri);
      const label = (d: Diagnostic) => `${d.code} ${d.message}`;
      const safe = before.filter((d) => String(d.message).startsWith('"On track"') || String(d.message).startsWith('"Rec 1"')).map(label);
      assert.equal(safe.length, 2);
      assert.deepEqual(after.map(label), before.map(label).filter((m) => !safe.includes(m)), 'only the safe problems went');
      assert.deepEqual(await request(), [], 'a second run has nothing to fix');
      // Asked for exactly its own kind, the same.
      await client.change(uri, 5, [{ text: PLAN }]);
      const own = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll.improvementPlan'] },
      });
      assert.deepEqual(own.map((a) => a.kind), ['source.fixAll.improvementPlan']);
    });

    it('replaces an unknown ID with the nearest, or adds a heading for it as a snippet', async () => {
      const uri = 'untitled:unknown-id.plan.md';
      const text = PLAN.replace('- Links: R3, Rec 1', '- Links: R3, R9');
      await client.open(uri, text);
      const unknown = (await client.pull(uri)).find((d) => d.code === 'unknown-recommendation')!;
      const actions = await actionsFor(uri, unknown);
      assert.deepEqual(actions.map((a) => a.title), [
        "Change R9 to R3 (Care leavers' entitlements)",
        'Change R9 to R1 (Return home interviews)',
        'Add a heading for R9 at the end of the recommendations',
        'Silence unknown-recommendation for A3.1',
      ]);
      assert.deepEqual(actions[2]!.edit!.documentChanges![0], {
        textDocument: { uri, version: 1 },
        edits: [
          {
            range: { start: { line: 26, character: 0 }, end: { line: 26, character: 0 } },
            snippet: { kind: 'snippet', value: "## R9 ${1:Title to confirm}\n\n${2:[The recommendation's words, copied from the inspection report.]}\n\n" },
          },
        ],
      });
      const fixed = applyLspEdits(text, editsOf(actions[2]!.edit!, uri).edits);
      assert.ok(fixed.includes("- Links: R3, R9\n\n## R9 Title to confirm\n\n[The recommendation's words, copied from the inspection report.]\n\n# Cross-cutting actions\n"));
      await client.change(uri, 2, [{ text: fixed }]);
      assert.ok(!(await client.pull(uri)).some((d) => d.code === 'unknown-recommendation'));
    });

    it('offers nothing for a diagnostic the document no longer has', async () => {
      const uri = 'untitled:stale.plan.md';
      await client.open(uri, PLAN);
      const noOwner = (await client.pull(uri)).find((d) => d.code === 'no-owner')!;
      const moved = { ...noOwner, range: { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } } };
      assert.deepEqual(await actionsFor(uri, moved), []);
      assert.deepEqual(await client.request('textDocument/codeAction', { textDocument: { uri: 'untitled:not-open.plan.md' }, range: moved.range, context: { diagnostics: [moved] } }), []);
    });
  });

  describe('as a client without snippet edits or pull diagnostics drives it', () => {
    beforeEach(async () => {
      client = await TestLspClient.start({ pull: false, args: [], capabilities: PLAIN_CAPABILITIES });
    });

    it('sends plain text with a placeholder in `changes`, and CRLF lines into a CRLF document', async () => {
      const uri = 'untitled:crlf.plan.md';
      const text = PLAN.replace(/\n/g, '\r\n');
      await client.open(uri, text);
      const { diagnostics } = await client.waitForPublished(uri, 1);
      const noOwner = diagnostics.find((d) => d.code === 'no-owner')!;
      const actions = await actionsFor(uri, noOwner);
      assert.deepEqual(actions[0]!.edit, {
        changes: { [uri]: [{ range: { start: { line: 10, character: 0 }, end: { line: 10, character: 0 } }, newText: '- Owner: [Role or person accountable]\r\n' }] },
      });
      assert.equal(actions[1]!.title, 'Silence no-owner for A1.1');
      assert.deepEqual(editsOf(actions[1]!.edit!, uri).edits[0]!.newText, '<!-- plan-ignore no-owner -->\r\n');
      const fixed = applyLspEdits(text, editsOf(actions[0]!.edit!, uri).edits);
      assert.doesNotMatch(fixed.replace(/\r\n/g, ''), /\n/);
      await client.change(uri, 2, [{ text: fixed }]);
      const published = await client.waitForPublished(uri, 2);
      assert.ok(!published.diagnostics.some((d) => d.code === 'no-owner'));
      assert.equal(published.diagnostics.length, diagnostics.length - 1);
    });

    it('finds the problems in the requested range when the client sends none', async () => {
      const uri = 'untitled:range.plan.md';
      await client.open(uri, PLAN);
      await client.waitForPublished(uri, 1);
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 23, character: 12 }, end: { line: 23, character: 12 } },
        context: { diagnostics: [] },
      });
      assert.deepEqual(actions.map((a) => [a.kind, a.title, a.diagnostics?.map((d) => d.code)]), [
        ['quickfix', 'Change "Yellow" to Not started', ['invalid-status']],
        ['quickfix', 'Change "Yellow" to Red', ['invalid-status']],
        ['quickfix', 'Change "Yellow" to Amber', ['invalid-status']],
        ['quickfix', 'Change "Yellow" to Green', ['invalid-status']],
        ['quickfix', 'Change "Yellow" to Blue', ['invalid-status']],
        ['quickfix', 'Silence invalid-status for A3.1', ['invalid-status']],
        ['source.fixAll.improvementPlan', 'Fix all problems that have one clear fix', undefined],
      ]);
    });
  });

  it('offers no code actions to a client that cannot take code action literals', async () => {
    client = await TestLspClient.start({ pull: true });
    assert.equal(client.initializeResult.capabilities.codeActionProvider, undefined);
  });
});
