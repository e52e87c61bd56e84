/** improvement-plan import: the built CLI on real report texts and on a PDF made here; reading report files. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { lintText } from '../../server/src/engine/index.js';
import { importReportCommand } from '../../server/src/lsp/importReport.js';
import { MAX_TEXT_BYTES, readReportFile } from '../../server/src/node/reportFile.js';
import { labelsOf, REPORTS_FOLDER, reportFile } from '../fixtures/reports.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = path.join(root, 'bin/improvement-plan.cjs');
const run = (args: string[], cwd = root) => spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
const folder = () => mkdtempSync(path.join(tmpdir(), 'plan-import-'));

const LEICESTER = path.join(REPORTS_FOLDER, reportFile('80482_leicester_children-s_services_inspection_-_29_january_2025'));

/** A two-page report laid out as Ofsted's are, with a running footer and a list across the page break. */
async function reportPdf(): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  const footer = (page: ReturnType<typeof document.addPage>, number: number) => {
    page.drawText('Inspection of Example Council local authority children\u2019s services', { x: 56, y: 60, size: 9, font });
    page.drawText(String(number), { x: 520, y: 48, size: 9, font });
  };
  const first = document.addPage([595, 842]);
  let y = 780;
  const write = (page: typeof first, text: string, x = 56, size = 11) => {
    page.drawText(text, { x, y, size, font });
    y -= size * 1.4;
  };
  write(first, 'Inspection of Example Council local authority', 56, 16);
  write(first, 'children\u2019s services', 56, 16);
  write(first, 'Inspection dates: 2 to 13 June 2025');
  y -= 12;
  for (const [label, grade] of [
    ['Judgement', 'Grade'],
    ['The impact of leaders on social work', 'Good'],
    ['The experiences and progress of', 'Requires improvement to be good'],
  ] as const) {
    first.drawText(grade, { x: 330, y, size: 11, font });
    write(first, label);
  }
  write(first, 'children who need help and protection');
  y -= 12;
  write(first, 'What needs to improve?');
  write(first, '\u2022 The quality of written records about child protection', 56);
  write(first, 'enquiries and multi-', 66);
  footer(first, 1);
  const second = document.addPage([595, 842]);
  y = 780;
  write(second, 'agency strategy meetings.', 66);
  write(second, '\u2022 The completion of life-story work for children in care.', 56);
  y -= 12;
  write(second, 'The experiences and progress of children who need help and protection');
  footer(second, 2);
  return document.save();
}

describe('improvement-plan import', function () {
  this.timeout(30000);

  it('prints the plan for a real report, with the summary and what to add on stderr, and exits 0', () => {
    const result = run(['import', LEICESTER]);
    assert.equal(result.status, 0, result.stderr);
    const { plan, diagnostics } = lintText(result.stdout, { today: '2025-11-01' });
    assert.deepEqual(diagnostics.filter((d) => d.code === 'front-matter'), []);
    assert.deepEqual(plan.recommendations.map((r) => r.text), labelsOf(path.basename(LEICESTER)).map((label) => label.text));
    assert.equal(plan.frontMatter?.authority?.value, 'Leicester City Council');
    assert.equal(
      result.stderr,
      'Found 5 recommendations in the ILACS short inspection report on Leicester City Council.\n' +
        '  The report does not give its publication date: add it to the front matter as inspection.published (this also sets the plan period).\n',
    );
  });

  it('writes --out, never over an existing file unless --force is given', () => {
    const cwd = folder();
    const first = run(['import', LEICESTER, '--published', '29 January 2025', '--out', 'leicester.plan.md'], cwd);
    assert.equal(first.status, 0, first.stderr);
    assert.equal(first.stdout, '');
    assert.match(first.stderr, /Wrote leicester\.plan\.md\./);
    const written = readFileSync(path.join(cwd, 'leicester.plan.md'), 'utf8');
    assert.match(written, /\n {2}published: 2025-01-29\n/);

    writeFileSync(path.join(cwd, 'leicester.plan.md'), 'my own plan');
    const again = run(['import', LEICESTER, '--out', 'leicester.plan.md'], cwd);
    assert.equal(again.status, 2);
    assert.equal(again.stderr, 'improvement-plan: leicester.plan.md was not written: it already exists: choose another name, or add --force to replace it.\n');
    assert.equal(readFileSync(path.join(cwd, 'leicester.plan.md'), 'utf8'), 'my own plan');

    const forced = run(['import', LEICESTER, '--out', 'leicester.plan.md', '--force'], cwd);
    assert.equal(forced.status, 0, forced.stderr);
    assert.match(readFileSync(path.join(cwd, 'leicester.plan.md'), 'utf8'), /^---\ntitle: /);
  });

  it('imports a PDF: layout, running footers and a list across the page break', async () => {
    const cwd = folder();
    writeFileSync(path.join(cwd, 'report.pdf'), await reportPdf());
    const result = run(['import', 'report.pdf', '--published', '2025-07-30'], cwd);
    assert.equal(result.status, 0, result.stderr);
    const { plan, diagnostics } = lintText(result.stdout, { today: '2025-11-01' });
    assert.deepEqual(diagnostics.filter((d) => d.code === 'front-matter'), []);
    assert.deepEqual(
      plan.recommendations.map((r) => `${r.id} ${r.text}`),
      ['R1 The quality of written records about child protection enquiries and multi-agency strategy meetings.', 'R2 The completion of life-story work for children in care.'],
    );
    assert.equal(plan.frontMatter?.authority?.value, 'Example Council');
    assert.deepEqual(
      plan.frontMatter?.judgements.map((j) => `${j.key.text}: ${j.grade?.text}`),
      ['leaders: good', 'help-and-protection: requires improvement to be good'],
    );
    assert.match(result.stdout, /\n {2}type: standard inspection\n/);
  });

  it('says clearly what is wrong with a file it cannot import, and exits 2', async () => {
    const cwd = folder();
    writeFileSync(path.join(cwd, 'minutes.txt'), 'Minutes of the improvement board, 3 March 2025.\n\nApologies were received.\n');
    writeFileSync(path.join(cwd, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff]));
    writeFileSync(path.join(cwd, 'fake.pdf'), 'this is not a PDF');
    writeFileSync(path.join(cwd, 'broken.pdf'), '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF');
    writeFileSync(path.join(cwd, 'report.docx'), 'PK');
    const cases: [string[], RegExp][] = [
      [['import', 'minutes.txt'], /^improvement-plan: This does not look like an Ofsted report/],
      [['import', 'binary.txt'], /^improvement-plan: binary\.txt is not a text file: choose the report's \.pdf file, or save its text as plain text\.\n$/],
      [['import', 'fake.pdf'], /^improvement-plan: fake\.pdf is not a PDF file \(it does not start as one\)\.\n$/],
      [['import', 'broken.pdf'], /^improvement-plan: broken\.pdf could not be read as a PDF: /],
      [['import', 'report.docx'], /^improvement-plan: report\.docx is not a report this can read: choose the report's \.pdf file, or a \.txt file of its text\.\n$/],
      [['import', 'missing.pdf'], /^improvement-plan: missing\.pdf does not exist\.\n$/],
      [['import', LEICESTER, '--published', 'soon'], /^improvement-plan: The publication date "soon" cannot be read\./],
    ];
    for (const [args, message] of cases) {
      const result = run(args, cwd);
      assert.equal(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, message, args.join(' '));
      assert.equal(result.stdout, '', args.join(' '));
    }
  });
});

describe('reading report files', () => {
  it('refuses a text file larger than the limit without reading it', async () => {
    const file = path.join(folder(), 'huge.txt');
    const handle = openSync(file, 'w');
    ftruncateSync(handle, MAX_TEXT_BYTES + 1);
    closeSync(handle);
    assert.deepEqual(await readReportFile(file), { problem: 'huge.txt is larger than 5 MB: an Ofsted report is much smaller. Check that this is the right file.' });
  });

  it('refuses a folder', async () => {
    const dir = path.join(folder(), 'reports.txt');
    await import('node:fs/promises').then((fs) => fs.mkdir(dir));
    assert.deepEqual(await readReportFile(dir), { problem: 'reports.txt is not a file.' });
  });

  it('reads UTF-8 text with a byte order mark', async () => {
    const file = path.join(folder(), 'report.txt');
    writeFileSync(file, '\uFEFFWhat needs to improve?\n\n\u25FC The quality of plans.\n');
    const read = await readReportFile(file);
    assert.ok('text' in read);
    assert.ok(read.text.includes('\u25FC The quality of plans.'));
  });
});

describe('the server command', () => {
  it('imports pasted text and a file path, and answers bad input with a message', async () => {
    const pasted = await importReportCommand({ text: readFileSync(LEICESTER, 'utf8'), published: '2025-01-29' });
    assert.ok('text' in pasted);
    assert.equal(pasted.authority, 'Leicester City Council');
    assert.equal(pasted.published, '2025-01-29');
    const byPath = await importReportCommand({ path: LEICESTER });
    assert.ok('text' in byPath);
    assert.equal(byPath.published, undefined);
    assert.match(byPath.text, /^## R5 Support for care leavers/m);

    assert.deepEqual(await importReportCommand({}), { message: "Give the report's text, or the path of its .pdf or .txt file." });
    assert.deepEqual(await importReportCommand({ text: '' }), { message: 'The report is empty: paste the text of an Ofsted report, or choose its .pdf or .txt file.' });
    assert.deepEqual(await importReportCommand({ path: 'file://server/share/report.pdf' }), { message: 'file://server/share/report.pdf is not a file on this computer.' });
  });
});
