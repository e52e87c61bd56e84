// Helpers for end-to-end checks of the extension in a real VS Code workbench (code-server 4.100.3,
// i.e. VS Code 1.100.3 web) driven by Debian's headless Chromium through playwright-core.
//
// Everything runs on 127.0.0.1 only. code-server and playwright-core come from the cache that
// test/e2e/setup-code-server.sh fills (default <repo>/.cache/code-server, or
// $IMPROVEMENT_PLAN_E2E_CACHE). Each run gets its own state folder (user data, extensions,
// XDG homes), so nothing is written to the home folder and runs do not see each other.
//
// Waiting is always on a condition in the page, never a fixed sleep.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CACHE_DIR = path.resolve(
  process.env.IMPROVEMENT_PLAN_E2E_CACHE || path.join(REPO_ROOT, '.cache', 'code-server'),
);
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** User settings written into every run's user-data folder. */
export const USER_SETTINGS = Object.freeze({
  'files.autoSave': 'off',
  'workbench.startupEditor': 'none',
  'editor.snippetSuggestions': 'top',
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'chat.commandCenter.enabled': false,
});

/** A wait that ran out of time; `message` says what was awaited and what was seen instead. */
export class E2eTimeoutError extends Error {
  constructor(message) {
    super(message);
    this.name = 'E2eTimeoutError';
  }
}

// ------------------------------------------------------------------------------------------------
// Cache, run folders, ports

function codeServerEntry(cacheDir = CACHE_DIR) {
  const entry = path.join(cacheDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!fs.existsSync(path.join(cacheDir, '.installed')) || !fs.existsSync(entry)) {
    throw new Error(`code-server is not installed in ${cacheDir}: run bash test/e2e/setup-code-server.sh`);
  }
  return entry;
}

/** playwright-core's `chromium`, loaded from the cache folder (it is not a project dependency). */
export function loadChromium(cacheDir = CACHE_DIR) {
  const require = createRequire(path.join(cacheDir, 'package.json'));
  try {
    return require('playwright-core').chromium;
  } catch (e) {
    throw new Error(`playwright-core is not installed in ${cacheDir}: run bash test/e2e/setup-code-server.sh (${e.message})`);
  }
}

/**
 * Creates a fresh per-run state folder:
 *   ud/User/settings.json, ext/, home/{config,data,cache} (XDG homes), code-server.yaml
 * Returns { dir, userDataDir, extensionsDir, env, remove() }.
 */
export function createRun({ parent = os.tmpdir(), settings = {} } = {}) {
  const dir = fs.mkdtempSync(path.join(parent, 'improvement-plan-e2e-'));
  const userDataDir = path.join(dir, 'ud');
  const extensionsDir = path.join(dir, 'ext');
  const home = path.join(dir, 'home');
  for (const d of [path.join(userDataDir, 'User'), extensionsDir, home]) fs.mkdirSync(d, { recursive: true });
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 2) + '\n',
  );
  const configFile = path.join(dir, 'code-server.yaml');
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');
  const env = {
    ...process.env,
    // '{}' = no extension gallery: code-server does not look one up on the internet.
    EXTENSIONS_GALLERY: '{}',
    XDG_CONFIG_HOME: path.join(home, 'config'),
    XDG_DATA_HOME: path.join(home, 'data'),
    XDG_CACHE_HOME: path.join(home, 'cache'),
  };
  return {
    dir,
    userDataDir,
    extensionsDir,
    configFile,
    env,
    remove() {
      // Retries: a process of the run may still be writing its last files (ENOTEMPTY).
      fs.rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    },
  };
}

/** A TCP port that was free on 127.0.0.1 a moment ago. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function healthy(port) {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/healthz', timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
  });
}

const delay = (ms) => new Promise((r) => setTimeout(r, ms));

function tail(file, lines = 30) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function codeServerArgs(run) {
  return ['--config', run.configFile, '--user-data-dir', run.userDataDir, '--extensions-dir', run.extensionsDir];
}

// ------------------------------------------------------------------------------------------------
// (b) Installing a VSIX

/** Installs a VSIX into the run's extensions folder (code-server --install-extension). */
export async function installVsix(run, vsixPath, { cacheDir = CACHE_DIR, timeoutMs = 60_000 } = {}) {
  const vsix = path.resolve(vsixPath);
  if (!fs.existsSync(vsix)) throw new Error(`VSIX not found: ${vsix}`);
  const entry = codeServerEntry(cacheDir);
  const child = spawn(process.execPath, [entry, ...codeServerArgs(run), '--install-extension', vsix, '--force'], {
    env: run.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const [code, signal] = await once(child, 'exit');
  clearTimeout(timer);
  // code-server prints "Extension 'x.vsix' was successfully installed." and exits 0.
  if (code !== 0 || !/successfully installed/i.test(out)) {
    throw new Error(`installing ${vsix} failed (exit ${code ?? signal}):\n${out.trim()}`);
  }
  return out.trim();
}

// ------------------------------------------------------------------------------------------------
// (a) Starting and stopping code-server

/**
 * Starts code-server on 127.0.0.1:<free port> in its own process group (detached = setsid), so
 * that stop() ends it together with its extension host and any language server it spawned.
 * Resolves when /healthz answers. Returns { port, authority, baseUrl, pid, logFile, stop() }.
 */
export async function startCodeServer(run, { cacheDir = CACHE_DIR, timeoutMs = 30_000, attempts = 3 } = {}) {
  const entry = codeServerEntry(cacheDir);
  const logFile = path.join(run.dir, 'code-server.log');
  let lastError;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const port = await freePort();
    const authority = `127.0.0.1:${port}`;
    const log = fs.openSync(logFile, 'a');
    const child = spawn(
      process.execPath,
      [
        entry,
        ...codeServerArgs(run),
        '--auth', 'none',
        '--bind-addr', authority,
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        '--ignore-last-opened',
      ],
      { env: run.env, detached: true, stdio: ['ignore', log, log] },
    );
    fs.closeSync(log);
    let exited = null;
    child.once('exit', (code, signal) => (exited = { code, signal }));
    const server = {
      port,
      authority,
      baseUrl: `http://${authority}`,
      pid: child.pid,
      logFile,
      /** Remote URI of an absolute path on this machine, as the workbench wants it in a payload. */
      remoteUri: (absPath) => `vscode-remote://${authority}${absPath.split(path.sep).map(encodeURIComponent).join('/')}`,
      stop: () => stopProcessGroup(child, () => exited !== null),
    };
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && exited === null) {
      if (await healthy(port)) return server;
      await delay(100);
    }
    await server.stop();
    lastError = exited
      ? `code-server exited (${exited.code ?? exited.signal}) on port ${port}`
      : `code-server did not answer on ${authority} within ${timeoutMs} ms`;
    // An early exit is most often a port taken between freePort() and listen(): try another port.
    if (!exited) break;
  }
  throw new Error(`${lastError}; log ${logFile}:\n${tail(logFile)}`);
}

/** SIGTERM to the whole group, then SIGKILL to what is left of it. */
async function stopProcessGroup(child, hasExited, graceMs = 5000) {
  const signalGroup = (sig) => {
    try {
      process.kill(-child.pid, sig);
      return true;
    } catch (e) {
      if (e.code === 'ESRCH') return false; // group is gone
      throw e;
    }
  };
  if (!signalGroup('SIGTERM')) return;
  const deadline = Date.now() + graceMs;
  while (!hasExited() && Date.now() < deadline) await delay(50);
  // Children (extension host, language server) may outlive the leader: end the group for good.
  signalGroup('SIGKILL');
}

// ------------------------------------------------------------------------------------------------
// (c) Chromium and the workbench

/** True for the only URLs the page may load: loopback HTTP(S)/WS, data: and blob:. */
export function isAllowedUrl(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === 'data:' || u.protocol === 'blob:') return true;
  return ['http:', 'https:', 'ws:', 'wss:'].includes(u.protocol) && u.hostname === '127.0.0.1';
}

/**
 * Launches headless Chromium with a page of the given size, refusing every request that is not to
 * 127.0.0.1, data: or blob:. Returns { browser, context, page, blocked, consoleErrors, close() }.
 */
export async function launchBrowser(run, { viewport = { width: 1400, height: 900 }, cacheDir = CACHE_DIR } = {}) {
  const chromium = loadChromium(cacheDir);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // Playwright's own handlers would kill Chromium and exit(130) at once, before the caller has
    // stopped code-server: callers handle signals and close the browser themselves. (Chromium
    // also ends by itself when its pipe to this process closes.)
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    // Chromium's crashpad/dconf files go into the run folder, not ~/.config or ~/.cache.
    env: { ...run.env, XDG_CONFIG_HOME: path.join(run.dir, 'home', 'chromium-config'), XDG_CACHE_HOME: path.join(run.dir, 'home', 'chromium-cache') },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Defence in depth beside the route below (which does not see service-worker traffic):
      // every non-loopback connection goes to a proxy that is not there. Chromium never proxies
      // loopback addresses.
      '--proxy-server=http://127.0.0.1:9',
    ],
  });
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const blocked = [];
  const consoleErrors = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isAllowedUrl(url)) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  return {
    browser,
    context,
    page,
    blocked,
    consoleErrors,
    close: () => browser.close(),
  };
}

/**
 * Loads the workbench on `folder` and, if given, opens `file` (absolute, or relative to folder) in
 * an editor, through the URL's folder= and payload=[["openFile", ...]] parameters. Waits for the
 * workbench and, for a file, its active editor tab and text.
 */
export async function openWorkbench(page, server, { folder, file, timeoutMs = 60_000 }) {
  const deadline = Date.now() + timeoutMs;
  const absFolder = path.resolve(folder);
  let query = `folder=${encodeURIComponent(absFolder)}`;
  let absFile;
  if (file) {
    absFile = path.resolve(absFolder, file);
    const payload = [['openFile', server.remoteUri(absFile)]];
    query += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  }
  await page.goto(`${server.baseUrl}/?${query}`, { timeout: remaining(deadline) });
  await waitForWorkbench(page, { timeoutMs: remaining(deadline) });
  if (absFile) await waitForActiveEditor(page, path.basename(absFile), { timeoutMs: remaining(deadline) });
}

function remaining(deadline) {
  return Math.max(1, deadline - Date.now());
}

// ------------------------------------------------------------------------------------------------
// (d) Waiting for conditions in the page

/** Runs a Playwright wait; turns its timeout into an E2eTimeoutError that says what was awaited. */
async function waitOrExplain(what, timeoutMs, wait, describeNow) {
  try {
    return await wait();
  } catch (e) {
    if (e?.name !== 'TimeoutError') throw e;
    let now = '';
    if (describeNow) {
      try {
        now = `; ${await describeNow()}`;
      } catch {
        /* the page may be gone */
      }
    }
    throw new E2eTimeoutError(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}${now}`);
  }
}

/** The workbench has rendered (status bar present). */
export async function waitForWorkbench(page, { timeoutMs = 60_000 } = {}) {
  await waitOrExplain('the workbench (status bar)', timeoutMs, () =>
    page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: timeoutMs }),
  );
}

/** An editor tab for `fileName` is active and its text is rendered. */
export async function waitForActiveEditor(page, fileName, { timeoutMs = 30_000 } = {}) {
  await waitOrExplain(
    `an active editor for ${fileName}`,
    timeoutMs,
    () =>
      page.waitForFunction(
        (name) => {
          const tab = document.querySelector('.tabs-container .tab.active');
          const label = tab?.getAttribute('aria-label') ?? tab?.textContent ?? '';
          return label.includes(name) && document.querySelector('.editor-instance .monaco-editor .view-lines') !== null;
        },
        fileName,
        { timeout: timeoutMs },
      ),
    async () => `active tab: ${JSON.stringify(await page.locator('.tabs-container .tab.active').first().getAttribute('aria-label', { timeout: 500 }).catch(() => null))}`,
  );
}

/** The language mode shown in the status bar ('' when there is none). */
export async function languageMode(page) {
  return page.evaluate(() => document.getElementById('status.editor.mode')?.textContent?.trim() ?? '');
}

/** Waits until the status bar's language mode reads exactly `text`. */
export async function waitForLanguageMode(page, text, { timeoutMs = 30_000 } = {}) {
  await waitOrExplain(
    `language mode "${text}"`,
    timeoutMs,
    () =>
      page.waitForFunction(
        (want) => document.getElementById('status.editor.mode')?.textContent?.trim() === want,
        text,
        { timeout: timeoutMs, polling: 100 },
      ),
    async () => `the status bar shows "${await languageMode(page)}"`,
  );
}

const SQUIGGLE_SELECTOR = ['error', 'warning', 'info', 'hint']
  .map((s) => `.monaco-editor .squiggly-${s}`)
  .join(', ');

/** Waits until at least `min` squiggles (error, warning, info or hint) are drawn; returns the count. */
export async function waitForSquiggles(page, { min = 1, timeoutMs = 30_000 } = {}) {
  await waitOrExplain(
    `${min} squiggle(s) in the editor`,
    timeoutMs,
    () =>
      page.waitForFunction(
        ({ sel, n }) => document.querySelectorAll(sel).length >= n,
        { sel: SQUIGGLE_SELECTOR, n: min },
        { timeout: timeoutMs, polling: 100 },
      ),
    async () => `${await page.locator(SQUIGGLE_SELECTOR).count()} shown`,
  );
  return page.locator(SQUIGGLE_SELECTOR).count();
}

const MARKERS_PANEL = '.markers-panel';
// In the Problems tree, file rows hold a resource label; problem rows hold a severity icon.
const PROBLEM_ROW = `${MARKERS_PANEL} .monaco-list-row:has(.marker-icon)`;

/** Shows the Problems panel (Ctrl+Shift+M, which also gives it the keyboard focus) unless it is already visible. */
export async function openProblemsPanel(page, { timeoutMs = 15_000 } = {}) {
  const panel = page.locator(MARKERS_PANEL);
  if (await panel.isVisible()) return;
  // Keyboard shortcuts go to the focused element: make sure the workbench has focus.
  await page.locator('.monaco-workbench').focus().catch(() => {});
  await page.keyboard.press('Control+Shift+M');
  await waitOrExplain('the Problems panel', timeoutMs, () => panel.waitFor({ state: 'visible', timeout: timeoutMs }));
  // It takes the keyboard focus once it is open: wait for that, so that it does not take it
  // later from whatever the caller focuses next (keys meant for the editor would land in it).
  await waitOrExplain('the Problems panel to take the focus', timeoutMs, () =>
    page.waitForFunction(() => !!document.activeElement?.closest('.part.panel'), null, { timeout: timeoutMs, polling: 50 }),
  );
}

/**
 * Waits until the Problems panel lists at least `min` problems; returns all its rows (see
 * problemRows()).
 */
export async function waitForProblemRows(page, { min = 1, timeoutMs = 30_000 } = {}) {
  await waitOrExplain(
    `${min} row(s) in the Problems panel`,
    timeoutMs,
    () =>
      page.waitForFunction(
        ({ sel, n }) => document.querySelectorAll(sel).length >= n,
        { sel: PROBLEM_ROW, n: min },
        { timeout: timeoutMs, polling: 100 },
      ),
    async () => `the panel shows: ${JSON.stringify((await problemRows(page)).map((r) => r.text))}`,
  );
  return problemRows(page);
}

/**
 * Every row of the Problems panel, in order, as { level, kind, text }: kind 'file' (text
 * "name  folder  (count)"), 'problem' (text "severity: message  source(code)  [Ln l, Col c]") or
 * 'other' (e.g. related information; its text with whitespace collapsed).
 */
export async function problemRows(page) {
  return page.evaluate((sel) => {
    const text = (root, q) => (root.querySelector(q)?.textContent ?? '').replace(/\s+/g, ' ').trim();
    return [...document.querySelectorAll(sel)].map((row) => {
      const level = Number(row.getAttribute('aria-level') || 1);
      const icon = row.querySelector('.marker-icon');
      if (icon) {
        const severity = [...icon.classList].filter((c) => c !== 'marker-icon').join(' ');
        const source = text(row, '.marker-source');
        const code = text(row, '.marker-code');
        const origin = source + (code ? `(${code})` : '');
        const parts = [`${severity}: ${text(row, '.marker-message')}`, origin, text(row, '.marker-line')];
        return { level, kind: 'problem', text: parts.filter(Boolean).join('  ') };
      }
      if (row.querySelector('.resource-label-container')) {
        const count = text(row, '.monaco-count-badge');
        const parts = [text(row, '.label-name'), text(row, '.label-description'), count && `(${count})`];
        return { level, kind: 'file', text: parts.filter(Boolean).join('  ') };
      }
      return { level, kind: 'other', text: (row.innerText || row.textContent || '').replace(/\s+/g, ' ').trim() };
    });
  }, `${MARKERS_PANEL} .monaco-list-row`);
}

// ------------------------------------------------------------------------------------------------
// (e) Screenshot

/** Writes a PNG of the page's viewport to `outPath` (folders created as needed). */
export async function saveScreenshot(page, outPath) {
  const out = path.resolve(outPath);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  await page.screenshot({ path: out, type: 'png' });
  return out;
}

// ------------------------------------------------------------------------------------------------
// (f) Driving the workbench as a user: polling, the editor, the Problems list, widgets
//     (used by e2e.test.mjs; everything waits on what the page shows)

/** Resolves after the workbench has painted twice: what it was just asked to draw is on screen. */
export function nextFrame(page) {
  return page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/**
 * Calls `check()` until it returns a truthy value, and returns that value. For conditions that a
 * single page.waitForFunction cannot express (e.g. reading a virtualised list by scrolling it).
 * On timeout throws an E2eTimeoutError naming `what` and, if given, `describe()`'s account of
 * what the page showed at the last try (it receives the last value `check()` returned).
 */
export async function pollUntil(what, check, { timeoutMs = 30_000, intervalMs = 100, describe } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await check();
    if (last) return last;
    if (Date.now() >= deadline) break;
    await delay(intervalMs);
  }
  let now = '';
  if (describe) {
    try {
      now = `; ${await describe(last)}`;
    } catch {
      /* the page may be gone */
    }
  }
  throw new E2eTimeoutError(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}${now}`);
}

/** Moves the mouse to an empty spot of the title bar, where hovering shows nothing. */
export async function parkMouse(page) {
  const box = await page.locator('.part.titlebar').boundingBox();
  if (box) await page.mouse.move(box.x + Math.min(200, box.width * 0.15), box.y + box.height / 2);
  else await page.mouse.move(1, 1);
}

const EDITOR = '.part.editor .editor-instance .monaco-editor';

/**
 * Waits until the keyboard focus is inside an element matching `selector` (e.g. a box that has
 * just opened: keys typed before it has the focus would go to the editor underneath).
 */
export async function waitForFocus(page, selector, { timeoutMs = 10_000 } = {}) {
  await waitOrExplain(`the keyboard focus in ${selector}`, timeoutMs, () =>
    page.waitForFunction((sel) => !!document.activeElement?.closest(sel), selector, { timeout: timeoutMs, polling: 50 }),
  );
}

/** Gives the active editor the keyboard focus (Ctrl+1, "Focus First Editor Group") and waits for it. */
export async function focusEditor(page, { timeoutMs = 10_000 } = {}) {
  const focused = () =>
    page.evaluate((sel) => {
      const el = document.activeElement;
      return !!el?.closest(sel) && !el.closest('.overlayWidgets, .find-widget') && (el.classList.contains('inputarea') || el.classList.contains('native-edit-context'));
    }, EDITOR);
  if (await focused()) return;
  await page.keyboard.press('Control+1');
  await pollUntil('the editor to have the keyboard focus', focused, {
    timeoutMs,
    intervalMs: 50,
    describe: () => page.evaluate(() => `focus is on <${document.activeElement?.tagName.toLowerCase()} class="${document.activeElement?.className}">`),
  });
  // The view that lost the focus learns it in a timer task (VS Code's focus trackers), and until
  // then its keybindings win (Ctrl+F in the Problems view focuses its filter). A zero timer queued
  // now runs after that one: once it has, the workbench agrees that the editor has the focus.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

/** The status bar's cursor item parsed: { line, column, selected } (selected: characters selected, 0 when none). */
export async function cursorStatus(page) {
  const text = await page.evaluate(() => document.getElementById('status.editor.selection')?.textContent?.trim() ?? '');
  const m = /^Ln (\d+), Col (\d+)(?: \((\d+) selected\))?/.exec(text);
  return m ? { line: Number(m[1]), column: Number(m[2]), selected: Number(m[3] ?? 0), text } : { line: 0, column: 0, selected: 0, text };
}

/**
 * Waits until the status bar shows the cursor where `want` says ({ line, column, selected }, each
 * optional; `selected: 0` means no selection). The status bar follows the cursor a moment late.
 */
export async function waitForCursor(page, want, { timeoutMs = 10_000 } = {}) {
  return pollUntil(
    `the cursor at ${JSON.stringify(want)}`,
    async () => {
      const now = await cursorStatus(page);
      const ok = Object.entries(want).every(([k, v]) => v === undefined || now[k] === v);
      return ok && now;
    },
    { timeoutMs, intervalMs: 50, describe: async () => `the status bar shows "${(await cursorStatus(page)).text}"` },
  );
}

/** Opens Go to Line (Ctrl+G) in the active editor, types the line number and waits for the cursor there. */
export async function goToLine(page, line, { timeoutMs = 10_000 } = {}) {
  await focusEditor(page, { timeoutMs });
  await page.keyboard.press('Control+g');
  const input = page.locator('.quick-input-widget input');
  await waitOrExplain('the Go to Line box', timeoutMs, () => input.waitFor({ state: 'visible', timeout: timeoutMs }));
  await waitForFocus(page, '.quick-input-widget', { timeoutMs });
  await page.keyboard.type(String(line));
  // The box reads ":<line>" (Quick Open's go-to-line prefix).
  await waitOrExplain(`the Go to Line box to read :${line}`, timeoutMs, () =>
    page.waitForFunction((want) => document.querySelector('.quick-input-widget input')?.value === want, `:${line}`, { timeout: timeoutMs, polling: 50 }),
  );
  await page.keyboard.press('Enter');
  await waitOrExplain('the Go to Line box to close', timeoutMs, () => input.waitFor({ state: 'hidden', timeout: timeoutMs }));
  await focusEditor(page, { timeoutMs });
  return waitForCursor(page, { line, column: 1 }, { timeoutMs });
}

/**
 * Finds `text` with the editor's Find widget (Ctrl+F), closes the widget (Escape) and waits until
 * the first match after the cursor is selected. Returns the cursor status (the end of the match).
 */
export async function findInEditor(page, text, { timeoutMs = 10_000 } = {}) {
  await focusEditor(page, { timeoutMs });
  await page.keyboard.press('Control+f');
  const input = page.locator(`${EDITOR} .find-widget .input`).first();
  await waitOrExplain('the Find widget', timeoutMs, () => input.waitFor({ state: 'visible', timeout: timeoutMs }));
  await waitForFocus(page, `${EDITOR} .find-widget`, { timeoutMs });
  await page.keyboard.press('Control+a'); // the box is seeded with the word at the cursor
  await page.keyboard.type(text);
  await waitOrExplain(`the Find widget to find "${text}"`, timeoutMs, () =>
    page.waitForFunction(
      ({ sel, want }) => {
        const widget = document.querySelector(`${sel} .find-widget`);
        return widget?.querySelector('.input')?.value === want && /^\d+ of \d+$/.test(widget.querySelector('.matchesCount')?.textContent?.trim() ?? '');
      },
      { sel: EDITOR, want: text },
      { timeout: timeoutMs, polling: 50 },
    ),
  );
  await page.keyboard.press('Escape');
  await focusEditor(page, { timeoutMs });
  return waitForCursor(page, { selected: text.length }, { timeoutMs });
}

/**
 * The editor lines in view, in order, as { number, text, hints, tokens: [{ text, color }],
 * squiggles }: text with ordinary spaces, as in the file; hints the inlay hints drawn in the line;
 * tokens the rendered spans of the text with their computed colour; squiggles the severities
 * ('error', 'warning', 'info', 'hint') of the squiggles drawn on the line.
 */
export async function visibleLines(page) {
  return page.evaluate((sel) => {
    const editor = document.querySelector(sel);
    if (!editor) return [];
    const byTop = (root, q) => {
      const map = new Map();
      for (const el of root.querySelectorAll(q)) map.set(el.style.top, el);
      return map;
    };
    const numbers = [...editor.querySelectorAll('.margin-view-overlays .line-numbers')];
    const lines = byTop(editor, '.view-lines > .view-line');
    const overlays = byTop(editor, '.view-overlays > div');
    const out = [];
    for (const n of numbers) {
      const top = n.parentElement.style.top;
      const line = lines.get(top);
      if (!line) continue;
      // Injected text (inlay hints such as "in 23 days") is drawn in spans styled by dynamic
      // rules (dyn-rule-*): it is not the line's text.
      const spans = [...line.querySelectorAll(':scope > span > span')];
      const injected = (s) => [...s.classList].some((c) => c.startsWith('dyn-rule-'));
      const tokens = spans.filter((s) => !injected(s)).map((s) => ({
        text: s.textContent.replace(/\u00a0/g, ' '),
        color: getComputedStyle(s).color,
      }));
      const hints = spans.filter(injected).map((s) => s.textContent.replace(/\u00a0/g, ' ')).join('').trim();
      const squiggles = [...(overlays.get(top)?.querySelectorAll('[class*="squiggly-"]') ?? [])].map((d) =>
        /squiggly-(error|warning|info|hint)/.exec(d.className)?.[1],
      );
      out.push({ number: Number(n.textContent.trim()), top: parseFloat(top), text: tokens.map((t) => t.text).join(''), hints, tokens, squiggles });
    }
    return out.sort((a, b) => a.number - b.number);
  }, EDITOR);
}

/** Line `number` of the active editor if it is in view (see visibleLines()), else undefined. */
export async function visibleLine(page, number) {
  return (await visibleLines(page)).find((l) => l.number === number);
}

/**
 * Waits until line `number` of the active editor is in view and its text equals `expected` (a
 * string) or matches it (a RegExp); returns the line (see visibleLines()). The editor paints a
 * frame after the keystroke that changed it: read the line through this after typing.
 */
export async function waitForLine(page, number, expected, { timeoutMs = 10_000 } = {}) {
  const ok = (text) => (expected instanceof RegExp ? expected.test(text) : text === expected);
  return pollUntil(
    `line ${number} to read ${expected instanceof RegExp ? expected : JSON.stringify(expected)}`,
    async () => {
      const line = await visibleLine(page, number);
      return line && ok(line.text) && line;
    },
    { timeoutMs, intervalMs: 50, describe: async () => `it reads ${JSON.stringify((await visibleLine(page, number))?.text ?? '(not in view)')}` },
  );
}

/** Opens the quick input with `key` (F1, Ctrl+P), types `text`, waits for the row labelled exactly `label` to be focused and accepts it. */
async function quickPick(page, key, text, label, timeoutMs) {
  await page.keyboard.press(key);
  const input = page.locator('.quick-input-widget input');
  await waitOrExplain('the quick input', timeoutMs, () => input.waitFor({ state: 'visible', timeout: timeoutMs }));
  await waitForFocus(page, '.quick-input-widget', { timeoutMs });
  await page.keyboard.type(text);
  await waitOrExplain(`"${label}" focused in the quick input`, timeoutMs, () =>
    page.waitForFunction(
      (want) => {
        const row = document.querySelector('.quick-input-list .monaco-list-row.focused');
        return (row?.querySelector('.label-name')?.textContent ?? '').replace(/\s+/g, ' ').trim() === want;
      },
      label,
      { timeout: timeoutMs, polling: 50 },
    ),
  );
  await page.keyboard.press('Enter');
  await waitOrExplain('the quick input to close', timeoutMs, () => input.waitFor({ state: 'hidden', timeout: timeoutMs }));
}

/** Runs a command by its title through the Command Palette (F1), e.g. "Notifications: Clear All Notifications". */
export async function runCommand(page, title, { timeoutMs = 15_000 } = {}) {
  await page.locator('.monaco-workbench').focus().catch(() => {});
  await quickPick(page, 'F1', title, title, timeoutMs);
}

const TOAST = '.notifications-toasts .notification-toast-container';

/** Clears every notification toast (if any is showing) and waits until none is visible. */
export async function dismissNotifications(page, { timeoutMs = 15_000 } = {}) {
  const visibleToasts = () => page.evaluate((sel) => [...document.querySelectorAll(sel)].filter((t) => t.getBoundingClientRect().height > 0).length, TOAST);
  if ((await visibleToasts()) === 0) return 0;
  const n = await visibleToasts();
  await runCommand(page, 'Notifications: Clear All Notifications', { timeoutMs });
  await pollUntil('the notification toasts to close', async () => (await visibleToasts()) === 0, { timeoutMs });
  return n;
}

/** Clicks the Panel's Maximize (or Restore) Panel Size button so that it is `maximized`. */
export async function setPanelMaximized(page, maximized, { timeoutMs = 10_000 } = {}) {
  const want = maximized ? 'Restore Panel Size' : 'Maximize Panel Size';
  const button = page.locator(`.part.panel .action-label[aria-label="${maximized ? 'Maximize Panel Size' : 'Restore Panel Size'}"]`);
  if ((await button.count()) > 0) await button.first().click();
  await waitOrExplain(`the panel's "${want}" button`, timeoutMs, () =>
    page.locator(`.part.panel .action-label[aria-label="${want}"]`).first().waitFor({ state: 'visible', timeout: timeoutMs }),
  );
  await parkMouse(page);
  await nextFrame(page);
}

/** Scroll state and rendered rows of the Problems list, rows parsed. */
async function problemListState(page) {
  return page.evaluate((sel) => {
    const container = document.querySelector(`${sel} .monaco-list-rows`);
    if (!container) return null;
    const text = (root, q) => (root.querySelector(q)?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const rows = [...container.querySelectorAll(':scope > .monaco-list-row')].map((row) => {
      const index = Number(row.dataset.index);
      const level = Number(row.getAttribute('aria-level') || 1);
      const icon = row.querySelector('.marker-icon');
      if (icon) {
        const at = /Ln (\d+), Col (\d+)/.exec(text(row, '.marker-line'));
        return {
          index,
          level,
          kind: 'problem',
          severity: [...icon.classList].filter((c) => c !== 'marker-icon').join(' '),
          message: text(row, '.marker-message'),
          source: text(row, '.marker-source'),
          code: text(row, '.marker-code'),
          line: at ? Number(at[1]) : 0,
          column: at ? Number(at[2]) : 0,
        };
      }
      if (row.querySelector('.resource-label-container')) {
        return { index, level, kind: 'file', name: text(row, '.label-name'), count: Number(text(row, '.monaco-count-badge') || 0) };
      }
      return { index, level, kind: 'other', text: (row.innerText || row.textContent || '').replace(/\s+/g, ' ').trim() };
    });
    return {
      scrollTop: -parseFloat(container.style.top || '0'),
      scrollHeight: parseFloat(container.style.height || '0'),
      viewHeight: container.parentElement.clientHeight,
      rows,
    };
  }, MARKERS_PANEL);
}

/**
 * Every row of the Problems panel (which must be visible), read by scrolling its virtualised list
 * from top to bottom with the mouse wheel: file rows { kind: 'file', name, count }, problem rows
 * { kind: 'problem', file, severity, message, source, code, line, column } and others { kind:
 * 'other', file, text }, each with its index and tree level (file: the name of the file row above). Scrolls back to the top and parks the mouse after.
 * Throws when the rows changed under it (call it again: the diagnostics were being updated).
 */
export async function allProblemRows(page, { maxSteps = 200 } = {}) {
  const list = page.locator(`${MARKERS_PANEL} .monaco-list`).first();
  const box = await list.boundingBox();
  if (!box) throw new Error('the Problems list is not visible');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  // The list scrolls a fixed amount per wheel notch (50 px here) whatever the delta: send notches
  // back to back, then let it paint once.
  const NOTCH = 50;
  const wheel = async (notches) => {
    for (let i = 0; i < Math.abs(notches); i++) await page.mouse.wheel(0, Math.sign(notches) * NOTCH);
    await nextFrame(page);
    return problemListState(page);
  };
  const toTop = async () => {
    let state = await problemListState(page);
    for (let i = 0; i < 20 && state && state.scrollTop > 0; i++) {
      const before = state.scrollTop;
      state = await wheel(-Math.ceil(state.scrollTop / NOTCH));
      if (state && state.scrollTop === before) break;
    }
    return state;
  };
  try {
    let state = await toTop();
    if (!state) return [];
    const seen = new Map();
    // Half a view per step, so no row is skipped even if a notch scrolls twice as far.
    const notches = Math.max(1, Math.floor(state.viewHeight / 2 / NOTCH));
    for (let step = 0; step < maxSteps; step++) {
      for (const row of state.rows) seen.set(row.index, row);
      if (state.scrollTop + state.viewHeight >= state.scrollHeight - 1) break;
      const before = state.scrollTop;
      state = await wheel(notches);
      if (!state || state.scrollTop === before) break;
    }
    const rows = [...seen.values()].sort((a, b) => a.index - b.index);
    if (rows.some((r, i) => r.index !== i)) throw new Error(`the Problems list changed while it was read (rows ${rows.map((r) => r.index).join(',')})`);
    let file;
    for (const row of rows) {
      if (row.kind === 'file') file = row.name;
      else row.file = file;
    }
    return rows;
  } finally {
    await toTop().catch(() => {});
    await parkMouse(page).catch(() => {});
  }
}

/** The visible hover widget's text in the editor (whitespace collapsed), or '' when none is showing. */
export async function editorHoverText(page) {
  return page.evaluate(() => {
    const hovers = [...document.querySelectorAll('.monaco-editor .monaco-hover:not(.hidden)')].filter((h) => h.getBoundingClientRect().height > 0);
    return hovers.map((h) => (h.innerText || h.textContent || '').replace(/\s+/g, ' ').trim()).join(' | ');
  });
}

/**
 * Waits until the elements matching `selector` have finished their CSS animations (e.g. a hover's
 * fade-in), so that a screenshot shows them as the user ends up seeing them. Endless animations
 * (a blinking cursor) are not waited for.
 */
export async function waitForAnimations(page, selector, { timeoutMs = 10_000 } = {}) {
  await waitOrExplain(`the animations of ${selector} to finish`, timeoutMs, () =>
    page.waitForFunction(
      (sel) =>
        [...document.querySelectorAll(sel)].every((el) =>
          el.getAnimations({ subtree: true }).every((a) => a.playState === 'finished' || a.effect?.getComputedTiming().iterations === Infinity),
        ),
      selector,
      { timeout: timeoutMs, polling: 'raf' },
    ),
  );
}
