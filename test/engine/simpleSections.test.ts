/**
 * The fast section reader must give exactly the blocks remark gives, for every section it accepts,
 * and must accept the sections plans are usually made of (or it saves nothing).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { readSectionWithRemark } from '../../server/src/engine/parse.js';
import { splitSections } from '../../server/src/engine/sections.js';
import { readSimpleSection } from '../../server/src/engine/simpleSections.js';
import { EXAMPLE_DIAGNOSTICS, examplesFolder } from '../fixtures/examples.js';

const examples = Object.keys(EXAMPLE_DIAGNOSTICS).map((name) => readFileSync(new URL(name, examplesFolder), 'utf8'));
const sectionsOf = (text: string): string[] => splitSections(text).map(({ start, end }) => text.slice(start, end));

// Lines of plan sections, and lines near the edge of what the fast reader accepts.
const line = fc.constantFrom(
  '- Owner: Head of Service', '- **Owner:** Head of Service', '- __Due__: Q3 2025/26', '- Measure: 95% of 40 files', '- Links: R1, R2', '- Status: Amber',
  '  - 1 May 2026: plan agreed', '  - 2 May 2026: first audit', '    continued sub-item', '  continued item', 'lazy continuation', 'Paragraph text.',
  '', '', '  ', '- ', '-  two spaces', '  -  x', '   - three', ' - one', '1. ordered', '2) ordered', '10.5 per cent', '2025/26 starts',
  '* star', '+ plus', '---', '- - -', '***', '___', '===', '> quote', '<!-- plan-ignore no-owner -->', '<div>', 'text <b>x</b>', '`code`', '```', '~~~',
  '    indented code', '[ref]: https://example.org', '[^1]: note', '| a | b |', 'a | b', '- [ ] task', '- [x] done', '#not heading', '# inside',
  '\u00A0nbsp', '\uFEFF', ' \u00A0 ', 'text\u00A0', '"Quoted"', '(aside)', '£5,000 budget', '**bold** start', '***both***', '_em_', 'Title ##', '- 1. nested ordered', '- > quoted', '- # heading',
);
const heading = fc.constantFrom('## R1 Title\u00A0', '## R1 Title\uFEFF', '## R1 Title', '### A1.1 Run audits', '#### Notes', '# Plan', '## R2', '### A2 Title  ', '## R3 Closing ##', '##   R4 spaced', '### A3 *Emphasis* end');
const section = fc
  .tuple(heading, fc.array(line, { maxLength: 14 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
  .map(([head, lines, eol, finalEol]) => [head, ...lines].join(eol) + (finalEol ? eol : ''));

describe('fast section reader', function () {
  this.timeout(120_000);

  it('gives the blocks remark gives, for every section it accepts', () => {
    let accepted = 0;
    fc.assert(
      fc.property(section, (text) => {
        const fast = readSimpleSection(text);
        if (fast === undefined) return;
        accepted++;
        assert.deepStrictEqual(fast, readSectionWithRemark(text), JSON.stringify(text));
      }),
      { numRuns: 3000 },
    );
    assert.ok(accepted > 300, `only ${accepted} of 3000 generated sections were read fast`);
  });

  it('reads most sections of the examples, the same as remark', () => {
    const sections = examples.flatMap(sectionsOf);
    const read = sections.filter((text) => {
      const fast = readSimpleSection(text);
      if (fast) assert.deepStrictEqual(fast, readSectionWithRemark(text), JSON.stringify(text));
      return fast !== undefined;
    });
    assert.ok(read.length / sections.length > 0.6, `${read.length} of ${sections.length} example sections read fast`);
  });

  it('leaves tables, quotes, comments, ordered lists and tabs to remark', () => {
    for (const text of ['## R1\n\n| a | b |\n| - | - |\n', '## R1\n\n> quote\n', '### A1\n<!-- x -->\n', '### A1\n\n1. step\n', '### A1\n\n-\tOwner: x\n', '### A1\nText\n===\n']) {
      assert.equal(readSimpleSection(text), undefined, text);
    }
  });
});
