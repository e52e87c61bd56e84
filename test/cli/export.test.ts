/** `improvement-plan export`, run as a user runs it: the built bin in a child process, in temporary folders. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = path.join(root, 'bin/improvement-plan.cjs');
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });

/** A temporary copy of examples/, so that exports land next to the plans without touching the repository. */
function examplesCopy(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'plan-export-'));
  cpSync(path.join(root, 'examples'), folder, { recursive: true });
  return folder;
}

describe('improvement-plan export', function () {
  this.timeout(30000);

  it('writes an XLSX next to the plan, named after it, that opens with one row per action', async () => {
    const folder = examplesCopy();
    const result = run(['export', 'needs-work.plan.md', '--to', 'xlsx'], folder);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^Exported 23 actions to needs-work\.xlsx\. The plan has \d+ problems: improvement-plan check needs-work\.plan\.md lists them\.\n$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(folder, 'needs-work.xlsx'));
    assert.equal(book.getWorksheet('Actions')!.rowCount, 24);
  });

  it('writes a DOCX with --out, and says nothing about problems for a clean plan', async () => {
    const folder = examplesCopy();
    const result = run(['export', 'westmorland-and-furness.plan.md', '--to', 'docx', '--out', 'board/report.docx'], folder);
    assert.equal(result.status, 2, 'the folder board/ does not exist');
    assert.match(result.stderr, /^improvement-plan: board\/report\.docx cannot be written: its folder does not exist\.\n$/);
    const written = run(['export', 'westmorland-and-furness.plan.md', '--to', 'docx', '-o', 'report.docx'], folder);
    assert.equal(written.status, 0, written.stderr);
    assert.equal(written.stdout, 'Exported 13 actions to report.docx.\n');
    const { value } = await mammoth.extractRawText({ path: path.join(folder, 'report.docx') });
    assert.ok(value.includes('Westmorland and Furness Council'));
  });

  it('never overwrites a file without --force', () => {
    const folder = examplesCopy();
    writeFileSync(path.join(folder, 'needs-work.csv'), 'keep me');
    const refused = run(['export', 'needs-work.plan.md', '--to', 'csv'], folder);
    assert.equal(refused.status, 2);
    assert.equal(refused.stderr, 'improvement-plan: needs-work.csv already exists: add --force to overwrite it, or choose another file with --out.\n');
    assert.equal(readFileSync(path.join(folder, 'needs-work.csv'), 'utf8'), 'keep me');
    const forced = run(['export', 'needs-work.plan.md', '--to', 'csv', '--force'], folder);
    assert.equal(forced.status, 0, forced.stderr);
    assert.match(readFileSync(path.join(folder, 'needs-work.csv'), 'utf8'), /^\uFEFFRecommendation,Action ID,/);
  });

  it('refuses to write over the plan itself, even with --force', () => {
    const folder = examplesCopy();
    const before = statSync(path.join(folder, 'needs-work.plan.md')).size;
    const result = run(['export', 'needs-work.plan.md', '--to', 'html', '--out', 'needs-work.plan.md', '--force'], folder);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /is the plan itself/);
    assert.equal(statSync(path.join(folder, 'needs-work.plan.md')).size, before);
  });

  it('resolves a multi-file plan\'s recommendations as check does', () => {
    const folder = examplesCopy();
    const result = run(['export', 'multi-file/actions.plan.md', '--to', 'html'], folder);
    assert.equal(result.status, 0, result.stderr);
    const html = readFileSync(path.join(folder, 'multi-file/actions.html'), 'utf8');
    const recommendations = readFileSync(path.join(folder, 'multi-file/recommendations.plan.md'), 'utf8');
    const [, title] = /^## R1 (.+)$/m.exec(recommendations)!;
    assert.ok(html.includes(`<h3>R1 ${title}</h3>`), 'R1 from the recommendations file, with its title');
  });

  it('exits 2 with a clear message for an unknown format, a missing option, a missing plan or a folder', () => {
    const folder = examplesCopy();
    const unknown = run(['export', 'needs-work.plan.md', '--to', 'pdf'], folder);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /argument 'pdf' is invalid\. Allowed choices are xlsx, docx, html, csv\./);
    const missingOption = run(['export', 'needs-work.plan.md'], folder);
    assert.equal(missingOption.status, 2);
    assert.match(missingOption.stderr, /required option '-t, --to <format>' not specified/);
    const missing = run(['export', 'nothing.plan.md', '--to', 'csv'], folder);
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr, 'improvement-plan: nothing.plan.md does not exist.\n');
    const aFolder = run(['export', 'multi-file', '--to', 'csv'], folder);
    assert.equal(aFolder.status, 2);
    assert.equal(aFolder.stderr, 'improvement-plan: multi-file is a folder: export one plan file (*.plan.md) at a time.\n');
  });
});
