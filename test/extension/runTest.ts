/**
 * Runs the extension test suite (test/extension/suite) in a real VS Code with @vscode/test-electron.
 *
 *   node scripts/build.mjs && node dist/test/extension/runTest.cjs
 *
 * VS Code: $VSCODE_EXECUTABLE when set (a desktop VS Code binary); otherwise code-server 4.100.3
 * (VS Code 1.100.3) in headless Chromium, through test/e2e/code-shim.mjs, after
 * test/e2e/setup-code-server.sh has installed it (offline; a no-op when it is cached).
 *
 * The workspace is a fresh temporary copy of examples/, and VS Code gets fresh user-data and
 * extensions folders, so runs do not see each other and the repository is never written to.
 * Exit code: 0 when every test passed, else the failing run's code (1 when it had none).
 * Env: IMPROVEMENT_PLAN_TEST_GREP=<text> runs only the tests whose title contains it;
 *      IMPROVEMENT_PLAN_KEEP_TEST_DIRS=1 keeps the temporary folders.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

// This file is bundled to dist/test/extension/runTest.cjs: the repository is three folders up.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** User settings for the test profile: no autosave (the tests edit files and revert them), no distractions. */
const USER_SETTINGS = {
  'files.autoSave': 'off',
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
};

function say(message: string): void {
  console.log(`[runTest] ${message}`);
}

/** The code-server shim, after making sure code-server and playwright-core are installed. */
function codeServerShim(): { executable: string; launchArgs: string[] } {
  const setup = path.join(repoRoot, 'test', 'e2e', 'setup-code-server.sh');
  const started = Date.now();
  const result = spawnSync('bash', [setup], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${setup} failed (exit ${result.status ?? result.signal})`);
  say(`code-server ready (${Date.now() - started} ms)`);
  const shim = path.join(repoRoot, 'test', 'e2e', 'code-shim.mjs');
  try {
    fs.accessSync(shim, fs.constants.X_OK);
    return { executable: shim, launchArgs: [] };
  } catch {
    // Lost its executable bit (e.g. an archive): run it with this Node instead. runTests puts
    // launchArgs first, so Node gets the shim's path as its script and the rest as its arguments.
    return { executable: process.execPath, launchArgs: [shim] };
  }
}

async function main(): Promise<number> {
  const extensionTestsPath = path.join(repoRoot, 'dist', 'test', 'extension', 'suite', 'index.cjs');
  for (const built of [path.join(repoRoot, 'dist', 'extension.cjs'), path.join(repoRoot, 'dist', 'server.cjs'), extensionTestsPath]) {
    if (!fs.existsSync(built)) throw new Error(`${built} is missing: run node scripts/build.mjs first`);
  }

  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'improvement-plan-ext-test-'));
  const workspace = path.join(temp, 'workspace');
  const userDataDir = path.join(temp, 'user-data');
  const extensionsDir = path.join(temp, 'extensions');
  fs.cpSync(path.join(repoRoot, 'examples'), workspace, { recursive: true });
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2) + '\n');

  const desktop = process.env.VSCODE_EXECUTABLE;
  const { executable, launchArgs } = desktop ? { executable: desktop, launchArgs: [] } : codeServerShim();
  say(`VS Code: ${executable}${launchArgs.length ? ` ${launchArgs.join(' ')}` : ''}`);
  say(`workspace: ${workspace}`);

  let code: number;
  const started = Date.now();
  try {
    code = await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath,
      launchArgs: [
        ...launchArgs,
        workspace,
        '--disable-extensions',
        `--user-data-dir=${userDataDir}`,
        `--extensions-dir=${extensionsDir}`,
      ],
    });
  } catch (error) {
    const failed = error as { code?: number; message?: string };
    console.error(`[runTest] the tests failed: ${failed.message ?? String(error)}`);
    code = typeof failed.code === 'number' && failed.code !== 0 ? failed.code : 1;
  }
  say(`finished in ${((Date.now() - started) / 1000).toFixed(1)} s with exit code ${code}`);

  if (process.env.IMPROVEMENT_PLAN_KEEP_TEST_DIRS) say(`kept ${temp}`);
  else fs.rmSync(temp, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  return code;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('[runTest]', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
