/** Hover over stdio: recommendations, action headings with their SMART result, and Due values. */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hover, Position } from 'vscode-languageserver-protocol';
import { example } from '../fixtures/examples.js';
import { TestLspClient } from '../helpers/lspClient.js';
import { onLine, positionOf } from '../helpers/textPositions.js';

const { uri: exampleUri, text: exampleText } = example('westmorland-and-furness.plan.md');

describe('hover over stdio', function () {
  this.timeout(20000);
  let client: TestLspClient;
  beforeEach(async () => {
    client = await TestLspClient.start({ pull: true });
  });
  afterEach(async () => client.stop());

  const hover = (uri: string, position: Position) => client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
  const markdown = (value: string) => ({ kind: 'markdown', value });

  it('declares a hover provider', () => {
    assert.equal(client.initializeResult.capabilities.hoverProvider, true);
  });

  describe('on examples/westmorland-and-furness.plan.md', () => {
    beforeEach(async () => client.open(exampleUri, exampleText));

    it('shows an action heading: what it addresses, its fields as written, and SMART letter by letter', async () => {
      assert.deepEqual(await hover(exampleUri, positionOf(exampleText, '### A5.3', 30)), {
        contents: markdown(
          [
            '**A5.3** Train 150 council staff and partner practitioners on the local offer for care leavers',
            'Addresses R5 (Local offer for care leavers).',
            '- **Owner:** Head of Workforce Development\n- **Due:** end of March 2026\n- **Target:** 150 practitioners trained, including 40 from health, housing and the Department for Work and Pensions; 80% score 4 out of 5 or more in the post-training quiz\n- **Status:** Amber',
            '**SMART 5/5**',
            '- **S** Specific: passed\n- **M** Measurable: passed\n- **A** Achievable: passed\n- **R** Relevant: passed\n- **T** Time-bound: passed',
          ].join('\n\n'),
        ),
        range: onLine(176, 0, 94),
      });
    });

    it('shows a recommendation named in Links, with every action addressing it and its status', async () => {
      assert.deepEqual(await hover(exampleUri, positionOf(exampleText, 'R1, R3', 4)), {
        contents: markdown(
          [
            '**R3 Life-story work**',
            'The completion of life-story work for children in care.',
            'Addressed by 3 actions:',
            '- A3.1 Start planned life-story work for every child in care living with kinship carers or planned to return home — Amber\n' +
              '- A3.2 Train 60 social workers and 30 kinship carers in life-story work and later life letters — Green\n' +
              '- A6.1 Launch the new case recording system with redesigned forms for child protection enquiries and life-story work — Amber, through Links',
          ].join('\n\n'),
        ),
        range: onLine(195, 13, 15),
      });
    });

    it('shows a recommendation from its heading', async () => {
      const result = await hover(exampleUri, positionOf(exampleText, '## R4', 3));
      assert.deepEqual(result?.range, onLine(130, 0, 26));
      assert.match((result?.contents as { value: string }).value, /^\*\*R4 Care leavers' health\*\*\n\n.*\n\nAddressed by 2 actions:\n\n- A4.1 .* — Not started\n- A4.2 .* — Amber$/);
    });

    it('reads a Due value: the date, its weekday and the days left against as-of', async () => {
      assert.deepEqual(await hover(exampleUri, positionOf(exampleText, 'Due: end of March 2026', 10)), {
        contents: markdown("**Due:** Tuesday 31 March 2026 — in 182 days\n\nCounted from the plan's as-of date, Tuesday 30 September 2025."),
        range: onLine(179, 7, 24),
      });
      assert.deepEqual((await hover(exampleUri, positionOf(exampleText, 'Due: 2025-04-30', 5)))?.contents, markdown(
        "**Due:** Wednesday 30 April 2025 — complete\n\nCounted from the plan's as-of date, Tuesday 30 September 2025.",
      ));
    });

    it('shows nothing in the front matter, in prose, on a blank line or past the end', async () => {
      for (const position of [{ line: 4, character: 5 }, positionOf(exampleText, 'The quality of written', 5), { line: 29, character: 0 }, { line: 400, character: 0 }]) {
        assert.equal(await hover(exampleUri, position), null, JSON.stringify(position));
      }
    });
  });

  it('shows failed letters with their reasons, and rules turned off in settings, .planrc or front matter as not checked', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'hover-'));
    writeFileSync(path.join(folder, '.planrc.json'), '{ "rules": { "smart-relevant": "off" } }');
    const uri = pathToFileURL(path.join(folder, 'plan.plan.md')).href;
    const text = `---\nas-of: 2025-11-01\nrules:\n  smart-time-bound: off\n---\n\n## R1 Early help\n\n<!-- plan-ignore smart-specific -->\n### A1.1 Ensure partners understand thresholds\n\n- Owner: Head of Early Help\n- Measure: better outcomes\n`;
    await client.changeConfiguration({ rules: { 'smart-achievable': 'off' } });
    await client.open(uri, text);
    const result = await hover(uri, positionOf(text, '### A1.1'));
    assert.deepEqual(result, {
      contents: markdown(
        [
          '**A1.1** Ensure partners understand thresholds',
          'Addresses R1 (Early help).',
          '- **Owner:** Head of Early Help\n- **Measure:** better outcomes',
          '**SMART 0/1**',
          '- **S** Specific: not checked: silenced by a plan-ignore comment\n' +
            '- **M** Measurable: failed: "better outcomes" states an aim ("better outcomes"), not a measure: name a number, a percentage, a baseline and target, or an artefact such as an audit or a report signed off by the board.\n' +
            '- **A** Achievable: not checked: the rule is turned off\n' +
            '- **R** Relevant: not checked: the rule is turned off\n' +
            '- **T** Time-bound: not checked: the rule is turned off',
        ].join('\n\n'),
      ),
      range: onLine(9, 0, 46),
    });
  });
});
