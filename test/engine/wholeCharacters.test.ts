/** Diagnostic ranges never split a character written as a surrogate pair (found by `npm run fuzz`). */
import assert from 'node:assert/strict';
import { lintText } from '../../server/src/engine/index.js';

describe('diagnostic ranges and surrogate pairs', () => {
  it('widens a range that would start or end inside a pair, such as a YAML error position', () => {
    const text = '---\ntitle: \u{6E991}f: someday\n---\n\n## R1 Supervision\n';
    const { diagnostics } = lintText(text);
    assert.ok(diagnostics.some((d) => d.code === 'front-matter'), 'the front matter is not valid YAML');
    const splits = (at: number): boolean => /[\uDC00-\uDFFF]/.test(text[at] ?? '') && /[\uD800-\uDBFF]/.test(text[at - 1] ?? '');
    for (const { range } of diagnostics) assert.ok(!splits(range.start) && !splits(range.end), JSON.stringify(range));
  });
});
