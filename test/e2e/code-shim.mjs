#!/usr/bin/env node
// A stand-in "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }),
// for machines that cannot download VS Code. It takes the desktop command line runTests builds:
//
//   code-shim.mjs [<folder>|<file.code-workspace>] --extensionDevelopmentPath=<dir>...
//                 --extensionTestsPath=<file> [--user-data-dir=<dir>] [--extensions-dir=<dir>] ...
//
// starts code-server 4.100.3 (VS Code 1.100.3) on 127.0.0.1, loads the workbench in headless
// Chromium with the extension-test payload (VS Code web reads extensionDevelopmentPath and
// extensionTestsPath from the page's `payload` query parameter), relays what the suite prints to
// stdout (errors to stderr), and exits with the suite's exit code: 0 when it passed, else non-zero.
// The page may load nothing but 127.0.0.1, data: and blob: URLs (see lib.mjs).
//
// Also: `code-shim.mjs --install-extension <file.vsix>...` installs VSIX files into
// --extensions-dir, as the desktop CLI does (@vscode/test-cli's installExtensions uses it).
//
// Desktop-only switches (--no-sandbox, --disable-gpu-sandbox, --disable-updates, --skip-welcome,
// --skip-release-notes, --disable-workspace-trust, --disable-extensions, ...) are accepted and
// ignored: the code-server run has its own empty extensions folder, no update checks and no
// workspace trust anyway.
//
// Env: CODE_SHIM_TIMEOUT_MS (default 600000) for the whole suite; CODE_SHIM_KEEP_RUN=1 keeps the
// run folder (code-server log) after a passing run (it is always kept after a failing one);
// IMPROVEMENT_PLAN_E2E_CACHE and CHROMIUM_PATH as in lib.mjs.
// Needs: bash test/e2e/setup-code-server.sh once.

import fs from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import { USER_SETTINGS, createRun, installVsix, launchBrowser, startCodeServer } from './lib.mjs';

const TIMEOUT_MS = Number(process.env.CODE_SHIM_TIMEOUT_MS || 600_000);
// Options that take a value, as `--name value` or `--name=value`; all other `--name`s are switches.
const VALUE_OPTIONS = new Set([
  'extensionDevelopmentPath',
  'extensionTestsPath',
  'user-data-dir',
  'extensions-dir',
  'install-extension',
  'uninstall-extension',
  'locale',
  'log',
  'profile',
  'category',
  'inspect-extensions',
  'inspect-brk-extensions',
  'crash-reporter-directory',
]);
// Workbench log lines that say nothing about the suite.
const NOISE = /^(Ignoring fetching additional builtin extensions|Updating additional builtin extensions cache)/;

const t0 = Date.now();
const note = (message) => process.stderr.write(`[code-shim ${((Date.now() - t0) / 1000).toFixed(1)}s] ${message}\n`);

function parseArgs(argv) {
  const options = { developmentPaths: [], testsPath: undefined, userDataDir: undefined, extensionsDir: undefined, install: [], unsupported: [], positional: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const match = /^--([^=]+)(?:=(.*))?$/s.exec(arg);
    if (!match) {
      options.positional.push(arg);
      continue;
    }
    const [, name, inline] = match;
    const value = VALUE_OPTIONS.has(name) ? (inline ?? argv[++i]) : inline;
    if (VALUE_OPTIONS.has(name) && value === undefined) throw new UsageError(`--${name} needs a value`);
    switch (name) {
      case 'extensionDevelopmentPath':
        options.developmentPaths.push(path.resolve(value));
        break;
      case 'extensionTestsPath':
        options.testsPath = path.resolve(value);
        break;
      case 'user-data-dir':
        options.userDataDir = path.resolve(value);
        break;
      case 'extensions-dir':
        options.extensionsDir = path.resolve(value);
        break;
      case 'install-extension':
        options.install.push(value);
        break;
      case 'uninstall-extension':
      case 'list-extensions':
      case 'version':
      case 'help':
        options.unsupported.push(arg);
        break;
      default:
        break; // a desktop-only switch: nothing to do in code-server
    }
  }
  return options;
}

class UsageError extends Error {}

/** The run's settings: this file's defaults under whatever the caller put in <user-data-dir>/User/settings.json. */
function writeUserSettings(userDataDir) {
  const file = path.join(userDataDir, 'User', 'settings.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let own = {};
  if (fs.existsSync(file)) {
    try {
      own = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
      note(`${file} is not plain JSON: left as it is`);
      return;
    }
  }
  fs.writeFileSync(file, JSON.stringify({ ...USER_SETTINGS, ...own }, null, 2) + '\n');
}

/** Workbench URL query parameters that open `target` (a folder or a .code-workspace file). */
function workspaceQuery(target) {
  if (!target) return '';
  const absolute = path.resolve(target);
  const stat = fs.statSync(absolute, { throwIfNoEntry: false });
  if (stat?.isDirectory()) return `folder=${encodeURIComponent(absolute)}&`;
  if (stat?.isFile() && absolute.endsWith('.code-workspace')) return `workspace=${encodeURIComponent(absolute)}&`;
  throw new UsageError(`${target}: not a folder or a .code-workspace file`);
}

let run;
let server;
let browser;
let exitCode = 1;
let interrupted = false; // a signal is ending the run
let cleaning;

/** Closes Chromium, stops code-server (its whole process group) and removes or keeps the run folder. Runs once. */
function cleanUp() {
  cleaning ??= (async () => {
    await browser?.close().catch(() => {});
    await server?.stop().catch((e) => note(`stopping code-server: ${e.message}`));
    if (!run) return;
    // Keep the folder for a look at code-server's log after a failure (there is none when
    // code-server never started) or when asked to.
    const keep = (exitCode !== 0 && server !== undefined && !interrupted) || process.env.CODE_SHIM_KEEP_RUN;
    if (!keep) {
      try {
        run.remove();
      } catch (e) {
        note(`could not remove the run folder ${run.dir}: ${e.message}`);
      }
    } else note(`run folder kept: ${run.dir} (code-server log: ${path.join(run.dir, 'code-server.log')})`);
  })();
  return cleaning;
}

for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.once(signal, () => {
    note(`${signal}: stopping`);
    interrupted = true;
    exitCode = code;
    cleanUp().finally(() => process.exit(code));
  });
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.unsupported.length > 0) throw new UsageError(`not supported by this shim: ${options.unsupported.join(' ')}`);

  const installing = options.install.length > 0;
  let query = '';
  if (!installing) {
    if (!options.testsPath || options.developmentPaths.length === 0) {
      throw new UsageError('only extension-test runs are supported: pass --extensionDevelopmentPath and --extensionTestsPath');
    }
    if (options.positional.length > 1) throw new UsageError(`one folder or workspace at most, got: ${options.positional.join(' ')}`);
    query = workspaceQuery(options.positional[0]);
  }

  run = createRun();
  // Honour the profile folders the caller chose (runTests always passes them), else use the run's own.
  if (options.userDataDir) run = { ...run, userDataDir: options.userDataDir };
  if (options.extensionsDir) run = { ...run, extensionsDir: options.extensionsDir };
  fs.mkdirSync(run.extensionsDir, { recursive: true });

  if (installing) {
    for (const vsix of options.install) process.stdout.write(`${await installVsix(run, vsix)}\n`);
    exitCode = 0;
    return;
  }
  writeUserSettings(run.userDataDir);

  server = await startCodeServer(run);
  note(`code-server ${server.baseUrl} (pid ${server.pid})`);
  const payload = [
    ...options.developmentPaths.map((p) => ['extensionDevelopmentPath', server.remoteUri(p)]),
    ['extensionTestsPath', server.remoteUri(options.testsPath)],
    ['skipWelcome', 'true'],
  ];

  browser = await launchBrowser(run);
  const { page } = browser;
  let finish;
  const finished = new Promise((resolve) => (finish = resolve));
  // The hooks VS Code's own web test harness uses: the workbench calls them with the extension
  // host's console output and, at the end, the suite's exit code.
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = format(...(Array.isArray(args) ? args : [args]));
    if (NOISE.test(line)) return;
    (type === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
  });
  await page.exposeFunction('codeAutomationExit', (code) => finish(typeof code === 'number' ? code : 1));
  page.on('crash', () => {
    note('the page crashed');
    finish(1);
  });
  page.on('close', () => finish(1));
  const timer = setTimeout(() => {
    note(`no result after ${TIMEOUT_MS / 1000} s (CODE_SHIM_TIMEOUT_MS)`);
    finish(124);
  }, TIMEOUT_MS);

  await page.goto(`${server.baseUrl}/?${query}payload=${encodeURIComponent(JSON.stringify(payload))}`);
  const code = await finished;
  clearTimeout(timer);
  if (interrupted) return; // the signal handler is closing everything and sets the exit code
  exitCode = code;
  if (browser.blocked.length > 0) note(`blocked ${browser.blocked.length} non-loopback request(s), e.g. ${browser.blocked[0]}`);
  if (exitCode !== 0 && browser.consoleErrors.length > 0) {
    note(`page console errors:\n  ${browser.consoleErrors.slice(-10).join('\n  ')}`);
  }
}

main()
  .catch((error) => {
    if (interrupted) return; // e.g. page.goto() failing because the browser was closed
    exitCode = error instanceof UsageError ? 2 : 1;
    note(error instanceof UsageError ? `usage: ${error.message}` : (error?.stack ?? String(error)));
  })
  .then(cleanUp)
  .then(() => process.exit(exitCode));
