/**
 * The exports, read back with independent libraries: XLSX with exceljs, DOCX with mammoth (and its
 * document.xml with jszip), HTML with parse5, CSV with @fast-csv/parse. Each on the two examples
 * (one with problems, one clean), the multi-file example and a plan full of text that must stay text.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseString } from '@fast-csv/parse';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { parse as parseHtml } from 'parse5';
import { count, lintText, STATUS_LABELS, summarisePlan, type LintResult } from '../../server/src/engine/index.js';
import { EXPORT_FORMATS, exportPlan, type ExportFormat } from '../../server/src/export/index.js';
import { ACTION_COLUMNS, buildPlanExport } from '../../server/src/export/rows.js';
import { MAX_CELL_LENGTH } from '../../server/src/export/xlsx.js';
import { scorecard, scorecardTitle } from '../../server/src/engine/smart/scorecard.js';
import { lintPlanFile, type PlanForExport } from '../../server/src/node/exportFile.js';
import { FORMULA_OWNER, HOSTILE_PLAN, MARKUP_STATEMENT, QUOTED_MEASURE } from '../fixtures/exportPlans.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const EXAMPLES = ['examples/needs-work.plan.md', 'examples/westmorland-and-furness.plan.md', 'examples/multi-file/actions.plan.md'];

function readExample(file: string): PlanForExport {
  const read = lintPlanFile(path.join(root, file));
  if ('problem' in read) throw new Error(read.problem);
  return read;
}

const bytesOf = async (result: LintResult, format: ExportFormat, isRuleOff?: PlanForExport['isRuleOff']): Promise<Uint8Array> =>
  (await exportPlan(result, format, { isRuleOff })).bytes;
// ignoreBOM keeps the byte order mark in the text, so that the tests can see it.
const text = (bytes: Uint8Array): string => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
const headers = ACTION_COLUMNS.map((column) => column.header);
const column = (header: string): number => headers.indexOf(header) + 1;

async function workbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return book;
}

function parseCsv(csv: string): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const rows: string[][] = [];
    parseString(csv, { headers: false })
      .on('error', reject)
      .on('data', (row: string[]) => rows.push(row))
      .on('end', () => resolve(rows));
  });
}

interface HtmlNode {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: HtmlNode[];
  content?: HtmlNode;
}

function* walk(node: HtmlNode): Generator<HtmlNode> {
  yield node;
  for (const child of node.childNodes ?? []) yield* walk(child);
}

const textOf = (node: HtmlNode): string => [...walk(node)].filter((n) => n.nodeName === '#text').map((n) => n.value).join('');
const attr = (node: HtmlNode, name: string): string | undefined => node.attrs?.find((a) => a.name === name)?.value;

describe('exports', function () {
  this.timeout(60000);

  for (const file of EXAMPLES) {
    describe(file, () => {
      const { result, isRuleOff } = readExample(file);
      const { plan, analysis } = result;
      const actionIds = plan.actions.map((action) => action.id);
      const counts = count(summarisePlan(plan, analysis).actions);

      it('XLSX: one row per action under the headers, a frozen header row, filters, RAG fills and real dates', async () => {
        const book = await workbook(await bytesOf(result, 'xlsx', isRuleOff));
        const sheet = book.getWorksheet('Actions')!;
        assert.equal(sheet.rowCount, plan.actions.length + 1);
        assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), headers);
        assert.deepEqual(
          Array.from({ length: plan.actions.length }, (_, i) => sheet.getRow(i + 2).getCell(column('Action ID')).value),
          actionIds,
        );
        const [view] = sheet.views;
        assert.equal(view?.state, 'frozen');
        assert.equal((view as { ySplit?: number }).ySplit, 1);
        const lastColumn = String.fromCharCode('A'.charCodeAt(0) + headers.length - 1);
        assert.equal(sheet.autoFilter, `A1:${lastColumn}${plan.actions.length + 1}`, 'filters on the header row, over every row');

        for (const [index, action] of plan.actions.entries()) {
          const row = sheet.getRow(index + 2);
          const facts = analysis.factsOf(action);
          const status = row.getCell(column('Status'));
          if (facts.status) {
            assert.equal(status.value, STATUS_LABELS[facts.status]);
            const fill = status.fill as ExcelJS.FillPattern;
            assert.equal(fill.pattern, 'solid');
            assert.equal(fill.fgColor?.argb, { 'not started': 'FFD9D9D9', red: 'FFE06666', amber: 'FFFFC000', green: 'FF93C47D', blue: 'FF6FA8DC' }[facts.status]);
          }
          const due = row.getCell(column('Due')).value;
          if (facts.due?.kind === 'date') {
            assert.ok(due instanceof Date, `${action.id}: Due is a date`);
            assert.equal(due.toISOString().slice(0, 10), facts.due.date);
          } else {
            assert.equal(due ?? '', facts.field('due')?.valueText ?? '', `${action.id}: Due as written`);
          }
          // The score the code lens shows: SMART 3/5.
          const lens = scorecardTitle(scorecard(action, result.diagnostics, isRuleOff));
          assert.equal(`SMART ${row.getCell(column('SMART')).value}`, /^SMART \d\/\d/.exec(lens)![0], action.id);
        }

        const summary = book.getWorksheet('Summary')!;
        const cells = new Map<string, unknown>();
        summary.eachRow((row) => cells.set(String(row.getCell(1).value), row.getCell(2).value));
        assert.ok(cells.has(plan.frontMatter!.title!.value), 'the title');
        assert.equal(cells.get('Council'), plan.frontMatter!.authority!.value);
        assert.equal(cells.get('Amber'), counts.byStatus.amber);
        assert.equal(cells.get('Red'), counts.byStatus.red);
        assert.equal(cells.get('Blue (complete)'), counts.byStatus.blue);
        assert.equal(cells.get('Overdue'), counts.overdue);
        assert.equal(cells.get('All actions'), plan.actions.length);
      });

      it('DOCX: the title, the council, the RAG counts, every recommendation and every action ID', async () => {
        const bytes = await bytesOf(result, 'docx');
        const { value: words } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
        assert.ok(words.includes(plan.frontMatter!.title!.value));
        assert.ok(words.includes(plan.frontMatter!.authority!.value));
        const lines = words.split('\n').filter((line) => line.trim() !== '');
        const after = (label: string): string | undefined => lines[lines.indexOf(label) + 1];
        assert.equal(after('Amber'), String(counts.byStatus.amber));
        assert.equal(after('Green'), String(counts.byStatus.green));
        assert.equal(after('Overdue'), String(counts.overdue));
        assert.equal(after('All actions'), String(plan.actions.length));
        for (const id of actionIds) assert.ok(lines.includes(id), `${id} is in the report`);
        for (const recommendation of analysis.recommendationsById.values()) {
          assert.ok(words.includes(recommendation.text.replace(/\s+/g, ' ').trim()), `${recommendation.id}'s text is in the report`);
        }

        // The status cells are shaded with their RAG colour.
        const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
        const cells = xml.split('<w:tc>').slice(1);
        const amberCells = cells.filter((cell) => />Amber</.test(cell));
        assert.ok(amberCells.length > 0);
        for (const cell of amberCells) assert.match(cell, /<w:shd [^>]*w:fill="FFC000"/);
      });

      it('HTML: a standalone page with no scripts or remote content, the counts and a row for every action', async () => {
        const html = text(await bytesOf(result, 'html'));
        const document = parseHtml(html) as unknown as HtmlNode;
        const nodes = [...walk(document)];
        assert.deepEqual(nodes.filter((n) => ['script', 'iframe', 'object', 'embed', 'link', 'img'].includes(n.nodeName)), []);
        assert.deepEqual(nodes.filter((n) => attr(n, 'src') !== undefined || (attr(n, 'href') ?? '').includes(':')), []);
        assert.ok(nodes.every((n) => !(n.attrs ?? []).some((a) => a.name.startsWith('on'))), 'no event handlers');
        const csp = nodes.find((n) => n.nodeName === 'meta' && attr(n, 'http-equiv') === 'Content-Security-Policy');
        assert.match(attr(csp!, 'content')!, /default-src 'none'/);
        assert.equal(textOf(nodes.find((n) => n.nodeName === 'title')!), plan.frontMatter!.title!.value);
        assert.ok(nodes.some((n) => n.nodeName === 'style' && /@media print/.test(textOf(n))), 'print styles');

        const actionRows = nodes.filter((n) => n.nodeName === 'tr' && (attr(n, 'id') ?? '').startsWith('action-'));
        assert.deepEqual(new Set(actionRows.map((row) => attr(row, 'id'))), new Set(actionIds.map((id) => `action-${id}`)));
        const counted = nodes.filter((n) => n.nodeName === 'tr' && n.childNodes?.length === 2).map((row) => row.childNodes!.map(textOf));
        assert.deepEqual(counted.find(([label]) => label === 'Amber'), ['Amber', String(counts.byStatus.amber)]);
        assert.deepEqual(counted.find(([label]) => label === 'Overdue'), ['Overdue', String(counts.overdue)]);
      });

      it('CSV: UTF-8 with a byte order mark, CRLF lines, the XLSX columns and one row per action', async () => {
        const bytes = await bytesOf(result, 'csv');
        assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark');
        const csv = text(bytes);
        assert.ok(!/[^\r]\n/.test(csv.replace(/"[^"]*"/g, '')), 'lines end in CRLF outside quoted fields');
        const rows = await parseCsv(csv.slice(1));
        assert.deepEqual(rows[0], headers);
        assert.equal(rows.length, plan.actions.length + 1);
        assert.deepEqual(rows.slice(1).map((row) => row[column('Action ID') - 1]), actionIds);
        for (const row of rows) assert.equal(row.length, headers.length);
      });
    });
  }

  it('the multi-file plan names the recommendations of its recommendations file', async () => {
    const { result } = readExample('examples/multi-file/actions.plan.md');
    assert.equal(result.plan.recommendations.length, 0, 'the plan itself declares none');
    const data = buildPlanExport(result);
    assert.ok(data.recommendations.length > 0);
    assert.equal(data.metadata.recommendationsFile, 'recommendations.plan.md');
    const first = data.rows[0]!;
    assert.equal(first.recommendations[0]!.id, 'R1');
    assert.ok(first.recommendations[0]!.text.length > 20, 'the report text of R1');
    const csv = text(await bytesOf(result, 'csv'));
    assert.ok(csv.includes(first.recommendations[0]!.text));
  });

  describe('text that must stay text', () => {
    const result = lintText(HOSTILE_PLAN);

    it('SMART score: the letters whose rules report nothing (R fails for an unlinked action)', () => {
      const scores = Object.fromEntries(buildPlanExport(result).rows.map((row) => [row.actionId, `${row.smart.passed} ${row.smart.failed.join('')}`]));
      assert.deepEqual(scores, { 'A0.1': '4 R', 'A1.1': '5 ', 'A1.2': '2 SMT' });
    });

    it('SMART score: a letter whose rule is off in the front matter is not checked, as in the code lens', async () => {
      const folder = mkdtempSync(path.join(tmpdir(), 'plan-export-rules-'));
      const file = path.join(folder, 'rules.plan.md');
      writeFileSync(file, HOSTILE_PLAN.replace('as-of: 2025-11-01\n', 'as-of: 2025-11-01\nrules:\n  smart-time-bound: off\n'));
      const read = lintPlanFile(file);
      if ('problem' in read) throw new Error(read.problem);
      assert.equal(read.isRuleOff('smart-time-bound'), true);
      assert.equal(read.isRuleOff('smart-specific'), false);
      const rows = await parseCsv(text((await exportPlan(read.result, 'csv', { isRuleOff: read.isRuleOff })).bytes).slice(1));
      assert.deepEqual(rows.slice(1).map((row) => row[column('SMART') - 1]), ['3/4', '4/4', '2/4']);
    });

    it('XLSX: a value that starts like a formula is a text cell, not a formula', async () => {
      const book = await workbook(await bytesOf(result, 'xlsx'));
      const sheet = book.getWorksheet('Actions')!;
      const owner = sheet.getRow(3).getCell(column('Owner'));
      assert.equal(owner.type, ExcelJS.ValueType.String);
      assert.equal(owner.value, FORMULA_OWNER);
      assert.equal(owner.formula, undefined);
      assert.equal(sheet.getRow(3).getCell(column('Measure')).value, QUOTED_MEASURE);
      // A Due that is not a date stays as written.
      assert.equal(sheet.getRow(4).getCell(column('Due')).value, 'ongoing');
      const council = book.getWorksheet('Summary')!.getRow(3).getCell(2);
      assert.equal(council.type, ExcelJS.ValueType.String);
      assert.equal(council.value, '@Example Council');
    });

    it('CSV: quotes, commas and line breaks round-trip, and formula starts get an apostrophe', async () => {
      const rows = await parseCsv(text(await bytesOf(result, 'csv')).slice(1));
      const byId = new Map(rows.slice(1).map((row) => [row[column('Action ID') - 1], row]));
      const a11 = byId.get('A1.1')!;
      assert.equal(a11[column('Measure') - 1], QUOTED_MEASURE);
      assert.equal(a11[column('Owner') - 1], `'${FORMULA_OWNER}`);
      assert.equal(a11[column('Evidence') - 1], "'-5 files missing; +2 late");
      assert.equal(a11[column('Recommendation') - 1], 'R1 Supervision\nManagement oversight of practice.');
      assert.equal(a11[column('Due') - 1], '2026-03-31');
      assert.equal(byId.get('A1.2')![column('Owner') - 1], "'@Head of Service");
      assert.equal(byId.get('A1.2')![column('SMART') - 1], '2/5');
      assert.equal(byId.get('A1.2')![column('Problems') - 1].split('\n').length, 3, 'one problem a line');
    });

    it('HTML: markup in the plan is shown as text', async () => {
      const html = text(await bytesOf(result, 'html'));
      const nodes = [...walk(parseHtml(html) as unknown as HtmlNode)];
      assert.equal(nodes.filter((n) => n.nodeName === 'script' || n.nodeName === 'b').length, 0);
      assert.equal(textOf(nodes.find((n) => n.nodeName === 'h1')!), 'Supervision plan <b>draft</b> & "final"');
      const a11 = nodes.find((n) => attr(n, 'id') === 'action-A1.1')!;
      assert.equal(textOf(a11.childNodes![1]!), MARKUP_STATEMENT);
    });

    it('DOCX: the report opens and has the text as written', async () => {
      const { value: words } = await mammoth.extractRawText({ buffer: Buffer.from(await bytesOf(result, 'docx')) });
      assert.ok(words.includes(MARKUP_STATEMENT));
      assert.ok(words.includes(FORMULA_OWNER));
      assert.ok(words.includes('Actions that address no recommendation'));
    });
  });

  it('XLSX: a cell longer than Excel allows is cut to its limit', async () => {
    const long = `${'audited files '.repeat(3000)}end`;
    const book = await workbook(await bytesOf(lintText(HOSTILE_PLAN.replace(QUOTED_MEASURE, long)), 'xlsx'));
    const measure = String(book.getWorksheet('Actions')!.getRow(3).getCell(column('Measure')).value);
    assert.equal(measure.length, MAX_CELL_LENGTH);
    assert.ok(measure.endsWith('…'));
  });

  it('every format exports a plan with no front matter and no actions', async () => {
    for (const format of EXPORT_FORMATS) {
      const exported = await exportPlan(lintText('# Notes\n\nNothing yet.\n'), format);
      assert.equal(exported.actions, 0);
      assert.ok(exported.bytes.length > 0, format);
    }
    const book = await workbook((await exportPlan(lintText(''), 'xlsx')).bytes);
    assert.equal(book.getWorksheet('Actions')!.rowCount, 1);
  });
});
