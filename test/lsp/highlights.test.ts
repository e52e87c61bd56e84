/** Document highlights over stdio: every occurrence of the ID under the cursor in the plan. */
import assert from 'node:assert/strict';
import type { DocumentHighlight } from 'vscode-languageserver-protocol';
import { TestLspClient } from '../helpers/lspClient.js';
import { positionOf, showRange } from '../helpers/planWorkspace.js';

const PLAN = `## R1 Out-of-hours services

Services to children out of hours.

### A1.1 Recruit 4 social workers

- Links: R2

## Recommendation 2: Consistency of practitioners

### Action 2.1 Convert 30 agency posts

# Cross-cutting

### A5 Present a monthly dashboard

- Links: R1, Recommendation 2; R9
`;

// DocumentHighlightKind: Read for Links entries, Write for the declaring heading.
const READ = 2;
const WRITE = 3;

describe('document highlights over stdio', function () {
  this.timeout(20000);
  let client: TestLspClient;
  const uri = 'untitled:highlights.plan.md';

  beforeEach(async () => {
    client = await TestLspClient.start({ pull: true });
    await client.open(uri, PLAN);
  });
  afterEach(async () => client?.stop());

  const highlights = async (position: { line: number; character: number }, documentUri = uri) => {
    const result = await client.request<DocumentHighlight[] | null>('textDocument/documentHighlight', { textDocument: { uri: documentUri }, position });
    return result && result.map((h) => `${showRange(h.range)} ${h.kind}`);
  };

  it('highlights the heading and every Links entry of a recommendation, whichever form they are written in', async () => {
    assert.equal(client.initializeResult.capabilities.documentHighlightProvider, true);
    const expected = [`6:9-6:11 ${READ}`, `8:3-8:19 ${WRITE}`, `16:13-16:29 ${READ}`];
    assert.deepEqual(await highlights(positionOf(PLAN, 'R2')), expected);
    assert.deepEqual(await highlights(positionOf(PLAN, 'Recommendation 2', 0, 9)), expected);
    assert.deepEqual(await highlights(positionOf(PLAN, 'R1', 1, 2)), [`0:3-0:5 ${WRITE}`, `16:9-16:11 ${READ}`]);
  });

  it('highlights an undeclared ID, an action heading, and nothing off an ID', async () => {
    assert.deepEqual(await highlights(positionOf(PLAN, 'R9')), [`16:31-16:33 ${READ}`]);
    assert.deepEqual(await highlights(positionOf(PLAN, 'Action 2.1', 0, 7)), [`10:4-10:14 ${WRITE}`]);
    assert.deepEqual(await highlights(positionOf(PLAN, 'Convert')), []);
    assert.deepEqual(await highlights({ line: 500, character: 0 }), []);
    assert.equal(await highlights({ line: 0, character: 0 }, 'untitled:not-open.plan.md'), null);
  });
});
