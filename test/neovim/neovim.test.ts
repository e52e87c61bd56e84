/**
 * Neovim as an independent LSP client: runs test/neovim/check.lua in headless Neovim (0.7.2 or
 * later, push diagnostics) against the built server, on a temporary copy of an example.
 *
 * Needs `nvim` on PATH (Debian/Ubuntu: apt-get install -y neovim) and the bundle (node scripts/build.mjs).
 * Run: npx mocha --no-config --node-option import=tsx --extension ts test/neovim/neovim.test.ts
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXAMPLE_DIAGNOSTICS, examplesFolder } from '../fixtures/examples.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const CHECK_LUA = 'test/neovim/check.lua';
const NVIM = process.env.IMPROVEMENT_PLAN_NVIM || 'nvim';
const EXAMPLE = 'needs-work.plan.md';
const RUN_TIMEOUT_MS = 60_000;

const INSTALL_HINT =
  `Neovim (0.7.2 or later) is needed for this test and "${NVIM}" is not on PATH. ` +
  'Install it, then run the test again: on Debian or Ubuntu `apt-get install -y neovim` (as root, or with sudo); ' +
  'elsewhere your package manager (brew install neovim, dnf install neovim, ...). ' +
  'Or set IMPROVEMENT_PLAN_NVIM to the nvim executable.';

/** The steps check.lua reports as `ok <step> (...)`, in order. */
const STEPS = [
  'initialize',
  'first diagnostics',
  'no-owner on new action',
  'settings turn no-owner off',
  'default settings bring no-owner back',
  'owner clears no-owner',
  'shutdown',
];

interface PrintedDiagnostic {
  line: number;
  col: number;
  severity: number;
  code: string;
  source: string;
  message: string;
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  diagnostics: PrintedDiagnostic[];
  steps: Map<string, string>;
  failures: string[];
  textBefore: string;
  textAfter: string;
}

function nvimVersion(): string {
  const probe = spawnSync(NVIM, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  if (probe.error) {
    const missing = (probe.error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(missing ? INSTALL_HINT : `Could not run "${NVIM} --version": ${probe.error.message}. ${INSTALL_HINT}`);
  }
  if (probe.status !== 0) throw new Error(`"${NVIM} --version" exited with ${probe.status}: ${probe.stderr}`);
  return probe.stdout.split('\n')[0]!.trim();
}

function runCheck(file: string, home: string): Promise<Omit<Run, 'textBefore' | 'textAfter'>> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    // Own XDG folders: nothing is read from, or written to, the user's Neovim setup.
    const env: NodeJS.ProcessEnv = { ...process.env, XDG_CONFIG_HOME: path.join(home, 'config'), XDG_DATA_HOME: path.join(home, 'data'), XDG_STATE_HOME: path.join(home, 'state'), XDG_CACHE_HOME: path.join(home, 'cache') };
    delete env.NVIM; // set inside a Neovim terminal; would make nvim talk to that instance
    const child = spawn(NVIM, ['--headless', '--clean', '-u', 'NONE', '-c', `luafile ${CHECK_LUA}`, '--', file], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      stderr += `\n[test] killed after ${RUN_TIMEOUT_MS} ms`;
      child.kill('SIGKILL');
    }, RUN_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const diagnostics: PrintedDiagnostic[] = [];
      const steps = new Map<string, string>();
      const failures: string[] = [];
      for (const line of stdout.split('\n')) {
        if (line.startsWith('{')) diagnostics.push(JSON.parse(line) as PrintedDiagnostic);
        else if (line.startsWith('FAIL ')) failures.push(line);
        else {
          const ok = /^ok (.+?) \(\d+ ms\)/.exec(line);
          if (ok) steps.set(ok[1]!, line);
        }
      }
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started, diagnostics, steps, failures });
    });
  });
}

describe('Neovim as an LSP client (headless, push diagnostics)', function () {
  this.timeout(RUN_TIMEOUT_MS + 30_000);
  let run: Run | undefined;
  let setupError: Error | undefined;
  let workDir: string | undefined;

  before(async function () {
    try {
      const version = nvimVersion();
      const bundle = path.join(REPO, 'dist', 'server.cjs');
      if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run \`node scripts/build.mjs\` first.`);
      workDir = mkdtempSync(path.join(tmpdir(), 'plan-neovim-'));
      const home = path.join(workDir, 'home');
      mkdirSync(home);
      const file = path.join(workDir, EXAMPLE);
      copyFileSync(new URL(EXAMPLE, examplesFolder), file);
      const textBefore = readFileSync(file, 'utf8');
      const result = await runCheck(file, home);
      run = { ...result, textBefore, textAfter: readFileSync(file, 'utf8') };
      console.log(`      ${version}: check.lua ran in ${run.ms} ms, exit code ${run.code}`);
    } catch (error) {
      setupError = error instanceof Error ? error : new Error(String(error));
    }
  });

  after(() => {
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  /** The run, or the reason there is none (no nvim, no bundle): a failure, never a skip. */
  const result = (): Run => {
    if (setupError) throw setupError;
    assert.ok(run, 'check.lua did not run');
    return run;
  };
  const transcript = (r: Run) => `\n--- stdout ---\n${r.stdout}\n--- stderr ---\n${r.stderr}`;

  it(`prints exactly the promised diagnostics for examples/${EXAMPLE}`, () => {
    const r = result();
    assert.ok(r.steps.has('first diagnostics'), `no diagnostics were received${transcript(r)}`);
    assert.deepEqual(
      r.diagnostics.map((d) => `${d.line} ${d.code}`),
      EXAMPLE_DIAGNOSTICS[EXAMPLE],
    );
  });

  it('prints each diagnostic with its source, a severity and a message', () => {
    const r = result();
    assert.ok(r.diagnostics.length > 0, `no diagnostics printed${transcript(r)}`);
    for (const d of r.diagnostics) {
      assert.equal(d.source, 'improvement-plan', JSON.stringify(d));
      assert.ok([1, 2, 3, 4].includes(d.severity), JSON.stringify(d));
      assert.ok(Number.isInteger(d.col) && d.col >= 1, JSON.stringify(d));
      assert.ok(typeof d.message === 'string' && d.message.length > 0, JSON.stringify(d));
    }
  });

  for (const step of STEPS) {
    it(`step: ${step}`, () => {
      const r = result();
      const failed = r.failures.find((line) => line.startsWith(`FAIL ${step}:`));
      assert.ok(r.steps.has(step), `${failed ?? `step "${step}" was not reached`}${transcript(r)}`);
    });
  }

  it('reports no failed step and exits with code 0', () => {
    const r = result();
    assert.deepEqual(r.failures, [], transcript(r));
    assert.match(r.stdout, /^RESULT ok$/m, transcript(r));
    assert.equal(r.code, 0, `exit code ${r.code} (signal ${r.signal})${transcript(r)}`);
  });

  it('edits the buffer only, never the file', () => {
    const r = result();
    assert.equal(r.textAfter, r.textBefore);
  });
});
