/** Protocol tests of the improvementPlan/preview request: sanitized HTML of the version the server has. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { TestLspClient } from '../helpers/lspClient.js';
import { examplesFolder } from '../fixtures/examples.js';

const NEEDS_WORK = readFileSync(new URL('needs-work.plan.md', examplesFolder), 'utf8');
const range = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });

interface Preview {
  uri: string;
  version: number;
  title: string | null;
  html: string;
}

/** The diagnostics listed in the HTML, as `line code` (0-based line). */
const listed = (html: string): string[] => [...html.matchAll(/<li class="plan-diagnostic [^"]*" data-line="(\d+)"[^>]*><span class="plan-code">([a-z-]+)</g)].map((m) => `${m[1]} ${m[2]}`);

describe('improvementPlan/preview', function () {
  this.timeout(20000);
  let client: TestLspClient;
  afterEach(async () => client?.stop());

  it('renders the open version with RAG chips and exactly the diagnostics the editor gets', async () => {
    client = await TestLspClient.start({ pull: true });
    const uri = 'untitled:needs-work.plan.md';
    await client.open(uri, NEEDS_WORK, 3);
    const preview = await client.request<Preview>('improvementPlan/preview', { textDocument: { uri } });
    assert.equal(preview.uri, uri);
    assert.equal(preview.version, 3);
    assert.equal(preview.title, 'Ofsted ILACS action plan 2024-26 (working draft)');
    assert.match(preview.html, /<h3 data-line="31">A1\.1 Review of training initiated <span class="plan-rag plan-rag-amber"/);
    const diagnostics = await client.pull(uri);
    assert.deepEqual(listed(preview.html).sort(), diagnostics.map((d) => `${d.range.start.line} ${d.code}`).sort());
  });

  it('follows edits and settings', async () => {
    client = await TestLspClient.start({ pull: true });
    const uri = 'untitled:edits.plan.md';
    await client.open(uri, '## R1 One\n\n### A1.1 Ensure things improve\n\n- Status: Red\n');
    const first = await client.request<Preview>('improvementPlan/preview', { textDocument: { uri } });
    assert.match(first.html, /plan-rag-red/);
    assert.ok(listed(first.html).includes('2 smart-specific'));

    await client.change(uri, 2, [{ range: range(4, 10, 13), text: 'Green' }]);
    await client.changeConfiguration({ rules: { 'smart-specific': 'off' } });
    const second = await client.request<Preview>('improvementPlan/preview', { textDocument: { uri } });
    assert.equal(second.version, 2);
    assert.match(second.html, /A1\.1 Ensure things improve <span class="plan-rag plan-rag-green"/);
    assert.ok(!listed(second.html).some((line) => line.endsWith('smart-specific')), second.html);
  });

  it('never passes the raw HTML of a plan through', async () => {
    client = await TestLspClient.start({ pull: true });
    const uri = 'untitled:hostile.plan.md';
    await client.open(uri, '# Plan\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n[x](javascript:alert(3))\n');
    const { html } = await client.request<Preview>('improvementPlan/preview', { textDocument: { uri } });
    assert.doesNotMatch(html, /<script|<img|onerror|javascript:/);
  });

  it('answers null for a document it does not have and for junk, and keeps running', async () => {
    client = await TestLspClient.start({ pull: true });
    assert.equal(await client.request('improvementPlan/preview', { textDocument: { uri: 'untitled:other.plan.md' } }), null);
    assert.equal(await client.request('improvementPlan/preview', null), null);
    assert.equal(await client.request('improvementPlan/preview', { textDocument: { uri: 42 } }), null);
    assert.ok(client.alive);
  });
});
