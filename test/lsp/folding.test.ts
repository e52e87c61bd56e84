/** Folding ranges over stdio: front matter, sections, field lists and sub-lists, as whole lines. */
import assert from 'node:assert/strict';
import type { FoldingRange } from 'vscode-languageserver-protocol';
import { TestLspClient } from '../helpers/lspClient.js';

const PLAN = `---
title: Plan
as-of: 2025-10-31
---

# Plan

## R1 Out-of-hours services

Services to children out of hours.

### A1.1 Recruit 4 social workers

- Milestones:
  - 31 July 2025: posts advertised
  - 30 September 2025: 4 appointed
- Owner: Head of Service

### A1.2 Visit children in custody
- Owner: Head of Service

\`\`\`
# not a heading
\`\`\`

## R2 Early help
`;

describe('folding ranges over stdio', function () {
  this.timeout(20000);
  let client: TestLspClient;
  afterEach(async () => client?.stop());

  const folds = (uri: string) => client.request<FoldingRange[] | null>('textDocument/foldingRange', { textDocument: { uri } });

  it('folds the front matter, each section, each field list, one fold per line', async () => {
    client = await TestLspClient.start({ pull: true });
    assert.equal(client.initializeResult.capabilities.foldingRangeProvider, true);
    const uri = 'untitled:folding.plan.md';
    await client.open(uri, PLAN);
    assert.deepEqual(await folds(uri), [
      { startLine: 0, endLine: 3 }, // front matter
      { startLine: 5, endLine: 25 }, // # Plan: "## R2" is a level below it, so the section runs to the end
      { startLine: 7, endLine: 23 }, // R1
      { startLine: 11, endLine: 16 }, // A1.1 (its Milestones sub-list starts on the line of its field list: the outer fold wins)
      { startLine: 13, endLine: 16 }, // A1.1's fields
      { startLine: 18, endLine: 23 }, // A1.2 (its one-line field list and "## R2" on one line are not folded)
    ]);
  });

  it('follows edits, honours the client\'s range limit, and answers on junk', async () => {
    client = await TestLspClient.start({ pull: true, capabilities: { textDocument: { foldingRange: { rangeLimit: 2 } } } });
    const uri = 'untitled:limit.plan.md';
    await client.open(uri, PLAN);
    assert.deepEqual(await folds(uri), [{ startLine: 0, endLine: 3 }, { startLine: 5, endLine: 25 }]);
    await client.change(uri, 2, [{ text: PLAN.replace('---\ntitle: Plan\nas-of: 2025-10-31\n---\n', '') }]);
    assert.deepEqual(await folds(uri), [{ startLine: 1, endLine: 21 }, { startLine: 3, endLine: 19 }]);
    for (const [index, text] of ['', '\r\n\r\n', '#\n#\n#', '```\n## R1\n', '- '.repeat(3000) + 'x', '\uFEFF---\r\n---\r\n## R1\r\n\r\ntext\r\n'].entries()) {
      const junk = `untitled:junk-${index}.plan.md`;
      await client.open(junk, text);
      const result = await folds(junk);
      assert.ok(Array.isArray(result), `input ${index}`);
      for (const fold of result!) assert.ok(fold.startLine < fold.endLine && fold.endLine < text.split(/\r?\n/).length, `input ${index}`);
    }
    assert.equal(await folds('untitled:not-open.plan.md'), null);
  });
});
