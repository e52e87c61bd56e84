/** Each example plan gets exactly the diagnostics test/fixtures/examples.ts promises. */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXAMPLE_DIAGNOSTICS } from '../../fixtures/examples.js';
import { SOURCE, byLine, codeOf, isOpen, lineCodes, openAndWait, workspaceFile } from './helpers.js';

suite('diagnostics of the examples', () => {
  for (const [name, expected] of Object.entries(EXAMPLE_DIAGNOSTICS)) {
    test(`examples/${name}: ${expected.length} diagnostic(s), as in test/fixtures/examples.ts`, async () => {
      const uri = workspaceFile(name);
      const want = JSON.stringify(byLine(expected));
      // For the clean example "no diagnostics" holds before the server has answered: when the
      // document is not open yet, only diagnostics reported after opening it count.
      const { diagnostics } = await openAndWait(uri, (d) => JSON.stringify(lineCodes(d)) === want, `the diagnostics ${want}`, {
        afterEvent: !isOpen(uri),
      });

      assert.deepEqual(lineCodes(diagnostics), byLine(expected));
      const all = vscode.languages.getDiagnostics(uri);
      assert.deepEqual(
        all.filter((d) => d.source !== SOURCE).map((d) => `${d.source}: ${d.message}`),
        [],
        'diagnostics from another source',
      );
      for (const d of diagnostics) {
        assert.equal(d.source, SOURCE);
        assert.ok(d.message.length > 0, 'empty message');
        assert.ok(!d.range.isEmpty, `empty range for ${codeOf(d)} on line ${d.range.start.line + 1}`);
        // The code links to the rule's page in docs/rules.
        const target = typeof d.code === 'object' ? d.code.target : undefined;
        assert.ok(target?.path.endsWith(`/docs/rules/${codeOf(d)}.md`), `code of line ${d.range.start.line + 1} links to ${target}`);
      }
    });
  }
});
