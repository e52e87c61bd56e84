/** The CLI, run as a user runs it: the built bin in a child process. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkFiles } from '../../server/src/cli/check.js';
import { EXAMPLE_DIAGNOSTICS } from '../fixtures/examples.js';
import { CLEAN_PLAN, PLAN_WITHOUT_OWNER } from '../fixtures/plans.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = path.join(root, 'bin/improvement-plan.cjs');
const run = (args: string[], cwd = root) => spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });

const CLEAN = CLEAN_PLAN;
const NO_OWNER = PLAN_WITHOUT_OWNER;

function folderWith(files: Record<string, string>): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'plan-cli-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    writeFileSync(path.join(folder, name), text);
  }
  return folder;
}

describe('improvement-plan check', function () {
  this.timeout(20000);

  it('reports exactly the promised diagnostics for examples/, one line each, and exits 1 for errors', () => {
    const result = run(['check', 'examples']);
    assert.equal(result.status, 1, result.stderr);
    const lines = result.stdout.trim().split('\n');
    for (const line of lines) assert.match(line, /^examples\/(?:[\w.-]+\/)?[\w.-]+\.plan\.md:\d+:\d+ (error|warning|information|hint) [a-z-]+ .+$/);
    for (const [name, expected] of Object.entries(EXAMPLE_DIAGNOSTICS)) {
      const actual = lines.filter((line) => line.startsWith(`examples/${name}:`)).map((line) => {
        const [, row, code] = /^[^:]+:(\d+):\d+ \S+ (\S+)/.exec(line)!;
        return `${row} ${code}`;
      });
      assert.deepEqual(actual, expected, name);
    }
    const known = Object.keys(EXAMPLE_DIAGNOSTICS).map((name) => `examples/${name}:`);
    assert.deepEqual(lines.filter((line) => !known.some((prefix) => line.startsWith(prefix))), [], 'every example is listed in test/fixtures/examples.ts');
    assert.match(result.stderr, /problems \(\d+ errors\) in 4 files checked/);
  });

  it('prints JSON with --format json', () => {
    const result = run(['check', '--format', 'json', 'examples/needs-work.plan.md']);
    assert.equal(result.status, 1);
    const rows = JSON.parse(result.stdout) as { file: string; line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; message: string }[];
    assert.deepEqual(rows.map((r) => `${r.line} ${r.code}`), EXAMPLE_DIAGNOSTICS['needs-work.plan.md']);
    const placeholder = rows.find((r) => r.code === 'no-owner' && r.line === 94)!;
    assert.deepEqual([placeholder.column, placeholder.endLine, placeholder.endColumn], [10, 94, 13]);
  });

  it('exits 0 on a clean plan, and 0 when only warnings are found', () => {
    const folder = folderWith({ 'clean.plan.md': CLEAN, 'vague.plan.md': CLEAN.replace('Run monthly supervision audits of 20 case files', 'Ensure supervision is better') });
    const clean = run(['check', 'clean.plan.md'], folder);
    assert.equal(clean.status, 0, clean.stdout + clean.stderr);
    assert.equal(clean.stdout, '');
    const vague = run(['check', 'vague.plan.md'], folder);
    assert.equal(vague.status, 0);
    assert.match(vague.stdout, /^vague\.plan\.md:9:10 warning smart-specific /);
  });

  it('searches folders for *.plan.md and expands globs', () => {
    const folder = folderWith({ 'a/one.plan.md': NO_OWNER, 'a/b/two.plan.md': NO_OWNER, 'a/notes.md': NO_OWNER, 'node_modules/x/three.plan.md': NO_OWNER });
    const byFolder = run(['check', 'a'], folder);
    assert.deepEqual(byFolder.stdout.trim().split('\n').map((l) => l.split(':')[0]), ['a/b/two.plan.md', 'a/one.plan.md']);
    const byGlob = run(['check', '**/one.plan.md'], folder);
    assert.deepEqual(byGlob.stdout.trim().split('\n').map((l) => l.split(':')[0]), ['a/one.plan.md']);
    const byDefault = run(['check'], path.join(folder, 'a'));
    assert.equal(byDefault.stdout.trim().split('\n').length, 2);
  });

  it('applies the nearest .planrc', () => {
    const folder = folderWith({ '.planrc.json': '{ "rules": { "no-owner": "warning" } }', 'sub/p.plan.md': NO_OWNER });
    const result = run(['check', 'sub'], folder);
    assert.equal(result.status, 0);
    assert.match(result.stdout, /warning no-owner/);
  });

  it('reports a malformed .planrc on stderr and still checks', () => {
    const folder = folderWith({ '.planrc.yaml': 'rules:\n  no-owner: loud\n', 'p.plan.md': NO_OWNER });
    const result = run(['check', 'p.plan.md'], folder);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /\.planrc\.yaml: The severity of no-owner should be one of/);
    assert.match(result.stdout, /error no-owner/);
  });

  it('exits 2 with a clear message for bad usage and unreadable files', () => {
    const missing = run(['check', 'no-such-folder']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /no-such-folder does not exist/);

    const noMatch = run(['check', 'nothing/**/*.plan.md']);
    assert.equal(noMatch.status, 2);
    assert.match(noMatch.stderr, /No files match/);

    const badFormat = run(['check', '--format', 'xml', 'examples']);
    assert.equal(badFormat.status, 2);
    assert.match(badFormat.stderr, /Allowed choices are text, json/);

    const unknownCommand = run(['lint', 'examples']);
    assert.equal(unknownCommand.status, 2);

    const noArguments = run([]);
    assert.equal(noArguments.status, 2);
    assert.match(noArguments.stderr, /Usage: improvement-plan/);

    if (process.getuid?.() !== 0) {
      const folder = folderWith({ 'locked.plan.md': CLEAN });
      chmodSync(path.join(folder, 'locked.plan.md'), 0);
      const unreadable = run(['check', 'locked.plan.md'], folder);
      assert.equal(unreadable.status, 2);
      assert.match(unreadable.stderr, /cannot be read/);
    }
  });

  it('counts a file it cannot read and says why, without stopping', () => {
    const folder = folderWith({ 'ok.plan.md': CLEAN, 'dir.plan.md/x.txt': '' });
    const output = checkFiles([path.join(folder, 'dir.plan.md'), path.join(folder, 'ok.plan.md')]);
    assert.equal(output.unreadable, 1);
    assert.match(output.problems[0]!, /dir\.plan\.md: cannot be read \(EISDIR\)/);
    assert.equal(output.reports.length, 1);
  });

  it('prints its version and help', () => {
    const version = run(['--version']);
    assert.equal(version.status, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
    const help = run(['check', '--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /--format <format>/);
  });
});
