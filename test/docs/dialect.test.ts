/**
 * docs/dialect.md is tested like the rule pages: every ```markdown example is linted on its own
 * ("today" fixed) and must produce exactly the codes in the `<!-- expect: ... -->` comment after it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { lintText } from '../../server/src/engine/index.js';
import { readExamples } from '../helpers/markdownExamples.js';
import { DOCS_TODAY } from './rules.test.js';

describe('docs/dialect.md', () => {
  const page = readFileSync(new URL('../../docs/dialect.md', import.meta.url), 'utf8');
  const examples = readExamples(page);

  it('has tested examples', () => assert.ok(examples.length >= 10, `${examples.length} examples`));

  for (const example of examples) {
    it(`example on line ${example.line} produces the codes its comment states`, () => {
      assert.ok(example.expectComment !== undefined, 'every example is followed by <!-- expect: ... -->');
      const expected = example.expectComment === 'none' ? [] : example.expectComment.split(/\s*,\s*/).sort();
      const actual = lintText(example.source, { today: DOCS_TODAY }).diagnostics.map((d) => d.code).sort();
      assert.deepEqual(actual, expected);
    });
  }
});
