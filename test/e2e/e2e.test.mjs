/**
 * "Proved in a real editor": the packaged extension checked as a user sees it, in VS Code
 * (code-server 4.100.3 = VS Code 1.100.3 web) driven through headless Chromium.
 *
 *   npx mocha --no-config --timeout 180000 test/e2e/e2e.test.mjs
 *
 * Before the steps: builds the VSIX (`npm run package`), installs a copy of it into a fresh
 * extensions folder of this run (never the developer's), copies examples/ to a temporary folder
 * and opens it as the workspace with examples/needs-work.plan.md in an editor. Then each step
 * works the editor with the keyboard and mouse and waits on what the page shows (never a fixed
 * sleep): language mode and colouring, the Problems panel against test/fixtures/examples.ts,
 * typing an action with and without an owner, a snippet and its tab stops, a quick fix, a hover,
 * the preview and the dashboard webviews.
 *
 * Every step writes a screenshot to test-results/e2e/ (NN-step.png; NN-step-failed.png when it
 * failed) and the run's timings to test-results/e2e/timings.json.
 *
 * Env:
 *   E2E_VSIX=<file.vsix>   test this VSIX instead of building one with `npm run package`
 *   E2E_DOCS_IMAGES=1      also write the README's screenshots: docs/images/problems.png,
 *                          snippet.png, hover.png, preview.png and dashboard.png (each once its step has checked what it
 *                          shows; notification toasts cleared first)
 *   E2E_KEEP_RUN=1         keep the run folder (code-server log, workspace); it is always kept
 *                          when something failed
 *   E2E_RESULTS_DIR        where the step screenshots go (default test-results/e2e)
 *   IMPROVEMENT_PLAN_E2E_CACHE, CHROMIUM_PATH: as in lib.mjs
 * Needs: bash test/e2e/setup-code-server.sh once (Debian's chromium, code-server, playwright-core).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tsImport } from 'tsx/esm/api';
import {
  REPO_ROOT,
  allProblemRows,
  createRun,
  cursorStatus,
  dismissNotifications,
  editorHoverText,
  findInEditor,
  focusEditor,
  goToLine,
  installVsix,
  launchBrowser,
  nextFrame,
  openProblemsPanel,
  openWorkbench,
  parkMouse,
  pollUntil,
  runCommand,
  saveScreenshot,
  setPanelMaximized,
  startCodeServer,
  visibleLine,
  visibleLines,
  waitForAnimations,
  waitForCursor,
  waitForFocus,
  waitForLine,
  waitForLanguageMode,
  waitForProblemRows,
  waitForSquiggles,
} from './lib.mjs';

const { EXAMPLE_DIAGNOSTICS } = await tsImport('../fixtures/examples.ts', import.meta.url);

const LANGUAGE_NAME = 'Improvement Plan';
const PLAN = 'needs-work.plan.md';
const RESULTS_DIR = path.resolve(REPO_ROOT, process.env.E2E_RESULTS_DIR || path.join('test-results', 'e2e'));
const DOCS_IMAGES = process.env.E2E_DOCS_IMAGES === '1' ? path.join(REPO_ROOT, 'docs', 'images') : undefined;
const KEEP_RUN = !!process.env.E2E_KEEP_RUN;
/** Waits for things the server or the workbench must do in well under a second on this machine. */
const WAIT_MS = 20_000;

/**
 * The run's user settings, on top of lib.mjs's USER_SETTINGS. A fixed theme, so colours and
 * screenshots do not depend on the browser's colour scheme. Suggestions only when asked for
 * (Ctrl+Space, as the snippet step does): while typing, a word suggestion could otherwise
 * take the Enter key. No Git prompts and no toasts that could cover the Problems panel.
 */
const SETTINGS = {
  'workbench.colorTheme': 'Default Light Modern',
  'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' },
  'editor.suggestOnTriggerCharacters': false,
  'editor.suggest.preview': false,
  'editor.inlineSuggest.enabled': false,
  'editor.hover.delay': 300,
  'editor.hover.sticky': true,
  'git.openRepositoryInParentFolders': 'never',
  'remote.autoForwardPorts': false,
  'git.enabled': false,
  'extensions.ignoreRecommendations': true,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.editor.enablePreview': false,
};

const t0 = Date.now();
const say = (message) => process.stderr.write(`      [e2e ${((Date.now() - t0) / 1000).toFixed(1)}s] ${message}\n`);
/** Step name → milliseconds, written to timings.json and printed at the end. */
const timings = {};
async function timed(name, fn) {
  const started = Date.now();
  try {
    return await fn();
  } finally {
    timings[name] = Date.now() - started;
  }
}

let run;
let server;
let browser;
let page;
let workspace;
let failed = false;
let stepNumber = 0;

/** Saves a screenshot of the page as test-results/e2e/<name>.png; returns its path. */
async function shot(name) {
  const file = path.join(RESULTS_DIR, `${name}.png`);
  await saveScreenshot(page, file);
  return file;
}

/** Writes docs/images/<name>.png when E2E_DOCS_IMAGES=1 (after clearing any toast). */
async function docsImage(name) {
  if (!DOCS_IMAGES) return;
  await dismissNotifications(page);
  await nextFrame(page);
  const file = await saveScreenshot(page, path.join(DOCS_IMAGES, `${name}.png`));
  say(`docs image: ${path.relative(REPO_ROOT, file)}`);
}

/** Leaves widgets, menus and the find box, and gives the editor the keyboard focus. */
async function resetFocus() {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await parkMouse(page);
  await focusEditor(page);
}

/** The Problems panel's problem rows for the plan (the panel is opened if needed). */
async function problems() {
  await openProblemsPanel(page);
  const rows = await allProblemRows(page);
  return rows.filter((r) => r.kind === 'problem' && r.file === PLAN);
}

/** Waits until `accept(problemRows)` is true; returns the rows. Reading the list again is how it waits. */
async function waitForProblems(what, accept, { timeoutMs = WAIT_MS } = {}) {
  let last = [];
  return pollUntil(
    what,
    async () => {
      try {
        last = await problems();
      } catch (e) {
        if (/changed while it was read/.test(e.message)) return false; // an update was landing: read again
        throw e;
      }
      return accept(last) && last;
    },
    { timeoutMs, intervalMs: 200, describe: () => `the Problems panel lists ${last.length}: ${last.map((r) => `${r.line} ${r.code}`).join(', ')}` },
  );
}

/** The frame (a webview's, nested in the workbench's iframes) where `selector` matches something. */
async function webviewFrame(selector, what) {
  return pollUntil(
    what,
    async () => {
      for (const frame of page.frames()) {
        if ((await frame.locator(selector).count().catch(() => 0)) > 0) return frame;
      }
      return false;
    },
    { timeoutMs: WAIT_MS, intervalMs: 200, describe: () => `${page.frames().length} frames, none with ${selector}` },
  );
}

/** Writes docs/images/<name>.png of the editor area alone (a smaller file) when E2E_DOCS_IMAGES=1. */
async function docsImageOfEditors(name) {
  if (!DOCS_IMAGES) return;
  await dismissNotifications(page);
  await nextFrame(page);
  const file = path.join(DOCS_IMAGES, `${name}.png`);
  await page.locator('.part.editor').screenshot({ path: file, type: 'png' });
  say(`docs image: ${path.relative(REPO_ROOT, file)}`);
}

/** Console errors from a Content-Security-Policy refusal since `from` (an index into consoleErrors). */
const cspErrorsSince = (from) => browser.consoleErrors.slice(from).filter((e) => /Content Security Policy/i.test(e));

// Last resort if the process ends without after() (e.g. Ctrl+C): never leave code-server behind.
function killServerGroup() {
  if (!server) return;
  try {
    process.kill(-server.pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
}
process.on('exit', killServerGroup);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    killServerGroup();
    process.exit(130);
  });
}

describe('Improvement Plan in a real editor (code-server + headless Chromium)', function () {
  before(async function () {
    failed = true; // until the workbench is open: keep the run folder (code-server log) if this hook fails
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    for (const old of fs.readdirSync(RESULTS_DIR)) if (old.endsWith('.png')) fs.rmSync(path.join(RESULTS_DIR, old));

    run = createRun({ settings: SETTINGS });
    const vsix = path.join(run.dir, 'improvement-plan.vsix');
    await timed('package the VSIX', async () => {
      if (process.env.E2E_VSIX) {
        fs.copyFileSync(path.resolve(process.env.E2E_VSIX), vsix);
        say(`VSIX: ${process.env.E2E_VSIX} (E2E_VSIX)`);
        return;
      }
      // Twice at most: a build running at the same time in this checkout can break one attempt.
      for (let attempt = 1; ; attempt++) {
        const built = spawnSync('npm', ['run', 'package'], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
        if (built.status === 0) break;
        const output = `${built.stdout}\n${built.stderr}`.trim().split('\n').slice(-30).join('\n');
        if (attempt === 2) throw new Error(`npm run package failed (exit ${built.status ?? built.signal}):\n${output}`);
        say(`npm run package failed (exit ${built.status ?? built.signal}); trying once more:\n${output}`);
      }
      // A copy, at once: others may rebuild the repository's VSIX while this run uses it.
      fs.copyFileSync(path.join(REPO_ROOT, 'improvement-plan.vsix'), vsix);
      say(`npm run package: improvement-plan.vsix (${Math.round(fs.statSync(vsix).size / 1024)} KB)`);
    });

    await timed('install the VSIX', async () => {
      // The run's own extensions folder, in the temporary folder: never ~/.vscode* or ~/.local.
      assert.ok(!run.extensionsDir.startsWith(os.homedir() + path.sep), `${run.extensionsDir} is in the home folder`);
      assert.deepEqual(fs.readdirSync(run.extensionsDir), [], 'the extensions folder is not fresh');
      await installVsix(run, vsix);
      const installed = fs.readdirSync(run.extensionsDir).filter((d) => d.startsWith('improvement-plan.improvement-plan-'));
      assert.equal(installed.length, 1, `installed: ${fs.readdirSync(run.extensionsDir).join(', ')}`);
      say(`installed ${installed[0]} into ${run.extensionsDir}`);
    });

    await timed('start code-server and Chromium, open the workspace', async () => {
      workspace = path.join(run.dir, 'examples');
      fs.cpSync(path.join(REPO_ROOT, 'examples'), workspace, { recursive: true });
      server = await startCodeServer(run);
      say(`code-server ${server.baseUrl} (pid ${server.pid}), workspace ${workspace}`);
      browser = await launchBrowser(run, { viewport: { width: 1400, height: 900 } });
      page = browser.page;
      await openWorkbench(page, server, { folder: workspace, file: PLAN, timeoutMs: 90_000 });
      await parkMouse(page);
      await dismissNotifications(page);
    });
    failed = false;
  });

  beforeEach(function () {
    stepNumber += 1;
  });

  afterEach(async function () {
    const test = this.currentTest;
    if (test.state === 'failed') failed = true;
    timings[test.title] = test.duration ?? timings[test.title];
    if (!page) return;
    const name = `${String(stepNumber).padStart(2, '0')}-${test.title.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 60)}`;
    const file = await shot(test.state === 'failed' ? `${name}-failed` : name).catch(() => undefined);
    if (file) say(`screenshot: ${path.relative(REPO_ROOT, file)}`);
    if (test.state === 'failed' && browser?.consoleErrors.length) say(`browser console errors (last 5):\n        ${browser.consoleErrors.slice(-5).join('\n        ')}`);
  });

  after(async function () {
    if (browser?.blocked.length) say(`blocked ${browser.blocked.length} request(s) off this machine, e.g. ${browser.blocked[0]}`);
    await browser?.close().catch(() => {});
    await server?.stop().catch(() => {});
    server = undefined;
    if (run) {
      if ((failed || KEEP_RUN) && fs.existsSync(run.dir)) say(`run folder kept: ${run.dir} (code-server log: ${path.join(run.dir, 'code-server.log')})`);
      else run.remove();
    }
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    const total = Date.now() - t0;
    fs.writeFileSync(path.join(RESULTS_DIR, 'timings.json'), JSON.stringify({ ...timings, total }, null, 2) + '\n');
    say(`timings: ${Object.entries(timings).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join('; ')}; total ${(total / 1000).toFixed(1)} s`);
  });

  it('shows the language mode "Improvement Plan" and colours IDs and field keys', async function () {
    await waitForLanguageMode(page, LANGUAGE_NAME, { timeoutMs: WAIT_MS });
    // Lines 28 (## R1 ...), 30 (the recommendation's words, plain text), 32 (### A1.1 ...) and
    // 34 (- Owner: ...) are in view when the file opens. Tokenising happens off the main thread:
    // wait until the colours are there.
    const token = (line, text) => line?.tokens.find((t) => t.text === text);
    const colours = await pollUntil(
      'the grammar to colour R1, A1.1 and Owner',
      async () => {
        const lines = await visibleLines(page);
        const at = (n) => lines.find((l) => l.number === n);
        const r1 = at(28);
        const plain = at(30)?.tokens[0];
        const a11 = at(32);
        const owner = at(34);
        const found = {
          plain: plain?.color,
          recommendationId: token(r1, 'R1')?.color,
          recommendationHeading: token(r1, ' Return home interviews')?.color,
          actionId: token(a11, 'A1.1')?.color,
          actionHeading: token(a11, ' Review of training initiated')?.color,
          ownerKey: token(owner, 'Owner')?.color,
          ownerValue: owner?.tokens.find((t) => t.text.includes('Head of Safeguarding'))?.color,
        };
        const ok =
          Object.values(found).every(Boolean) &&
          found.recommendationId !== found.plain &&
          found.recommendationId !== found.recommendationHeading &&
          found.actionId !== found.plain &&
          found.actionId !== found.actionHeading &&
          found.ownerKey !== found.plain &&
          found.ownerKey !== found.ownerValue;
        return ok && found;
      },
      {
        timeoutMs: WAIT_MS,
        describe: async () => JSON.stringify((await visibleLines(page)).filter((l) => [28, 30, 32, 34].includes(l.number)).map((l) => [l.number, l.tokens])),
      },
    );
    say(`colours: ${JSON.stringify(colours)}`);
    assert.equal(colours.ownerValue, colours.plain, 'an owner value is plain text');
  });

  it('lists exactly the expected problems for needs-work.plan.md in the Problems panel', async function () {
    const expected = [...EXAMPLE_DIAGNOSTICS[PLAN]].sort();
    await waitForSquiggles(page, { min: 1, timeoutMs: WAIT_MS });
    await openProblemsPanel(page);
    // Maximised, the panel shows all the rows at once (allProblemRows scrolls when it cannot).
    await setPanelMaximized(page, true);
    const rows = await waitForProblems(`the ${expected.length} expected problems`, (ps) => {
      const got = ps.map((r) => `${r.line} ${r.code}`).sort();
      return got.length === expected.length && got.every((g, i) => g === expected[i]);
    }).catch(async (e) => {
      const got = (await problems().catch(() => [])).map((r) => `${r.line} ${r.code}`).sort();
      assert.deepEqual(got, expected, e.message);
      throw e;
    });
    const all = await allProblemRows(page);
    const file = all.find((r) => r.kind === 'file' && r.name === PLAN);
    assert.equal(file?.count, expected.length, `the count on the ${PLAN} row`);
    assert.ok(rows.every((r) => r.source === 'improvement-plan'), `sources: ${[...new Set(rows.map((r) => r.source))]}`);
    await shot(`${String(stepNumber).padStart(2, '0')}-problems-panel-maximised`);
    await setPanelMaximized(page, false);

    // The README's picture: the panel under actions with squiggles (A1.2 to A1.5). Go to Line
    // centres line 50 (the editor shows the top of the file until now).
    await goToLine(page, 50);
    await pollUntil('squiggles on lines 40, 48 and 61', async () => {
      const lines = await visibleLines(page);
      return [40, 48, 61].every((n) => lines.find((l) => l.number === n)?.squiggles.length > 0);
    }, { timeoutMs: WAIT_MS, describe: async () => `lines in view: ${(await visibleLines(page)).map((l) => `${l.number}${l.squiggles.length ? '*' : ''}`).join(' ')}` });
    await parkMouse(page);
    await docsImage('problems');
  });

  it('reports no-owner for an action typed without an owner, and clears it when an Owner is typed', async function () {
    await resetFocus();
    // The end of R1's section: line 71 is the blank line before "## R2 ...".
    await goToLine(page, 71);
    await waitForLine(page, 72, "## R2 Care leavers' living arrangements");
    await page.keyboard.press('Enter');
    await page.keyboard.type('### A1.9 Publish the audit schedule for 2026');
    await page.keyboard.press('Enter');
    await waitForCursor(page, { line: 73, column: 1 });
    await waitForLine(page, 72, '### A1.9 Publish the audit schedule for 2026');

    const noOwnerFor = (rows, id) => rows.filter((r) => r.code === 'no-owner' && r.message.includes(id));
    const rows = await waitForProblems('no-owner for A1.9', (ps) => noOwnerFor(ps, 'A1.9').length === 1);
    const row = noOwnerFor(rows, 'A1.9')[0];
    say(`problem: [Ln ${row.line}, Col ${row.column}] ${row.severity} ${row.code}: ${row.message}`);
    assert.equal(row.line, 72);
    assert.equal(row.severity, 'error');
    await pollUntil('an error squiggle on line 72', async () => (await visibleLine(page, 72))?.squiggles.includes('error'), { timeoutMs: WAIT_MS });
    await shot(`${String(stepNumber).padStart(2, '0')}-no-owner-shown`);

    await focusEditor(page);
    await page.keyboard.type('- Owner: Principal Social Worker');
    await waitForLine(page, 73, '- Owner: Principal Social Worker');
    const after = await waitForProblems('no-owner for A1.9 to go', (ps) => noOwnerFor(ps, 'A1.9').length === 0 && ps.some((r) => r.code === 'no-owner'));
    // The other no-owner problems (A1.3, and TBC on A2.2) are still there, two lines further down for A2.2.
    assert.deepEqual(
      after.filter((r) => r.code === 'no-owner').map((r) => r.line).sort((a, b) => a - b),
      [48, 96],
    );
  });

  it('inserts a standard action from its snippet prefix, with tab stops for the owner and the due date', async function () {
    await resetFocus();
    // More room for the editor and the suggestions: hide the panel (Ctrl+J) while typing.
    await page.keyboard.press('Control+j');
    await page.locator('.markers-panel').waitFor({ state: 'hidden', timeout: WAIT_MS });
    // Under R4, which has no actions yet: a new line just before "# Other actions".
    const other = await findInEditor(page, '# Other actions');
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowUp');
    const { line } = await waitForCursor(page, { line: other.line, column: 1, selected: 0 });
    await waitForLine(page, line + 1, '# Other actions');
    await page.keyboard.type('action-supervision');
    await waitForCursor(page, { column: 19 });
    await page.keyboard.press('Control+Space');
    // The suggestion focused in the widget is the snippet (its icon), with that prefix.
    await pollUntil(
      'the action-supervision snippet focused in the suggestions',
      () =>
        page.evaluate(() => {
          const row = document.querySelector('.editor-widget.suggest-widget.visible .monaco-list-row.focused');
          return !!row && /^action-supervision,/.test(row.getAttribute('aria-label') ?? '') && !!row.querySelector('.codicon-symbol-snippet');
        }),
      {
        timeoutMs: WAIT_MS,
        describe: () => page.evaluate(() => `suggestions: ${JSON.stringify([...document.querySelectorAll('.suggest-widget .monaco-list-row')].map((r) => r.getAttribute('aria-label')))}`),
      },
    );
    // Show what it inserts: Ctrl+Space again opens the details beside the list (a fresh profile starts with them closed).
    const detailsShown = () => page.evaluate(() => document.querySelector('.editor-widget.suggest-widget.visible')?.classList.contains('shows-details'));
    if (!(await detailsShown())) await page.keyboard.press('Control+Space');
    await pollUntil(
      "the snippet's details",
      async () => (await detailsShown()) && page.evaluate(() => /Introduce a reflective supervision template/.test(document.querySelector('.suggest-details-container')?.textContent ?? '')),
      { timeoutMs: WAIT_MS },
    );
    await shot(`${String(stepNumber).padStart(2, '0')}-snippet-suggested`);
    await docsImage('snippet');

    await page.keyboard.press('Enter');
    // First tab stop: the action number in the heading, "1.1": type this recommendation's instead.
    const first = await waitForCursor(page, { line, selected: 3 });
    const heading = await waitForLine(page, line, '### A1.1 Introduce a reflective supervision template and a monthly supervision compliance report');
    assert.equal(heading.text.slice(first.column - 1 - 3, first.column - 1), '1.1');
    await page.keyboard.type('4.1');
    await waitForCursor(page, { line, column: first.column, selected: 0 });
    await waitForLine(page, line, '### A4.1 Introduce a reflective supervision template and a monthly supervision compliance report');

    // Tab: the Owner placeholder is selected.
    await page.keyboard.press('Tab');
    const owner = await waitForCursor(page, { line: line + 2, selected: 'Principal Social Worker'.length });
    const ownerLine = await waitForLine(page, owner.line, '- Owner: Principal Social Worker');
    assert.equal(ownerLine.text.slice(owner.column - 1 - owner.selected, owner.column - 1), 'Principal Social Worker');
    await shot(`${String(stepNumber).padStart(2, '0')}-snippet-owner-selected`);

    // Tab: the Due placeholder (this month, e.g. "November 2026") is selected.
    await page.keyboard.press('Tab');
    const due = await pollUntil('the cursor on the Due line with a selection', async () => {
      const now = await cursorStatus(page);
      return now.line === line + 3 && now.selected > 0 && now;
    }, { timeoutMs: WAIT_MS, describe: async () => `the status bar shows "${(await cursorStatus(page)).text}"` });
    const dueLine = await waitForLine(page, due.line, /^- Due: \S/);
    const selected = dueLine?.text.slice(due.column - 1 - due.selected, due.column - 1);
    const thisMonth = await page.evaluate(() => {
      const d = new Date();
      return `${['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][d.getMonth()]} ${d.getFullYear()}`;
    });
    say(`tab stops: "1.1" (typed 4.1), "Principal Social Worker", "${selected}"`);
    assert.match(selected, /^(January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$/);
    assert.equal(dueLine.text, `- Due: ${selected}`);
    if (selected !== thisMonth) say(`note: the Due placeholder reads "${selected}", this month is "${thisMonth}" (a month boundary?)`);
    await waitForLine(page, line + 5, '- Status: Not started');
  });

  it('offers a quick fix for invalid-status (light bulb, Ctrl+.) and applying it removes the diagnostic', async function () {
    await resetFocus();
    await openProblemsPanel(page);
    const rows = await waitForProblems('invalid-status for "Yellow"', (ps) => ps.some((r) => r.code === 'invalid-status'));
    const problem = rows.find((r) => r.code === 'invalid-status');
    say(`problem: [Ln ${problem.line}, Col ${problem.column}] ${problem.severity} ${problem.code}: ${problem.message}`);
    // Where the Problems panel says: select the word "Yellow" (End, Ctrl+Shift+Left).
    await goToLine(page, problem.line);
    await waitForLine(page, problem.line, '- Status: Yellow');
    await page.keyboard.press('End');
    await page.keyboard.press('Control+Shift+ArrowLeft');
    const at = await waitForCursor(page, { line: problem.line, column: problem.column, selected: 'Yellow'.length });
    // The light bulb comes up beside the line: there are code actions here.
    const bulb = await pollUntil(
      'the light bulb',
      () =>
        page.evaluate(() => {
          const widget = [...document.querySelectorAll('.part.editor .lightBulbWidget')].find((w) => w.getBoundingClientRect().height > 0 && getComputedStyle(w).visibility !== 'hidden');
          return widget ? [...widget.classList, ...[...widget.querySelectorAll('*')].flatMap((e) => [...e.classList])].find((c) => /^codicon-(light-?bulb|lightbulb)/.test(c)) ?? 'lightBulbWidget' : false;
        }),
      { timeoutMs: WAIT_MS },
    );
    say(`light bulb: ${bulb}`);
    await page.keyboard.press('Control+.');
    // Either the Quick Fix menu with our fix, or VS Code's "No code actions available".
    const offered = await pollUntil(
      'the Quick Fix menu (Ctrl+.)',
      () =>
        page.evaluate(() => {
          const rows = [...document.querySelectorAll('.action-widget .monaco-list-row')].filter((r) => r.getBoundingClientRect().height > 0);
          const labels = rows.map((r) => (r.getAttribute('aria-label') || r.textContent || '').replace(/\s+/g, ' ').trim());
          const message = [...document.querySelectorAll('.monaco-editor-overlaymessage')].map((m) => m.textContent.trim()).filter(Boolean);
          return labels.length || message.length ? { labels, message } : false;
        }),
      { timeoutMs: WAIT_MS },
    );
    await shot(`${String(stepNumber).padStart(2, '0')}-quick-fix-menu`);
    // A fix titled like 'Change status to Amber' or 'Change "Yellow" to Amber'; Amber if offered.
    const fixes = offered.labels.filter((l) => /^Change (status|"Yellow") to (Not started|Red|Amber|Green|Blue)$/i.test(l));
    const fix = fixes.find((l) => l.endsWith(' Amber')) ?? fixes[0];
    assert.ok(fix, `Ctrl+. on "Status: Yellow" offers no "Change status to ..." fix; the editor shows ${JSON.stringify(offered)}`);
    say(`quick fixes offered: ${JSON.stringify(offered.labels)}; choosing "${fix}"`);
    // Choose it with the keyboard: Down until it is focused, then Enter.
    await waitForFocus(page, '.action-widget');
    const focusedAction = () => page.evaluate(() => document.querySelector('.action-widget .monaco-list-row.action.focused')?.getAttribute('aria-label') ?? '');
    for (let i = 0; i <= offered.labels.length && (await focusedAction()) !== fix; i++) {
      const before = await focusedAction();
      await page.keyboard.press('ArrowDown');
      await pollUntil('the focus to move in the Quick Fix menu', async () => (await focusedAction()) !== before, { timeoutMs: WAIT_MS });
    }
    assert.equal(await focusedAction(), fix);
    await page.keyboard.press('Enter');

    const fixed = await pollUntil(
      `line ${at.line} to change`,
      async () => {
        const text = (await visibleLine(page, at.line))?.text;
        return text && text !== '- Status: Yellow' && text;
      },
      { timeoutMs: WAIT_MS, describe: async () => `line ${at.line} reads ${JSON.stringify((await visibleLine(page, at.line))?.text)}` },
    );
    say(`line ${at.line} now reads "${fixed}"`);
    assert.match(fixed, /^- Status: (Not started|Red|Amber|Green|Blue)$/);
    await waitForProblems('invalid-status to go', (ps) => ps.length > 0 && !ps.some((r) => r.code === 'invalid-status'));
  });

  it("shows the recommendation's text when hovering over its ID", async function () {
    await resetFocus();
    // Back to the file as it is on disk (File: Revert File), so the hover lists only its actions;
    // the server follows: the Problems panel lists the example's problems again.
    await runCommand(page, 'File: Revert File');
    const expected = [...EXAMPLE_DIAGNOSTICS[PLAN]].sort();
    await waitForProblems(`the ${expected.length} problems of the file on disk`, (ps) => ps.map((r) => `${r.line} ${r.code}`).sort().join() === expected.join());
    await focusEditor(page);
    await goToLine(page, 28);
    await waitForLine(page, 28, '## R1 Return home interviews');
    // Hover with the mouse over "R1", as a user would.
    const span = page.locator('.part.editor .monaco-editor .lines-content .view-line span span', { hasText: /^R1$/ }).first();
    const box = await span.boundingBox();
    assert.ok(box, 'R1 is not in view');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
    const text = await pollUntil(
      "a hover with R1's text",
      async () => {
        const shown = await editorHoverText(page);
        return /Return home interviews informing safety plans for children who go missing/.test(shown) && shown;
      },
      { timeoutMs: WAIT_MS, describe: async () => `the hover shows ${JSON.stringify(await editorHoverText(page)) || 'nothing'}` },
    );
    say(`hover: ${text}`);
    await waitForAnimations(page, '.monaco-editor .monaco-hover'); // its fade-in
    if (DOCS_IMAGES) {
      // The breadcrumbs follow the cursor a moment late: let them name R1 for the picture.
      await pollUntil('the breadcrumbs to show R1', () => page.evaluate(() => /R1 Return home interviews/.test(document.querySelector('.part.editor .breadcrumbs-control')?.textContent ?? '')), { timeoutMs: 5_000 }).catch((e) => say(`note: ${e.message}`));
    }
    await docsImage('hover');
  });

  it('opens the preview beside the plan, with RAG chips, owners, due dates and diagnostics, under a strict CSP', async function () {
    await resetFocus();
    // The file as it is on disk, whatever the steps before left; the Problems panel lists its problems.
    await runCommand(page, 'File: Revert File');
    await focusEditor(page);
    await goToLine(page, 1);
    await openProblemsPanel(page);
    await waitForProblemRows(page, { min: 1 });
    let previous = '';
    const listed = await waitForProblems('the Problems panel to settle on the file on disk', (ps) => {
      const now = ps.map((r) => `${r.line} ${r.code}`).join();
      const settled = ps.length > 0 && now === previous;
      previous = now;
      return settled;
    });
    // Room for the preview: the Problems panel is not needed any more.
    await runCommand(page, 'View: Hide Panel');
    await focusEditor(page);
    const errorsBefore = browser.consoleErrors.length;
    await runCommand(page, 'Improvement Plan: Open Preview to the Side');
    const frame = await webviewFrame('#content .plan-rag', 'the preview to render');
    assert.equal(await frame.locator('h3 .plan-rag').count(), 23, 'a chip on each of the 23 actions');
    assert.deepEqual(await frame.locator('h3', { hasText: 'A1.1 Review of training initiated' }).locator('.plan-rag').allTextContents(), ['Amber']);
    assert.deepEqual(await frame.locator('.plan-due.plan-overdue').allTextContents(), ['Due 30 September 2025 (overdue by 32 days)']);
    // The same problems as the Problems panel lists.
    const codes = await frame.locator('.plan-diagnostic .plan-code').allTextContents();
    assert.deepEqual(codes.sort(), listed.map((row) => row.code).sort());
    const csp = await frame.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    // The webview's own origin (cspSource) for styles and images, the page's nonce for scripts, and nothing else.
    const policy = /^default-src 'none'; style-src ([^;]+); script-src 'nonce-[0-9a-f]{32}'; img-src ([^;]+) data:$/.exec(csp);
    assert.ok(policy, csp);
    assert.equal(policy[2], policy[1], 'images only from where the styles come from');
    assert.doesNotMatch(csp, /unsafe|http:/);
    assert.deepEqual(cspErrorsSince(errorsBefore), []);
    say(`preview: ${codes.length} diagnostics; CSP ${csp}`);
    await parkMouse(page);
    await docsImageOfEditors('preview');
  });

  it('opens the dashboard: RAG counts, the coverage matrix and the timeline chart', async function () {
    await resetFocus();
    const errorsBefore = browser.consoleErrors.length;
    await runCommand(page, 'Improvement Plan: Open Dashboard');
    const frame = await webviewFrame('#dashboard .plan-coverage', 'the dashboard to render');
    assert.equal(await frame.locator('.plan-card-total .plan-card-value').textContent(), '23');
    assert.equal(await frame.locator('.plan-card-overdue .plan-card-value').textContent(), '1');
    const rows = await frame.locator('.plan-coverage tbody th[scope=row]').allTextContents();
    assert.deepEqual(rows.map((row) => row.split(' ')[0]), ['R1', 'R2', 'R3', 'R4', 'Addressing']);
    // Chart.js has drawn both charts: canvases with a size.
    const sizes = await frame.locator('canvas').evaluateAll((canvases) => canvases.map((c) => c.width > 0 && c.height > 0));
    assert.deepEqual(sizes, [true, true]);
    assert.deepEqual(cspErrorsSince(errorsBefore), []);
    await parkMouse(page);
    // The picture shows the coverage matrix and the timeline, below the counts.
    await frame.locator('.plan-coverage').evaluate((table) => table.closest('section').scrollIntoView());
    await docsImageOfEditors('dashboard');
  });
});
