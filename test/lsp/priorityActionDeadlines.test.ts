/** Areas for priority action over stdio: the deadlines as information diagnostics, and in the hover. */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Hover } from 'vscode-languageserver-protocol';
import { TestLspClient } from '../helpers/lspClient.js';
import { positionOf, textIn } from '../helpers/textPositions.js';

const PLAN = `---
as-of: 2026-07-06
inspection:
  framework: focused visit
  published: 2026-06-30
plan:
  draft: 2026-07-03
---

## P1 – Multi-agency thresholds

Ensure that all partners understand and agree on the multi-agency thresholds document.

### A1.1 Publish a revised multi-agency thresholds document with practice guidance for partners

- Owner: Safeguarding Partnership Business Manager
- Due: 31 March 2027
- Measure: document signed off by all 3 statutory safeguarding partners
`;

const EXPECTED = [
  "Priority action: the final plan is due by Wednesday 7 October 2026 (70 working days after publication on 30 June 2026); 66 working days left, counted from the plan's as-of date (6 July 2026). When it is ready, record its date as plan.final in the front matter.",
];

describe('priority-action deadlines over stdio', function () {
  this.timeout(20000);
  let client: TestLspClient;
  afterEach(async () => client?.stop());

  it('reports the deadline still to come (not the one met) as information on the P heading, with a link to the rule page (pull, as VS Code)', async () => {
    client = await TestLspClient.start({ pull: true });
    const uri = 'untitled:priority.plan.md';
    await client.open(uri, PLAN);
    const diagnostics = await client.pull(uri);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity, textIn(PLAN, d.range), d.message]), EXPECTED.map((message) => ['priority-action-deadlines', 3, 'P1', message]));
    for (const diagnostic of diagnostics) {
      const href = diagnostic.codeDescription!.href;
      assert.ok(href.endsWith('/docs/rules/priority-action-deadlines.md') && existsSync(fileURLToPath(href)), href);
    }
    await client.changeConfiguration({ rules: { 'priority-action-deadlines': 'off' } });
    await client.waitFor(() => client.refreshRequests > 0, 'a diagnostic refresh request');
    assert.deepEqual(await client.pull(uri), []);
  });

  it('pushes the same diagnostics to clients without pull (as Neovim)', async () => {
    client = await TestLspClient.start({ pull: false });
    const uri = 'untitled:priority-push.plan.md';
    await client.open(uri, PLAN);
    const { diagnostics } = await client.waitForPublished(uri, 1);
    assert.deepEqual(diagnostics.map((d) => d.message), EXPECTED);
  });

  it('shows the clock when hovering over the P heading', async () => {
    client = await TestLspClient.start({ pull: true });
    const uri = 'untitled:priority-hover.plan.md';
    await client.open(uri, PLAN);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(PLAN, '## P1', 3) });
    const value = (hover?.contents as { value: string }).value;
    assert.match(value, /^\*\*P1 Multi-agency thresholds\*\*/);
    assert.ok(
      value.endsWith(
        '**Priority action clock** from publication on Tuesday 30 June 2026\n\n' +
          '- Draft plan, 20 working days: due by Tuesday 28 July 2026 — met, 17 working days early: the draft plan is dated Friday 3 July 2026 (plan.draft)\n' +
          '- Final plan, 70 working days: due by Wednesday 7 October 2026 — 66 working days left\n\n' +
          "Working days leave out weekends and bank holidays in England and Wales. Counted from the plan's as-of date, Monday 6 July 2026.",
      ),
      value,
    );
  });
});
