/** Go to definition over stdio: within a plan, into the recommendations file, and for duplicated IDs. */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Location, LocationLink } from 'vscode-languageserver-protocol';
import { TestLspClient } from '../helpers/lspClient.js';
import { PlanWorkspace, positionOf, showRange } from '../helpers/planWorkspace.js';

const ACTIONS = 'multi-file/actions.plan.md';
const RECOMMENDATIONS = 'multi-file/recommendations.plan.md';

describe('go to definition over stdio', function () {
  this.timeout(20000);
  let client: TestLspClient;
  let workspace: PlanWorkspace;
  afterEach(async () => client?.stop());

  const definition = <T>(uri: string, position: { line: number; character: number }) =>
    client.request<T>('textDocument/definition', { textDocument: { uri }, position });
  const locations = (result: Location[] | null) => (result ?? []).map((l) => `${path.relative(workspace.folder, new URL(l.uri).pathname)} ${showRange(l.range)}`);

  describe('with plain locations', () => {
    beforeEach(async () => {
      workspace = PlanWorkspace.create({}, { examples: true });
      client = await TestLspClient.start({ pull: true, workspaceFolder: workspace.folder });
    });

    it('declares a definition provider', () => {
      assert.equal(client.initializeResult.capabilities.definitionProvider, true);
    });

    it('goes from a Links ID to the heading in the recommendations file', async () => {
      const text = workspace.read(ACTIONS);
      await client.open(workspace.uri(ACTIONS), text);
      // Line 85 (1-based) is "- Links: R3"; R3 is declared on line 36 of recommendations.plan.md.
      const position = positionOf(text, 'Links: R3', 0, 'Links: R'.length);
      assert.equal(position.line, 84);
      assert.deepEqual(locations(await definition(workspace.uri(ACTIONS), position)), [`${RECOMMENDATIONS} 35:3-35:5`]);
      // Every ID of a list resolves, the cursor just after it included.
      const list = positionOf(text, 'Links: R1, R2, R4');
      assert.deepEqual(locations(await definition(workspace.uri(ACTIONS), { line: list.line, character: list.character + 'Links: R1, R2, R4'.length })), [`${RECOMMENDATIONS} 39:3-39:5`]);
      assert.deepEqual(locations(await definition(workspace.uri(ACTIONS), { line: list.line, character: list.character + 'Links: R1, '.length })), [`${RECOMMENDATIONS} 31:3-31:5`]);
    });

    it('goes from an ID in a heading to that heading, and gives nothing off an ID', async () => {
      const text = workspace.read(ACTIONS);
      const uri = workspace.uri(ACTIONS);
      await client.open(uri, text);
      assert.deepEqual(locations(await definition(uri, positionOf(text, 'A2.1', 0, 1))), [`${ACTIONS} 55:4-55:8`]);
      assert.deepEqual(await definition(uri, positionOf(text, 'Convert 30')), null);
      assert.deepEqual(await definition(uri, positionOf(text, 'Links: R3')), null, 'on the key');
      assert.deepEqual(await definition(uri, { line: 10_000, character: 5 }), null, 'beyond the end');
      assert.deepEqual(await definition('file:///nowhere/not-open.plan.md', { line: 0, character: 0 }), null, 'a document that is not open');
    });

    it('uses the unsaved text of an open recommendations file', async () => {
      const actions = workspace.read(ACTIONS);
      const recommendations = workspace.read(RECOMMENDATIONS);
      await client.open(workspace.uri(ACTIONS), actions);
      const edited = `${recommendations}\n## R3 Declared twice\n`;
      await client.open(workspace.uri(RECOMMENDATIONS), edited);
      const position = positionOf(actions, 'Links: R3', 0, 'Links: '.length);
      const added = edited.split('\n').length - 2;
      assert.deepEqual(locations(await definition(workspace.uri(ACTIONS), position)), [`${RECOMMENDATIONS} 35:3-35:5`, `${RECOMMENDATIONS} ${added}:3-${added}:5`]);
    });

    it('gives every heading of a duplicated ID, and nothing for an undeclared one', async () => {
      const uri = 'untitled:duplicates.plan.md';
      const text = '## R1 One\n\n### A1 Run 4 clinics\n\n## R1 Again\n\n### A1 Run 4 audits\n\n- Links: R1, R7\n';
      await client.open(uri, text);
      const toString = (result: Location[] | null) => (result ?? []).map((l) => `${l.uri} ${showRange(l.range)}`);
      assert.deepEqual(toString(await definition(uri, positionOf(text, 'R1', 2))), [`${uri} 0:3-0:5`, `${uri} 4:3-4:5`]);
      assert.deepEqual(toString(await definition(uri, positionOf(text, 'A1', 0))), [`${uri} 2:4-2:6`, `${uri} 6:4-6:6`]);
      assert.deepEqual(await definition(uri, positionOf(text, 'R7')), []);
    });
  });

  it('keeps answering every navigation request on junk, at any position', async () => {
    client = new TestLspClient({ pull: true, capabilities: { textDocument: { rename: { prepareSupport: true }, documentSymbol: { hierarchicalDocumentSymbolSupport: true } } } });
    const logged = client.recordNotifications('window/logMessage') as { message: string }[];
    await client.initialize();
    const inputs = [
      '',
      '\u0000\u0001\uFFFD binary \u0007'.repeat(200),
      '---\nrecommendations: [1, 2]\n---\n### A1\n- Links: R1, , ;R2 and\n',
      '---\nrecommendations: ../../../../../../etc/passwd\n---\n- Links: R1\n### A1\n- Links: R1\n',
      '\uFEFF## R1\r\n### A1.1 Run\r\n- Links: R1\r\n',
      '- '.repeat(3000) + 'deep',
      '> '.repeat(200) + '### A1 nested\n- Links: R1',
      '## R1 \u{1F600}\u{1F600}\n\n### A1 \u{1F600}\n\n- Links: R1\u{1F600}, R1\n',
    ];
    for (const [index, text] of inputs.entries()) {
      const uri = `untitled:junk-${index}.plan.md`;
      await client.open(uri, text);
      const lines = text.split('\n');
      for (let line = 0; line < Math.min(lines.length, 6) + 1; line++) {
        for (const character of [0, 1, 3, 7, 10, 40, 9999]) {
          const at = { textDocument: { uri }, position: { line, character } };
          for (const method of ['textDocument/definition', 'textDocument/references', 'textDocument/documentHighlight']) {
            const result = await client.request<unknown>(method, { ...at, context: { includeDeclaration: true } });
            assert.ok(result === null || Array.isArray(result), `${method} on input ${index}`);
          }
          for (const [method, extra] of [['textDocument/prepareRename', {}], ['textDocument/rename', { newName: 'R42' }]] as const) {
            await client.request(method, { ...at, ...extra }).catch((error: Error) => assert.match(error.message, /\.$/, `${method} on input ${index}`));
          }
        }
      }
      await client.request('textDocument/documentSymbol', { textDocument: { uri } });
      await client.request('textDocument/foldingRange', { textDocument: { uri } });
    }
    await client.request('workspace/symbol', { query: '\u0000\u{1F600}' });
    assert.ok(client.alive);
    assert.deepEqual(logged.filter((m) => / failed:/.test(m.message)), [], 'no handler failed');
  });

  it('reads a recommendations file outside any workspace folder', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'plan-def-'));
    writeFileSync(path.join(folder, 'recs.plan.md'), '# Recommendations\n\n## Recommendation 4: Early help\n\nWaiting time for early help support.\n');
    client = await TestLspClient.start({ pull: true });
    const uri = pathToFileURL(path.join(folder, 'plan.plan.md')).href;
    const text = '---\nrecommendations: recs.plan.md\n---\n\n### A1 Recruit 6 early help practitioners\n\n- Links: Recommendation 4\n';
    await client.open(uri, text);
    const result = await definition<Location[]>(uri, positionOf(text, 'Recommendation 4', 0, 3));
    assert.deepEqual(result, [{ uri: pathToFileURL(path.join(folder, 'recs.plan.md')).href, range: { start: { line: 2, character: 3 }, end: { line: 2, character: 19 } } }]);
  });

  it('answers with location links when the client supports them', async () => {
    workspace = PlanWorkspace.create({}, { examples: true });
    client = await TestLspClient.start({ pull: true, workspaceFolder: workspace.folder, capabilities: { textDocument: { definition: { linkSupport: true } } } });
    const text = workspace.read(ACTIONS);
    await client.open(workspace.uri(ACTIONS), text);
    const links = await definition<LocationLink[]>(workspace.uri(ACTIONS), positionOf(text, 'R1, R2, R4', 0, 5));
    assert.deepEqual(
      links.map((link) => [showRange(link.originSelectionRange!), path.relative(workspace.folder, new URL(link.targetUri).pathname), showRange(link.targetRange), showRange(link.targetSelectionRange)]),
      // The target range is R2's section: its heading and the report's words, without the blank line after.
      [['115:13-115:15', RECOMMENDATIONS, '31:0-33:55', '31:3-31:5']],
    );
  });
});
