/** The preview's HTML: decorations from the analysis, source lines for scroll sync, and sanitizing. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { lintText } from '../../server/src/engine/index.js';
import { locate } from '../../server/src/engine/location.js';
import { renderPreview, SectionTrees } from '../../server/src/preview/render.js';
import { examplesFolder } from '../fixtures/examples.js';

const NEEDS_WORK = readFileSync(new URL('needs-work.plan.md', examplesFolder), 'utf8');
const render = (text: string) => renderPreview(lintText(text, { today: '2025-11-01' })).html;
const all = (html: string, pattern: RegExp): RegExpMatchArray[] => [...html.matchAll(new RegExp(pattern, 'g'))];
const lineOf = (text: string, needle: string): number => locate(text).pointOf(text.indexOf(needle)).line - 1;

describe('preview rendering', () => {
  describe('on examples/needs-work.plan.md', () => {
    const result = lintText(NEEDS_WORK);
    const html = renderPreview(result).html;

    it('puts a RAG chip with its status in every action heading', () => {
      const headings = all(html, /<h3 data-line="(\d+)">(A[\d.]+) [^<]*<span class="plan-rag plan-rag-([a-z-]+)"[^>]*>([^<]+)<\/span><\/h3>/);
      assert.deepEqual(
        headings.map((m) => [Number(m[1]), m[2]]),
        result.plan.actions.map((action) => [locate(NEEDS_WORK).pointOf(action.headingRange.start).line - 1, action.id]),
      );
      const chipOf = (id: string) => headings.find((m) => m[2] === id)!.slice(3);
      assert.deepEqual(chipOf('A1.1'), ['amber', 'Amber']);
      assert.deepEqual(chipOf('A1.3'), ['not-started', 'Not started']);
      assert.deepEqual(chipOf('A2.5'), ['blue', 'Blue']);
      // "Yellow" is not a RAG value.
      assert.deepEqual(chipOf('A3.10'), ['none', 'No status']);
    });

    it('shows every diagnostic once, with its code, message and line', () => {
      const items = all(html, /<li class="plan-diagnostic plan-severity-(\w+)" data-line="(\d+)" title="[^"]*"><span class="plan-code">([a-z-]+)<\/span> ([^<]*)<\/li>/);
      const expected = result.diagnostics.map((d) => [d.severity, locate(NEEDS_WORK).pointOf(d.range.start).line - 1, d.code, escape(d.message)]);
      assert.deepEqual(
        items.map((m) => [m[1], Number(m[2]), m[3], m[4]]).sort(byLine),
        expected.sort(byLine),
      );
    });

    it('shows owners, missing owners and due dates, marking the overdue one', () => {
      assert.match(html, /<h3 data-line="\d+">A1\.3 [^]*?<span class="plan-owner plan-missing">No owner<\/span>/);
      assert.match(html, /<h3 data-line="\d+">A1\.1 [^]*?<span class="plan-owner">Owner: Head of Safeguarding<\/span> <span class="plan-due">Due 31 January 2026 \(in 91 days\)<\/span>/);
      const overdue = all(html, /<span class="plan-due plan-overdue">([^<]*)<\/span>/).map((m) => m[1]);
      assert.deepEqual(overdue, ['Due 30 September 2025 (overdue by 32 days)']);
      assert.match(html, /<span class="plan-due plan-missing">Due: ongoing \(not a date\)<\/span>/);
    });

    it("shows each recommendation's progress and the plan's counts", () => {
      assert.match(html, /<h2 data-line="27">R1 Return home interviews<\/h2><div class="plan-meta" data-line="27"><span class="plan-counts">5 actions · 1 not started · 2 amber · 2 green<\/span>/);
      assert.match(html, /<h2 data-line="\d+">R4 LADO oversight<\/h2><div class="plan-meta" data-line="\d+"><span class="plan-counts">No actions yet<\/span>/);
      assert.match(html, /^<div class="plan-summary" data-line="0"><span class="plan-counts">23 actions: [^<]*1 overdue<\/span>/);
    });

    it('marks blocks with their 0-based source line, and does not render the front matter', () => {
      assert.ok(html.includes(`<p data-line="${lineOf(NEEDS_WORK, 'A deliberately weak draft')}">A deliberately weak draft`));
      assert.ok(html.includes(`<li data-line="${lineOf(NEEDS_WORK, '- Owner: TBC')}">Owner: TBC</li>`));
      assert.ok(!html.includes('judgements'));
    });
  });

  it('strips scripts, event handlers, javascript: links, images, styles and every raw HTML tag from the plan', () => {
    const hostile = `---
title: <script>alert(1)</script>
---

# Plan <img src=x onerror=alert(1)>

<script>alert("block")</script>

<div style="color:red" onclick="alert(2)">raw block</div>

<iframe src="https://example.com/"></iframe>

Inline <b onmouseover="alert(3)">bold</b> and <a href="javascript:alert(4)">raw link</a>.

[markdown link](javascript:alert(5)) and [data link](data:text/html;base64,PHNjcmlwdD4=)

![remote picture](https://example.com/tracker.png) ![local picture](./local.png "title")

<https://example.org/safe> [relative](docs/x.md)

## R1 Things

### A1.1 Run <style>body{display:none}</style> audits <svg onload=alert(6)></svg>

- Owner: <span style="x">Head of Service</span>
- Status: Amber
`;
    const html = render(hostile);
    // Only Markdown's own tags and the preview's attributes are left; the plan's raw HTML is gone or is text.
    const tags = all(html, /<([a-zA-Z][a-zA-Z0-9]*)((?:\s[^>]*)?)>/);
    assert.deepEqual([...new Set(tags.map((m) => m[1]))].sort(), ['a', 'div', 'h1', 'h2', 'h3', 'li', 'p', 'span', 'ul']);
    const attributes = tags.flatMap((m) => [...m[2]!.matchAll(/\s([a-zA-Z-]+)=/g)].map((a) => a[1]));
    assert.deepEqual([...new Set(attributes)].sort(), ['class', 'data-line', 'href', 'title']);
    assert.deepEqual(all(html, /href="([^"]*)"/).map((m) => m[1]), ['https://example.org/safe', 'docs/x.md']);
    for (const forbidden of ['<script', '<img', '<iframe', '<style', '<svg', 'https://example.com', './local.png']) {
      assert.ok(!html.includes(forbidden), `${forbidden} in ${html}`);
    }
    // The text around them stays, and ordinary links keep their targets.
    assert.match(html, /<a>markdown link<\/a>/);
    assert.match(html, /<span class="plan-image">\[remote picture\]<\/span> <span class="plan-image">\[local picture\]<\/span>/);
    assert.match(html, /<a href="https:\/\/example\.org\/safe">https:\/\/example\.org\/safe<\/a> <a href="docs\/x\.md">relative<\/a>/);
    assert.match(html, /A1\.1 Run body\{display:none\} audits {2}<span class="plan-rag plan-rag-amber"/);
  });

  it('allows only its own classes: a plan cannot set classes or attributes', () => {
    const html = render('# T {.plan-rag}\n\n<span class="plan-rag plan-rag-red" data-line="1" id="x">forged</span>\n\n- [ ] a task\n');
    assert.equal(all(html, /plan-rag-red/).length, 0);
    assert.match(html, /<p data-line="2">forged<\/p>/, 'the tags of raw HTML are dropped; its words are text');
    assert.match(html, /<li class="task-list-item" data-line="4"><input type="checkbox" disabled> a task<\/li>/);
  });

  it('gives the same HTML from cached sections after an edit as from a fresh rendering', () => {
    const trees = new SectionTrees();
    const before = lintText(NEEDS_WORK, { today: '2025-11-01' });
    renderPreview(before, trees);
    const edited = NEEDS_WORK.replace('- Status: Yellow', '- Status: Green\n\nA new paragraph.');
    const after = lintText(edited, { today: '2025-11-01' });
    assert.equal(renderPreview(after, trees).html, renderPreview(after).html);
    assert.match(renderPreview(after, trees).html, /A3\.10 [^<]*<span class="plan-rag plan-rag-green"/);
    // Reusing a section's tree leaves it intact for the next rendering.
    assert.equal(renderPreview(after, trees).html, renderPreview(after).html);
  });

  it('renders deep nesting and a byte order mark without hanging or shifting lines', () => {
    const started = Date.now();
    const html = render(`\uFEFF${'> '.repeat(5000)}deep\n\n${'- '.repeat(5000)}deeper\n\n## R1 After\n`);
    assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
    assert.match(html, /<h2 data-line="4">R1 After<\/h2>/);
  });

  it('renders empty and non-plan text', () => {
    assert.match(render(''), /^<div class="plan-summary" data-line="0"><span class="plan-counts">No actions yet<\/span>/);
    assert.match(render('just words'), /<p data-line="0">just words<\/p>/);
  });
});

function byLine(a: readonly unknown[], b: readonly unknown[]): number {
  return (a[1] as number) - (b[1] as number) || String(a[2]).localeCompare(String(b[2])) || String(a[3]).localeCompare(String(b[3]));
}

/** How rehype-stringify writes text: &, < and the quotes it must escape. */
function escape(text: string): string {
  return text.replace(/&/g, '&#x26;').replace(/</g, '&#x3C;');
}
