/**
 * Any text at all gives diagnostics or nothing: never an exception, never a range outside the
 * document or one that splits a surrogate pair. Generated with fast-check; bounded for CI.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { lintText } from '../../server/src/engine/index.js';
import { EXAMPLE_DIAGNOSTICS, examplesFolder } from '../fixtures/examples.js';

const examples = Object.keys(EXAMPLE_DIAGNOSTICS).map((name) => readFileSync(new URL(name, examplesFolder), 'utf8'));

// Pieces of the dialect, so that generated text often looks like a plan.
const fragment = fc.constantFrom(
  '---\n', 'as-of: 2025-11-01\n', 'rules:\n  no-owner: off\n', 'owners:\n  - Head\n', '## R1 Title\n', '### A1.1 Run 4 audits\n', '# Other\n',
  '- Owner: TBC\n', '- **Due:** Q3 2025/26\n', '- Links: R1, R9\n', '- Status: Yellow\n', '- Measure: 95%\n', '  - 31 March 2026: step\n',
  '<!-- plan-ignore no-owner -->\n', '> quote\n', '```\n', '\r\n', '\t', '\uFEFF', '\u{1F600}', '\u0000', ':', '**', '\n\n',
);
const planLikeText = fc.array(fc.oneof(fragment, fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 10 })), { maxLength: 40 }).map((parts) => parts.join(''));

function assertWellFormed(text: string): void {
  const { diagnostics } = lintText(text, { today: '2025-11-01' });
  for (const d of diagnostics) {
    assert.ok(0 <= d.range.start && d.range.start <= d.range.end && d.range.end <= text.length, `range ${d.range.start}-${d.range.end} in ${text.length}`);
    for (const offset of [d.range.start, d.range.end]) {
      const code = text.charCodeAt(offset);
      assert.ok(!(code >= 0xdc00 && code <= 0xdfff && offset > 0), 'range does not split a surrogate pair');
    }
    assert.ok(d.message.length > 0);
  }
}

describe('robustness on any text', function () {
  // Property runs: bounded, but slow on a busy 2-core machine.
  this.timeout(120_000);
  it('never throws and keeps ranges inside the text (arbitrary strings)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), assertWellFormed), { numRuns: 300 });
  });

  it('never throws and keeps ranges inside the text (plan-like text)', () => {
    fc.assert(fc.property(planLikeText, assertWellFormed), { numRuns: 500 });
  });

  it('never throws after random edits of the examples', () => {
    const edit = fc.record({ example: fc.nat(examples.length - 1), at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(40), insert: fc.oneof(fragment, fc.string({ maxLength: 8 })) });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 10 }), (edits) => {
        let text = examples[edits[0]!.example]!;
        for (const { at, remove, insert } of edits) {
          const offset = Math.floor(at * text.length);
          text = text.slice(0, offset) + insert + text.slice(offset + remove);
          assertWellFormed(text);
        }
      }),
      { numRuns: 40 },
    );
  });
});
