/** Protocol tests: the built server over stdio, driven as VS Code (pull) and Neovim (push) drive it. */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { EXAMPLE_DIAGNOSTICS, examplesFolder } from '../fixtures/examples.js';
import { TestLspClient } from '../helpers/lspClient.js';
import { OWNER_LINE, PLAN_WITHOUT_OWNER } from '../fixtures/plans.js';

const exampleUri = (name: string) => new URL(name, examplesFolder).href;
const exampleText = (name: string) => readFileSync(new URL(name, examplesFolder), 'utf8');

const PLAN = PLAN_WITHOUT_OWNER;
const ownerLine = OWNER_LINE;
const endOf = (text: string) => {
  const lines = text.split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1]!.length };
};

describe('language server over stdio', function () {
  this.timeout(20000);
  let client: TestLspClient;
  afterEach(async () => client?.stop());

  describe('with pull diagnostics (as VS Code)', () => {
    beforeEach(async () => {
      client = await TestLspClient.start({ pull: true });
    });

    it('declares a diagnostic provider and incremental sync', () => {
      const capabilities = client.initializeResult.capabilities;
      assert.equal(capabilities.textDocumentSync, 2);
      assert.ok(capabilities.diagnosticProvider);
      assert.equal(client.initializeResult.serverInfo?.name, 'improvement-plan-language-server');
    });

    for (const [name, expected] of Object.entries(EXAMPLE_DIAGNOSTICS)) {
      it(`reports exactly the promised codes for examples/${name}`, async () => {
        await client.open(exampleUri(name), exampleText(name));
        const diagnostics = await client.pull(exampleUri(name));
        assert.deepEqual(diagnostics.map((d) => `${d.range.start.line + 1} ${d.code}`), expected);
      });
    }

    it('gives each diagnostic its source, code, exact range and a link to an existing docs page', async () => {
      const name = 'needs-work.plan.md';
      const text = exampleText(name);
      await client.open(exampleUri(name), text);
      const diagnostics = await client.pull(exampleUri(name));
      const lines = text.split('\n');
      const placeholder = diagnostics.find((d) => d.code === 'no-owner' && d.range.start.line === 93)!;
      assert.equal(lines[93]!.slice(placeholder.range.start.character, placeholder.range.end.character), 'TBC');
      for (const diagnostic of diagnostics) {
        assert.equal(diagnostic.source, 'improvement-plan');
        const href = diagnostic.codeDescription!.href;
        assert.ok(href.endsWith(`/docs/rules/${diagnostic.code}.md`), href);
        assert.ok(existsSync(fileURLToPath(href)), `${href} exists`);
        const { start, end } = diagnostic.range;
        assert.ok(start.line < lines.length && end.line < lines.length);
        assert.ok(start.line < end.line || start.character < end.character, 'range is not empty');
      }
    });

    it('follows typing: an added owner clears no-owner', async () => {
      const uri = 'untitled:typing.plan.md';
      await client.open(uri, PLAN);
      assert.deepEqual((await client.pull(uri)).map((d) => d.code), ['no-owner']);
      await client.change(uri, 2, [{ range: { start: endOf(PLAN), end: endOf(PLAN) }, text: ownerLine }]);
      assert.deepEqual(await client.pull(uri), []);
      await client.change(uri, 3, [{ range: { start: { line: 10, character: 0 }, end: { line: 10, character: 0 } }, text: '- Status: Yellow\n' }]);
      assert.deepEqual((await client.pull(uri)).map((d) => [d.code, d.range.start.line]), [['invalid-status', 10]]);
    });

    it('answers "unchanged" when the diagnostics are those the client already has', async () => {
      const uri = 'untitled:unchanged.plan.md';
      await client.open(uri, PLAN);
      const first = await client.pull(uri);
      assert.deepEqual(first.map((d) => d.code), ['no-owner']);
      assert.equal(client.lastReportKind, 'full');
      assert.deepEqual(await client.pull(uri), first);
      assert.equal(client.lastReportKind, 'unchanged');
      // A blank line typed at the end moves nothing: still unchanged.
      await client.change(uri, 2, [{ range: { start: endOf(PLAN), end: endOf(PLAN) }, text: '\n' }]);
      assert.deepEqual(await client.pull(uri), first);
      assert.equal(client.lastReportKind, 'unchanged');
      // An owner clears the problem: a full report.
      await client.change(uri, 3, [{ range: { start: endOf(PLAN), end: endOf(PLAN) }, text: ownerLine }]);
      assert.deepEqual(await client.pull(uri), []);
      assert.equal(client.lastReportKind, 'full');
      // A client without the last result ID gets a full report.
      const report = await client.request<{ kind: string }>('textDocument/diagnostic', { textDocument: { uri } });
      assert.equal(report.kind, 'full');
    });

    it('applies severities from settings and refreshes when they change', async () => {
      const uri = 'untitled:settings.plan.md';
      await client.open(uri, PLAN);
      assert.equal((await client.pull(uri))[0]!.severity, 1);
      await client.changeConfiguration({ rules: { 'no-owner': 'hint' } });
      await client.waitFor(() => client.refreshRequests > 0, 'a diagnostic refresh request');
      assert.equal((await client.pull(uri))[0]!.severity, 4);
      await client.changeConfiguration({ rules: { 'no-owner': 'off' } });
      assert.deepEqual(await client.pull(uri), []);
    });

    it('warns once about a malformed setting and keeps working', async () => {
      const uri = 'untitled:bad-settings.plan.md';
      await client.changeConfiguration({ rules: { 'no-owner': 'loud', 'not-a-rule': 'off' } });
      await client.open(uri, PLAN);
      assert.deepEqual((await client.pull(uri)).map((d) => d.code), ['no-owner']);
      await client.waitFor(() => client.messages.length >= 2, 'two warnings');
      assert.ok(client.messages.some((m) => m.includes('no-owner') && m.includes('should be one of')), client.messages.join('\n'));
      assert.ok(client.messages.some((m) => m.includes('Unknown rule "not-a-rule"')), client.messages.join('\n'));
    });

    it('honours <!-- plan-ignore CODE --> before an action heading', async () => {
      const uri = 'untitled:ignore.plan.md';
      const text = PLAN.replace('### A1.1', '<!-- plan-ignore no-owner -->\n### A1.1');
      await client.open(uri, text);
      assert.deepEqual(await client.pull(uri), []);
      await client.change(uri, 2, [{ text: text.replace('no-owner', 'smart-measurable') }]);
      assert.deepEqual((await client.pull(uri)).map((d) => d.code), ['no-owner']);
    });

    it('reads rule settings from a .planrc file next to the plan', async () => {
      const folder = mkdtempSync(path.join(tmpdir(), 'planrc-'));
      writeFileSync(path.join(folder, '.planrc.yaml'), 'rules:\n  no-owner: warning\n');
      const uri = pathToFileURL(path.join(folder, 'a.plan.md')).href;
      await client.open(uri, PLAN);
      assert.deepEqual((await client.pull(uri)).map((d) => [d.code, d.severity]), [['no-owner', 2]]);
    });

    it('notices a .planrc written or changed after start, without file watchers', async () => {
      const folder = mkdtempSync(path.join(tmpdir(), 'planrc-late-'));
      const uri = pathToFileURL(path.join(folder, 'a.plan.md')).href;
      await client.open(uri, PLAN);
      assert.deepEqual((await client.pull(uri)).map((d) => d.severity), [1]);
      const planrc = path.join(folder, '.planrc.json');
      writeFileSync(planrc, '{ "rules": { "no-owner": "warning" } }');
      await client.change(uri, 2, [{ text: PLAN + '\n' }]);
      assert.deepEqual((await client.pull(uri)).map((d) => d.severity), [2]);
      writeFileSync(planrc, '{ "rules": { "no-owner": "hint" } }');
      utimesSync(planrc, new Date(), new Date(Date.now() + 5000));
      await client.change(uri, 3, [{ text: PLAN }]);
      assert.deepEqual((await client.pull(uri)).map((d) => d.severity), [4]);
    });

    it('resolves Links against the recommendations file named in the front matter, using unsaved text', async () => {
      const folder = mkdtempSync(path.join(tmpdir(), 'recs-'));
      const recommendationsPath = path.join(folder, 'recommendations.plan.md');
      writeFileSync(recommendationsPath, '## R1 Supervision\n\nManagement oversight.\n');
      const planUri = pathToFileURL(path.join(folder, 'actions.plan.md')).href;
      const plan = `---\nas-of: 2025-11-01\nrecommendations: ./recommendations.plan.md\n---\n\n### A1 Run monthly supervision audits of 20 case files\n\n${ownerLine}- Due: 31 March 2026\n- Measure: 95% of audited files show supervision every 4 weeks\n- Links: R1, R2\n`;
      await client.open(planUri, plan);
      assert.deepEqual((await client.pull(planUri)).map((d) => [d.code, d.message]), [['unknown-recommendation', 'No recommendation R2 is declared in this plan or recommendations.plan.md.']]);
      // The author adds R2 in the other file, unsaved: the plan is refreshed and R2 resolves.
      const recommendationsUri = pathToFileURL(recommendationsPath).href;
      await client.open(recommendationsUri, '## R1 Supervision\n');
      const before = client.refreshRequests;
      await client.change(recommendationsUri, 2, [{ text: '## R1 Supervision\n\n## R2 Audit\n' }]);
      await client.waitFor(() => client.refreshRequests > before, 'a refresh after the recommendations file changed');
      assert.deepEqual(await client.pull(planUri), []);
    });

    it('keeps answering on junk, huge and hostile input', async () => {
      const inputs = [
        '',
        '\u0000\u0001\uFFFD binary \u0007'.repeat(1000),
        '---\n: : :\n  - [\n---\n### A1',
        `### A1 ${'x'.repeat(100_000)}`,
        '\uFEFF---\r\ntitle: x\r\n---\r\n## R1 A\r\n### A1.1 Run 4 audits\r\n- Owner: TBC\r\n',
        '- '.repeat(5000) + 'deep',
        '> '.repeat(200) + '### A1 nested',
        '## R1\n### A1\n- Owner:\n- Due:\n- Status:\n- Links:\n- Measure:\n',
      ];
      for (const [index, text] of inputs.entries()) {
        const uri = `untitled:junk-${index}.plan.md`;
        await client.open(uri, text);
        const diagnostics = await client.pull(uri);
        const lineCount = text.split(/\r\n|\r|\n/).length;
        for (const d of diagnostics) assert.ok(d.range.end.line < lineCount, `range inside document ${index}`);
      }
      assert.ok(client.alive);
    });
  });

  describe('with pushed diagnostics (as Neovim 0.7)', () => {
    beforeEach(async () => {
      client = await TestLspClient.start({ pull: false, args: [] });
    });

    it('does not offer pull diagnostics, and pushes them with the document version', async () => {
      assert.equal(client.initializeResult.capabilities.diagnosticProvider, undefined);
      const uri = exampleUri('needs-work.plan.md');
      await client.open(uri, exampleText('needs-work.plan.md'));
      const published = await client.waitForPublished(uri, 1);
      assert.deepEqual(published.diagnostics.map((d) => `${d.range.start.line + 1} ${d.code}`), EXAMPLE_DIAGNOSTICS['needs-work.plan.md']);
    });

    it('never publishes an older version after a newer one during a burst of edits', async () => {
      const uri = 'untitled:burst.plan.md';
      let text = PLAN;
      await client.open(uri, text);
      for (let version = 2; version <= 40; version++) {
        const at = endOf(text);
        const insert = version === 40 ? ownerLine : `<!-- ${version} -->\n`;
        text += insert;
        await client.change(uri, version, [{ range: { start: at, end: at }, text: insert }]);
      }
      const last = await client.waitForPublished(uri, 40);
      assert.deepEqual(last.diagnostics, [], 'the last version has its owner');
      const versions = client.published.filter((p) => p.uri === uri).map((p) => p.version!);
      assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `published in order: ${versions.join(',')}`);
      assert.ok(versions.length < 39, `debounced: ${versions.length} publications for 40 versions`);
    });

    it('takes settings pushed by didChangeConfiguration and clears diagnostics of closed files', async () => {
      const uri = 'untitled:push-settings.plan.md';
      await client.open(uri, PLAN);
      assert.deepEqual((await client.waitForPublished(uri, 1)).diagnostics.map((d) => d.code), ['no-owner']);
      const count = client.published.length;
      await client.changeConfiguration({ rules: { 'no-owner': 'off' } });
      await client.waitFor(() => client.published.slice(count).find((p) => p.uri === uri && p.diagnostics.length === 0), 'republished diagnostics');
      await client.changeConfiguration({ rules: {} });
      await client.waitFor(() => client.published.slice(count).find((p) => p.uri === uri && p.diagnostics.length === 1), 'diagnostics back');
      const beforeClose = client.published.length;
      await client.close(uri);
      await client.waitFor(() => client.published.slice(beforeClose).find((p) => p.uri === uri && p.diagnostics.length === 0), 'cleared on close');
    });
  });
});
