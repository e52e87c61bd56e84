#!/usr/bin/env node
// Opens a plan file in a real VS Code workbench (code-server, headless Chromium) with a VSIX
// installed, waits for the language mode and the diagnostics, opens the Problems panel and
// writes a 1400x900 screenshot.
//
// Usage: node test/e2e/screenshot.mjs <file.vsix> <workspaceFolder> <relative/file.plan.md> <out.png>
//
// stdout: the Problems panel's rows, one a line. stderr: progress.
// Exit 0 on success; 1 on failure or timeout (E2E_TIMEOUT_MS, default 60000, for the whole run),
// with a *-fail.png screenshot beside <out.png> when the page got that far, and the run folder
// (code-server log) kept. Set E2E_KEEP_RUN=1 to keep the run folder on success too.
// Needs: bash test/e2e/setup-code-server.sh once.

import fs from 'node:fs';
import path from 'node:path';
import {
  E2eTimeoutError,
  createRun,
  installVsix,
  launchBrowser,
  openProblemsPanel,
  openWorkbench,
  saveScreenshot,
  startCodeServer,
  waitForLanguageMode,
  waitForProblemRows,
  waitForSquiggles,
} from './lib.mjs';

const LANGUAGE_NAME = 'Improvement Plan';
const TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS || 60_000);

const t0 = Date.now();
const say = (msg) => process.stderr.write(`[screenshot ${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}\n`);

function usage(msg) {
  if (msg) process.stderr.write(`screenshot: ${msg}\n`);
  process.stderr.write('usage: node test/e2e/screenshot.mjs <file.vsix> <workspaceFolder> <relative/file.plan.md> <out.png>\n');
  process.exit(2);
}

const [vsixArg, folderArg, fileArg, outArg, ...extra] = process.argv.slice(2);
if (!outArg || extra.length) usage();
const vsix = path.resolve(vsixArg);
const folder = path.resolve(folderArg);
const file = path.resolve(folder, fileArg);
const out = path.resolve(outArg);
if (!fs.existsSync(vsix)) usage(`no such VSIX: ${vsix}`);
if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) usage(`no such folder: ${folder}`);
if (!fs.existsSync(file)) usage(`no such file: ${file}`);

const deadline = t0 + TIMEOUT_MS;
const left = () => {
  const ms = deadline - Date.now();
  if (ms <= 0) throw new E2eTimeoutError(`the ${TIMEOUT_MS / 1000} s budget ran out`);
  return ms;
};

let run;
let server;
let browser;
let ok = false;
let stopping = null; // exit code once a signal or the watchdog is ending the run
let cleaning;

/** Closes the browser, stops code-server and removes (or keeps) the run folder; runs once. */
function cleanUp() {
  cleaning ??= (async () => {
    await browser?.close().catch(() => {});
    await server?.stop().catch(() => {});
    server = undefined;
    if (run) {
      if ((ok || stopping === 130) && !process.env.E2E_KEEP_RUN) {
        try {
          run.remove();
        } catch (e) {
          say(`could not remove the run folder ${run.dir}: ${e.message}`);
        }
      } else say(`run folder kept: ${run.dir} (code-server log: ${path.join(run.dir, 'code-server.log')})`);
    }
  })();
  return cleaning;
}

// Last resort if something exits the process without cleanUp(): never leave code-server behind.
process.on('exit', () => {
  if (server) {
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
});
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.once(sig, () => {
    say(`${sig}: stopping`);
    stopping = 130;
    cleanUp().finally(() => process.exit(130));
  });
}

// A hard stop in case something hangs outside the waits that honour the deadline.
const watchdog = setTimeout(() => {
  process.stderr.write(`screenshot: FAILED: no result after ${(TIMEOUT_MS + 15_000) / 1000} s; giving up\n`);
  stopping = 1;
  cleanUp().finally(() => process.exit(1));
}, TIMEOUT_MS + 15_000);
watchdog.unref();

try {
  run = createRun();
  say(`installing ${path.basename(vsix)}`);
  await installVsix(run, vsix, { timeoutMs: left() });
  server = await startCodeServer(run, { timeoutMs: left() });
  say(`code-server up on ${server.baseUrl} (pid ${server.pid})`);

  const b = await launchBrowser(run, { viewport: { width: 1400, height: 900 } });
  browser = b.browser;
  const { page } = b;
  try {
    await openWorkbench(page, server, { folder, file, timeoutMs: left() });
    say(`workbench open on ${path.relative(folder, file)}`);
    await waitForLanguageMode(page, LANGUAGE_NAME, { timeoutMs: left() });
    say(`language mode: ${LANGUAGE_NAME}`);
    const squiggles = await waitForSquiggles(page, { min: 1, timeoutMs: left() });
    say(`${squiggles} squiggle(s)`);
    await openProblemsPanel(page, { timeoutMs: left() });
    const rows = await waitForProblemRows(page, { min: 1, timeoutMs: left() });
    say(`${rows.length} row(s) in the Problems panel`);
    // The panel may still be laying out its rows: give the renderer one frame before the shot.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await saveScreenshot(page, out);
    say(`screenshot: ${out}`);
    if (b.blocked.length) say(`blocked ${b.blocked.length} non-loopback request(s), e.g. ${b.blocked[0]}`);
    process.stdout.write(rows.map((r) => '  '.repeat(r.level - 1) + r.text).join('\n') + '\n');
    ok = true;
  } catch (e) {
    if (stopping !== null) throw e;
    const failShot = out.replace(/(\.png)?$/i, '-fail.png');
    await saveScreenshot(page, failShot).then(() => say(`failure screenshot: ${failShot}`)).catch(() => {});
    if (b.consoleErrors.length) say(`browser console errors:\n  ${b.consoleErrors.slice(0, 10).join('\n  ')}`);
    throw e;
  }
} catch (e) {
  if (stopping !== null) {
    // A signal or the watchdog is ending the run: the errors it causes here are noise.
    await cleanUp();
    process.exit(stopping);
  }
  const why = e instanceof E2eTimeoutError ? `${e.message} (run budget E2E_TIMEOUT_MS=${TIMEOUT_MS})` : e?.stack || e;
  process.stderr.write(`screenshot: FAILED: ${why}\n`);
  process.exitCode = 1;
} finally {
  await cleanUp();
  clearTimeout(watchdog);
}
