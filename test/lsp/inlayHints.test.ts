/** Inlay hints over stdio: days left or overdue after each Due value, and the setting that turns them off. */
import assert from 'node:assert/strict';
import type { InlayHint, Range } from 'vscode-languageserver-protocol';
import { example } from '../fixtures/examples.js';
import { TestLspClient } from '../helpers/lspClient.js';

const { uri: exampleUri, text: exampleText } = example('westmorland-and-furness.plan.md');
const WHOLE: Range = { start: { line: 0, character: 0 }, end: { line: 1000, character: 0 } };

const PLAN = `---
as-of: 2025-11-01
---

## R1 Early help

### A1.1 Launch an online early help request form for schools
- Due: 30 September 2025
- Status: Amber

### A1.2 Publish the early help guide for schools
- Due: 1 November 2025 (revised)

### A1.3 Train 40 early help workers
- Due: Q4 2025/26

### A1.4 Appoint a coordinator
- Due: 31 October 2025
- Status: Complete

### A1.5 Review the thresholds document
- Due: ongoing
`;

describe('inlay hints over stdio', function () {
  this.timeout(20000);
  let client: TestLspClient;
  afterEach(async () => client.stop());

  const hints = async (uri: string, range = WHOLE) =>
    ((await client.request<InlayHint[] | null>('textDocument/inlayHint', { textDocument: { uri }, range })) ?? []).map((hint) => [
      hint.position.line,
      hint.position.character,
      hint.label,
    ]);

  describe('as VS Code', () => {
    beforeEach(async () => {
      client = await TestLspClient.start({ pull: true });
    });

    it('declares an inlay hint provider', () => {
      assert.deepEqual(client.initializeResult.capabilities.inlayHintProvider, { resolveProvider: false });
    });

    it('shows days left after each unfinished Due value of examples/westmorland-and-furness.plan.md', async () => {
      await client.open(exampleUri, exampleText);
      assert.deepEqual(await hints(exampleUri), [
        [60, 24, 'in 182 days'],
        [77, 17, 'in 92 days'],
        [91, 17, 'in 182 days'],
        [99, 23, 'in 151 days'],
        [116, 17, 'in 182 days'],
        [125, 31, 'in 123 days'],
        [138, 17, 'in 243 days'],
        [147, 17, 'in 273 days'],
        [170, 23, 'in 273 days'],
        [179, 24, 'in 182 days'],
        [194, 20, 'in 212 days'],
      ]);
      const [first] = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: exampleUri }, range: WHOLE });
      assert.equal(first!.paddingLeft, true);
      assert.equal(first!.tooltip, "A1.2 is due on Tuesday 31 March 2026, counted from the plan's as-of date, Tuesday 30 September 2025.");
    });

    it('answers for the range asked only', async () => {
      await client.open(exampleUri, exampleText);
      assert.deepEqual(await hints(exampleUri, { start: { line: 100, character: 0 }, end: { line: 140, character: 0 } }), [
        [116, 17, 'in 182 days'],
        [125, 31, 'in 123 days'],
        [138, 17, 'in 243 days'],
      ]);
    });

    it('says overdue or today, and gives no hint for finished actions or unreadable dates', async () => {
      const uri = 'untitled:hints.plan.md';
      await client.open(uri, PLAN);
      assert.deepEqual(await hints(uri), [
        [7, 24, 'overdue by 32 days'],
        [11, 32, 'today'],
        [14, 17, 'in 150 days'],
      ]);
    });

    it('gives none when improvementPlan.inlayHints.dueDates is false', async () => {
      const uri = 'untitled:hints-off.plan.md';
      await client.open(uri, PLAN);
      await client.changeConfiguration({ inlayHints: { dueDates: false } });
      assert.deepEqual(await hints(uri), []);
      await client.changeConfiguration({ inlayHints: { dueDates: true } });
      assert.equal((await hints(uri)).length, 3);
    });
  });

  it('asks a client that supports it to refresh its hints when settings change', async () => {
    client = new TestLspClient({
      pull: true,
      capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, inlayHint: { refreshSupport: true } } },
    });
    let refreshes = 0;
    client.onServerRequest('workspace/inlayHint/refresh', () => {
      refreshes++;
      return null;
    });
    await client.initialize();
    await client.open('untitled:refresh.plan.md', PLAN);
    await client.changeConfiguration({ inlayHints: { dueDates: false } });
    for (let waited = 0; refreshes === 0 && waited < 5000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(refreshes, 1);
    assert.deepEqual(await hints('untitled:refresh.plan.md'), []);
  });

  it('works for clients that push settings (as Neovim)', async () => {
    client = await TestLspClient.start({ pull: false, capabilities: { workspace: {} } });
    await client.open('untitled:push.plan.md', PLAN);
    assert.equal((await hints('untitled:push.plan.md')).length, 3);
    await client.changeConfiguration({ inlayHints: { dueDates: false } });
    assert.deepEqual(await hints('untitled:push.plan.md'), []);
  });
});
