/** Document symbols over stdio: the outline of a plan, hierarchical or flat as the client asks. */
import assert from 'node:assert/strict';
import type { DocumentSymbol, SymbolInformation } from 'vscode-languageserver-protocol';
import { example } from '../fixtures/examples.js';
import { TestLspClient } from '../helpers/lspClient.js';
import { showRange } from '../helpers/planWorkspace.js';

const { uri: exampleUri, text: exampleText } = example('westmorland-and-furness.plan.md');

// SymbolKind.Module for recommendations, SymbolKind.Function for actions.
const MODULE = 2;
const FUNCTION = 12;

describe('document symbols over stdio', function () {
  this.timeout(20000);
  let client: TestLspClient;
  afterEach(async () => client?.stop());

  const symbols = <T>(uri: string) => client.request<T>('textDocument/documentSymbol', { textDocument: { uri } });

  describe('hierarchical (as VS Code)', () => {
    beforeEach(async () => {
      client = await TestLspClient.start({ pull: true, capabilities: { textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } } } });
    });

    it('declares a document symbol provider', () => {
      assert.deepEqual(client.initializeResult.capabilities.documentSymbolProvider, { label: 'Improvement plan' });
    });

    it('nests each action in its recommendation and keeps cross-cutting actions at the top level', async () => {
      await client.open(exampleUri, exampleText);
      const flat = (list: DocumentSymbol[], depth = 0): string[] =>
        list.flatMap((s) => [`${'  '.repeat(depth)}${s.kind} ${s.name.slice(0, 40)} | ${showRange(s.range)} | ${showRange(s.selectionRange)}`, ...flat(s.children ?? [], depth + 1)]);
      assert.deepEqual(flat(await symbols<DocumentSymbol[]>(exampleUri)), [
        `${MODULE} R1 Records of child protection enquiries | 38:0-67:69 | 38:3-38:43`,
        `  ${FUNCTION} A1.1 Issue a recording standard for stra | 42:0-55:70 | 42:4-42:91`,
        `  ${FUNCTION} A1.2 Audit 40 records of child protectio | 57:0-67:69 | 57:4-57:99`,
        `${MODULE} R2 Quality of plans | 69:0-103:15 | 69:3-69:22`,
        `  ${FUNCTION} A2.1 Introduce a single outcome-focused  | 74:0-85:58 | 74:4-74:97`,
        `  ${FUNCTION} A2.2 Train 120 designated teachers to re | 87:0-94:21 | 87:4-87:103`,
        `  ${FUNCTION} A2.3 Redesign pathway plans in plain Eng | 96:0-103:15 | 96:4-96:93`,
        `${MODULE} R3 Life-story work | 105:0-128:19 | 105:3-105:21`,
        `  ${FUNCTION} A3.1 Start planned life-story work for e | 109:0-120:15 | 109:4-109:115`,
        `  ${FUNCTION} A3.2 Train 60 social workers and 30 kins | 122:0-128:19 | 122:4-122:96`,
        `${MODULE} R4 Care leavers' health | 130:0-150:15 | 130:3-130:26`,
        `  ${FUNCTION} A4.1 Give care leavers a written summary | 135:0-142:21 | 135:4-135:76`,
        `  ${FUNCTION} A4.2 Offer care leavers from 18 to 25 an | 144:0-150:15 | 144:4-144:88`,
        `${MODULE} R5 Local offer for care leavers | 152:0-183:15 | 152:3-152:34`,
        `  ${FUNCTION} A5.1 Publish the refreshed local offer f | 157:0-165:54 | 157:4-157:105`,
        `  ${FUNCTION} A5.2 Hold a local offer review with ever | 167:0-174:15 | 167:4-167:109`,
        `  ${FUNCTION} A5.3 Train 150 council staff and partner | 176:0-183:15 | 176:4-176:94`,
        `${FUNCTION} A6.1 Launch the new case recording syste | 187:0-200:38 | 187:4-187:118`,
      ]);
    });

    it('names each symbol by its short ID and title, with an action\'s owner and due date as detail', async () => {
      const uri = 'untitled:names.plan.md';
      await client.open(uri, '## Recommendation 2: Care plans\n\n### Action 2.1 –  Audit 30   care plans\n\n- Lead: Head of Quality Assurance\n- Deadline: Q4 2025/26\n\n### A2.2\n');
      const result = await symbols<DocumentSymbol[]>(uri);
      assert.deepEqual(result, [
        {
          name: 'R2 Care plans',
          kind: MODULE,
          range: { start: { line: 0, character: 0 }, end: { line: 7, character: 8 } },
          selectionRange: { start: { line: 0, character: 3 }, end: { line: 0, character: 31 } },
          children: [
            {
              name: 'A2.1 Audit 30 care plans',
              detail: 'Head of Quality Assurance, due Q4 2025/26',
              kind: FUNCTION,
              range: { start: { line: 2, character: 0 }, end: { line: 5, character: 22 } },
              selectionRange: { start: { line: 2, character: 4 }, end: { line: 2, character: 39 } },
              children: [],
            },
            {
              name: 'A2.2',
              kind: FUNCTION,
              range: { start: { line: 7, character: 0 }, end: { line: 7, character: 8 } },
              selectionRange: { start: { line: 7, character: 4 }, end: { line: 7, character: 8 } },
              children: [],
            },
          ],
        },
      ]);
    });

    it('gives no symbols for text without IDs, and answers on junk', async () => {
      const inputs = ['', '# Notes\n\nNothing here.\n', '\u0000\uFFFD'.repeat(500), '### A1\n'.repeat(300), '> '.repeat(200) + '## R1 nested'];
      for (const [index, text] of inputs.entries()) {
        const uri = `untitled:junk-${index}.plan.md`;
        await client.open(uri, text);
        const result = await symbols<DocumentSymbol[]>(uri);
        assert.ok(Array.isArray(result), `input ${index}`);
        if (index < 3) assert.deepEqual(result, [], `input ${index}`);
      }
      assert.equal((await symbols<DocumentSymbol[]>('untitled:junk-3.plan.md')).length, 300);
      assert.equal(await symbols('untitled:not-open.plan.md'), null);
    });
  });

  it('gives flat symbols with container names to clients without hierarchy', async () => {
    client = await TestLspClient.start({ pull: true });
    await client.open(exampleUri, exampleText);
    const result = await symbols<SymbolInformation[]>(exampleUri);
    assert.deepEqual(
      result.slice(0, 3).map((s) => [s.name.slice(0, 20), s.kind, s.containerName ?? '-', s.location.uri === exampleUri, showRange(s.location.range)]),
      [
        ['R1 Records of child ', MODULE, '-', true, '38:0-67:69'],
        ['A1.1 Issue a recordi', FUNCTION, 'R1 Records of child protection enquiries', true, '42:0-55:70'],
        ['A1.2 Audit 40 record', FUNCTION, 'R1 Records of child protection enquiries', true, '57:0-67:69'],
      ],
    );
    assert.equal(result.length, 18);
  });
});
