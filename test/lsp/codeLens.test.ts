/** Code lenses over stdio: the plan's counts on its title, each recommendation's on its heading, each action's SMART score. */
import assert from 'node:assert/strict';
import type { CodeLens } from 'vscode-languageserver-protocol';
import { example } from '../fixtures/examples.js';
import { TestLspClient } from '../helpers/lspClient.js';
import { onLine } from '../helpers/textPositions.js';

const { uri: exampleUri, text: exampleText } = example('westmorland-and-furness.plan.md');

describe('code lenses over stdio', function () {
  this.timeout(20000);
  let client: TestLspClient;
  beforeEach(async () => {
    client = await TestLspClient.start({ pull: true });
  });
  afterEach(async () => client.stop());

  const lenses = async (uri: string) =>
    ((await client.request<CodeLens[] | null>('textDocument/codeLens', { textDocument: { uri } })) ?? []).map((lens) => [lens.range, lens.command?.title, lens.command?.command]);

  it('declares a code lens provider', () => {
    assert.deepEqual(client.initializeResult.capabilities.codeLensProvider, { resolveProvider: false });
  });

  it('labels the title, every recommendation and every action of examples/westmorland-and-furness.plan.md, with no command to run', async () => {
    await client.open(exampleUri, exampleText);
    assert.deepEqual(await lenses(exampleUri), [
      [onLine(30, 0, 63), '13 actions: 2 not started · 5 amber · 4 green · 2 blue', ''],
      [onLine(38, 0, 43), '3 actions · 1 amber · 1 green · 1 blue', ''],
      [onLine(42, 0, 91), 'SMART 5/5', ''],
      [onLine(57, 0, 99), 'SMART 5/5', ''],
      [onLine(69, 0, 22), '4 actions · 2 not started · 1 amber · 1 green', ''],
      [onLine(74, 0, 97), 'SMART 5/5', ''],
      [onLine(87, 0, 103), 'SMART 5/5', ''],
      [onLine(96, 0, 93), 'SMART 5/5', ''],
      [onLine(105, 0, 21), '3 actions · 2 amber · 1 green', ''],
      [onLine(109, 0, 115), 'SMART 5/5', ''],
      [onLine(122, 0, 96), 'SMART 5/5', ''],
      [onLine(130, 0, 26), '2 actions · 1 not started · 1 amber', ''],
      [onLine(135, 0, 76), 'SMART 5/5', ''],
      [onLine(144, 0, 88), 'SMART 5/5', ''],
      [onLine(152, 0, 34), '3 actions · 1 amber · 1 green · 1 blue', ''],
      [onLine(157, 0, 105), 'SMART 5/5', ''],
      [onLine(167, 0, 109), 'SMART 5/5', ''],
      [onLine(176, 0, 94), 'SMART 5/5', ''],
      [onLine(187, 0, 118), 'SMART 5/5', ''],
    ]);
  });

  it('counts overdue actions, and puts the plan summary at the top when only the front matter has a title', async () => {
    const uri = 'untitled:lenses.plan.md';
    const text = `---
title: Early help improvement plan
as-of: 2025-11-01
---

## R1 Early help

### A1.1 Launch an online early help request form for schools

- Due: 30 September 2025
- Status: Amber

### A1.2 Recruit 6 early help key workers

- Due: 31 March 2026
- Status: Red

## R2 LADO oversight
`;
    await client.open(uri, text);
    assert.deepEqual(await lenses(uri), [
      [onLine(0, 0, 3), '2 actions: 1 red · 1 amber · 1 overdue', ''],
      [onLine(5, 0, 16), '2 actions · 1 overdue · 1 red · 1 amber', ''],
      [onLine(7, 0, 61), 'SMART 4/5 · fails M', ''],
      [onLine(12, 0, 41), 'SMART 4/5 · fails M', ''],
      [onLine(17, 0, 20), 'No actions yet', ''],
    ]);
    // The author adds a title heading: the summary moves onto it.
    await client.change(uri, 2, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: '# Early help\n' }]);
    assert.deepEqual((await lenses(uri))[0], [onLine(4, 0, 12), '2 actions: 1 red · 1 amber · 1 overdue', '']);
  });

  it('gives no lenses for text that declares nothing, and survives junk', async () => {
    for (const [index, text] of ['', 'Notes only.\n', '---\n: [\n---\n## R', '\uFEFF# T\r\n## R1\r\n### A1\r\n- Due: 2025-01-01\r\n'].entries()) {
      const uri = `untitled:junk-lens-${index}.plan.md`;
      await client.open(uri, text);
      const result = await lenses(uri);
      if (index < 2) assert.deepEqual(result, []);
    }
    assert.ok(client.alive);
  });
});
