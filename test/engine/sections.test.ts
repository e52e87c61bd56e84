/**
 * Sectioned, cached parsing must give exactly the plan a whole-text parse gives: after any text,
 * and after any sequence of edits with the cache carried from one version to the next.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parsePlan, parsePlanWhole, SectionCache } from '../../server/src/engine/parse.js';
import { changeBetween, splitSections, splitSectionsAfterChange } from '../../server/src/engine/sections.js';
import { EXAMPLE_DIAGNOSTICS, examplesFolder } from '../fixtures/examples.js';

const examples = Object.keys(EXAMPLE_DIAGNOSTICS).map((name) => readFileSync(new URL(name, examplesFolder), 'utf8'));

// Lines that start, end or hide headings: fences, HTML blocks, front matter, setext underlines, containers.
const line = fc.constantFrom(
  '# Plan', '## R1 Title', '#', '######', '### A1.1 Run 4 audits', '#### Notes', '#no-space', '  # indented', '    # code',
  '- Owner: TBC', '- Due: Q3 2025/26', '- Links: R1', '  - 31 March 2026: step', '> quote', '> # quoted heading', '- # heading in list',
  '```', '~~~', '````', '```js', '<!-- plan-ignore no-owner -->', '<!--', '-->', '<div>', '</div>', '<script>', '</script>', '<?php', '?>',
  '---', '===', '...', 'Paragraph text', '', '', '[ref]: https://example.org', '| a | b |', '| - | - |', '\t# tab', 'title: x', '# comment in yaml',
);
const planText = fc.tuple(fc.array(line, { maxLength: 40 }), fc.constantFrom('\n', '\r\n'), fc.boolean()).map(([lines, eol, bom]) => (bom ? '\uFEFF' : '') + lines.join(eol));

describe('sectioned parsing', function () {
  // Property runs: bounded, but slow on a busy 2-core machine.
  this.timeout(120_000);
  it('cuts before top-level ATX headings only', () => {
    const text = '---\n# yaml comment\n---\n# Plan\n```\n# not a heading\n```\n## R1\n<!--\n\n# inside a comment\n-->\n### A1\n';
    const cuts = splitSections(text).map((s) => text.slice(s.start, s.end).split('\n')[0]);
    assert.deepEqual(cuts, ['---', '# Plan', '## R1', '### A1']);
  });

  it('gives the same plan as a whole-text parse, for any text', () => {
    fc.assert(fc.property(planText, (text) => assert.deepStrictEqual(parsePlan(text), parsePlanWhole(text))), { numRuns: 400 });
    // Under a `---` first line, closed or not.
    fc.assert(fc.property(planText, (text) => assert.deepStrictEqual(parsePlan(`---\n${text}`), parsePlanWhole(`---\n${text}`))), { numRuns: 300 });
  });

  it('makes no cut where an HTML start may be a paragraph line, or a block may still be open', () => {
    const awkward = [
      '-->\n</script>\n<!--\n\n### A1.1 Run 4 audits',
      '</div>\n<script>\n</script>\n## R1 Title',
      '<div>\n<!--\n-->\n### A1.1 Run 4 audits',
      '<div>\n~~~\n\n~~~\n\n## R1 Title',
      '<div>\n?>\n```js\n\n```\n\n### A1.1 Run 4 audits',
      // A carriage return alone ends a line: the fence opens on a line of its own.
      '\uFEFF\r```\n## R3 Supervision',
    ];
    for (const text of awkward) assert.deepStrictEqual(parsePlan(text), parsePlanWhole(text), JSON.stringify(text));
  });

  it('reads a `---` first line that is never closed as no front matter: cut at headings, lists read everywhere', () => {
    const text = '---\ntitle: x\n- a\n# Plan\n## R1\nText\n### A1.1 Run 4 audits\n- Owner: DCS\n';
    const cuts = splitSections(text).map((s) => text.slice(s.start, s.end).split('\n')[0]);
    assert.deepEqual(cuts, ['---', '# Plan', '## R1', '### A1.1 Run 4 audits']);
    assert.deepStrictEqual(parsePlan(text), parsePlanWhole(text));
    assert.equal(parsePlan(text).actions[0]!.fields[0]!.name, 'owner');
    // No cut is sure after an HTML start that may continue a paragraph: the first section then holds headings too.
    const uncut = '---\n...\n</script>\n## R1 Title\n> # quoted heading';
    assert.deepStrictEqual(parsePlan(uncut), parsePlanWhole(uncut));
  });

  it('gives the same plan as a whole-text parse for the examples', () => {
    for (const text of examples) assert.deepStrictEqual(parsePlan(text), parsePlanWhole(text));
  });

  it('keeps agreeing with a whole-text parse while a cache is carried through random edits', () => {
    const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(30), insert: fc.oneof(line.map((l) => `${l}\n`), fc.string({ maxLength: 3 })) });
    fc.assert(
      fc.property(fc.nat(examples.length - 1), fc.array(edit, { minLength: 1, maxLength: 25 }), (which, edits) => {
        const cache = new SectionCache();
        let text = examples[which]!;
        parsePlan(text, cache);
        for (const { at, remove, insert } of edits) {
          const offset = Math.floor(at * text.length);
          text = text.slice(0, offset) + insert + text.slice(offset + remove);
          assert.deepStrictEqual(parsePlan(text, cache), parsePlanWhole(text));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('cuts again only around an edit, and gets the same sections as cutting the whole text', () => {
    const edit = fc.record({
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      remove: fc.nat(12),
      insert: fc.oneof(line.map((l) => `${l}\n`), line, fc.constantFrom('\n', '\r', '#', '`', '-', '<', '>', ' '), fc.string({ maxLength: 3 })),
    });
    fc.assert(
      fc.property(planText, fc.array(edit, { minLength: 1, maxLength: 10 }), (start, edits) => {
        let text = start;
        let sections = splitSections(text);
        for (const { at, remove, insert } of edits) {
          const offset = Math.floor(at * text.length);
          const edited = text.slice(0, offset) + insert + text.slice(offset + remove);
          sections = splitSectionsAfterChange(sections, edited, changeBetween(text, edited));
          text = edited;
          assert.deepStrictEqual(sections, splitSections(text), JSON.stringify(text));
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('cuts again right where a pasted heading repeats the one before it, or a typed character unmakes a heading', () => {
    const cases: [string, number, string][] = [
      ['# Plan\n## R1 Title\nText\n## R2 Other\n', 19, '## R1 Title\n'],
      ['# Plan\n## R1\n#\nText\n## R2\n', 14, 'x'],
      ['# Plan\n## R1\n######\nText\n## R2\n', 19, '#'],
      // A `---` first line opens front matter only once a later `---` line closes it.
      ['---\ntitle: x\n# Plan\n## R1\nText\n', 27, '---\n'],
      ['---\ntitle: x\n# Plan\n## R1\n--\n## R2\n', 28, '-'],
      ['---\ntitle: x\n---\n# Plan\n## R1\n', 14, 'x'],
    ];
    for (const [text, at, insert] of cases) {
      const edited = text.slice(0, at) + insert + text.slice(at);
      assert.deepStrictEqual(splitSectionsAfterChange(splitSections(text), edited, changeBetween(text, edited)), splitSections(edited), edited);
    }
  });

  it('finds the smallest change between two texts', () => {
    assert.deepStrictEqual(changeBetween('abcdef', 'abXYef'), { start: 2, beforeEnd: 4, afterEnd: 4 });
    assert.deepStrictEqual(changeBetween('aaaa', 'aaaaa'), { start: 4, beforeEnd: 4, afterEnd: 5 });
    assert.deepStrictEqual(changeBetween('same', 'same'), { start: 4, beforeEnd: 4, afterEnd: 4 });
    const long = 'x'.repeat(10_000);
    assert.deepStrictEqual(changeBetween(`${long}a${long}`, `${long}${long}`), { start: 10_000, beforeEnd: 10_001, afterEnd: 10_000 });
  });
});
