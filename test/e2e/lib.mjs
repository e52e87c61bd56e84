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

/** Shows the Problems panel (Ctrl+Shift+M) unless it is already visible. */
export async function openProblemsPanel(page, { timeoutMs = 15_000 } = {}) {
  const panel = page.locator(MARKERS_PANEL);
  if (await panel.isVisible()) return;
  // Keyboard shortcuts go to the focused element: make sure the workbench has focus.
  await page.locator('.monaco-workbench').focus().catch(() => {});
  await page.keyboard.press('Control+Shift+M');
  await waitOrExplain('the Problems panel', timeoutMs, () => panel.waitFor({ state: 'visible', timeout: timeoutMs }));
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
