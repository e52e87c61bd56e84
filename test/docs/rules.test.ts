/**
 * Every rule's documentation page is its test fixture: each ```markdown example is linted
 * with "today" fixed, and the rule must report exactly the ```text block after it (nothing
 * when there is none).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { RULES, lintText } from '../../server/src/engine/index.js';
import { formatDiagnostics } from '../helpers/format.js';
import { readExamples } from '../helpers/markdownExamples.js';

export const DOCS_TODAY = '2025-11-01';
const docsFolder = new URL('../../docs/rules/', import.meta.url);

describe('rule documentation pages', () => {
  it('has exactly one page per rule', () => {
    const pages = readdirSync(docsFolder).filter((f) => f.endsWith('.md')).map((f) => f.replace(/\.md$/, '')).sort();
    assert.deepEqual(pages, RULES.map((rule) => rule.code).sort());
  });

  for (const rule of RULES) {
    describe(rule.code, () => {
      const file = new URL(`${rule.code}.md`, docsFolder);
      if (!existsSync(file)) {
        it('has a documentation page', () => assert.fail(`docs/rules/${rule.code}.md is missing`));
        return;
      }
      const page = readFileSync(file, 'utf8');
      const examples = readExamples(page);

      it('has at least one example that passes and one that fails', () => {
        assert.ok(examples.some((e) => e.expected === undefined), 'no passing example');
        assert.ok(examples.some((e) => e.expected !== undefined), 'no failing example');
      });

      it('states its default severity', () => {
        assert.match(page, new RegExp(`Default severity: \\*\\*${rule.defaultSeverity}\\*\\*`));
      });

      for (const example of examples) {
        it(`example on line ${example.line} reports ${example.expected === undefined ? 'nothing' : 'what the page says'}`, () => {
          const { diagnostics } = lintText(example.source, { today: DOCS_TODAY });
          const actual = formatDiagnostics(example.source, diagnostics.filter((d) => d.code === rule.code));
          const expected = example.expected?.split('\n').filter((line) => line.trim() !== '') ?? [];
          assert.deepEqual(actual, expected);
        });
      }
    });
  }
});
