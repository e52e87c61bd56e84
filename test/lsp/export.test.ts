/** The server's exportPlan command (workspace/executeCommand), over stdio with the built server. */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { TestLspClient } from '../helpers/lspClient.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const EXPORT = 'improvementPlan.server.exportPlan';

interface ExportResult {
  format?: string;
  path?: string;
  uri?: string;
  actions?: number;
  bytes?: number;
  message: string;
}

describe('server command: exportPlan', function () {
  this.timeout(30000);
  let client: TestLspClient;
  let folder: string;
  const execute = (argument: unknown): Promise<ExportResult> => client.request<ExportResult>('workspace/executeCommand', { command: EXPORT, arguments: [argument] });
  const planUri = (name: string): string => pathToFileURL(path.join(folder, name)).href;

  beforeEach(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'plan-lsp-export-'));
    cpSync(path.join(root, 'examples'), folder, { recursive: true });
    client = await TestLspClient.start({ pull: true, workspaceFolder: folder });
  });
  afterEach(async () => client?.stop());

  it('writes a plan that is not open, read from disk, to the file URI given', async () => {
    const target = path.join(folder, 'board pack.xlsx');
    const result = await execute({ textDocument: { uri: planUri('needs-work.plan.md') }, format: 'xlsx', target: pathToFileURL(target).href });
    assert.deepEqual({ ...result, bytes: undefined }, {
      format: 'xlsx',
      path: target,
      uri: pathToFileURL(target).href,
      actions: 23,
      bytes: undefined,
      message: 'Exported 23 actions to board pack.xlsx (Excel workbook).',
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(target);
    assert.equal(book.getWorksheet('Actions')!.rowCount, 24);
    assert.equal(result.bytes, readFileSync(target).length);
  });

  it('exports an open plan as the editor has it, unsaved changes included, next to the plan by default', async () => {
    const uri = planUri('westmorland-and-furness.plan.md');
    const text = readFileSync(path.join(folder, 'westmorland-and-furness.plan.md'), 'utf8');
    await client.open(uri, text.replace('Westmorland and Furness Council', 'Unsaved Council'));
    const result = await execute({ textDocument: { uri }, format: 'html' });
    assert.equal(result.path, path.join(folder, 'westmorland-and-furness.html'), result.message);
    assert.ok(readFileSync(result.path!, 'utf8').includes('<dd>Unsaved Council</dd>'));
  });

  it('resolves a multi-file plan\'s recommendations', async () => {
    const result = await execute({ textDocument: { uri: planUri('multi-file/actions.plan.md') }, format: 'csv' });
    const csv = readFileSync(result.path!, 'utf8');
    assert.match(csv.split('\r\n')[1]!, /^"R1 /, 'the first action names R1 and its title from recommendations.plan.md');
  });

  it('does not overwrite a file unless asked to, and says why not', async () => {
    const target = path.join(folder, 'needs-work.docx');
    writeFileSync(target, 'keep me');
    const refused = await execute({ textDocument: { uri: planUri('needs-work.plan.md') }, format: 'docx' });
    assert.deepEqual(refused, { message: `${target} already exists: choose another file, or allow overwriting it.` });
    assert.equal(readFileSync(target, 'utf8'), 'keep me');
    const replaced = await execute({ textDocument: { uri: planUri('needs-work.plan.md') }, format: 'docx', overwrite: true });
    assert.equal(replaced.path, target);
    assert.equal(readFileSync(target).subarray(0, 2).toString(), 'PK', 'a DOCX is a zip file');
  });

  it('answers bad arguments with a message, writing nothing', async () => {
    const plan = { uri: planUri('needs-work.plan.md') };
    assert.deepEqual(await execute({ textDocument: plan, format: 'pdf' }), { message: 'Export to pdf is not possible: choose xlsx, docx, html or csv.' });
    assert.deepEqual(await execute({ textDocument: { uri: 'untitled:new.plan.md' }, format: 'csv' }), { message: 'Export needs a plan saved as a file (*.plan.md).' });
    assert.deepEqual(await execute({ textDocument: plan, format: 'csv', target: 'relative.csv' }), { message: 'Export needs a file to write to: a file URI or an absolute path.' });
    assert.deepEqual(await execute({ textDocument: plan, format: 'csv', target: plan.uri, overwrite: true }), { message: 'Choose another file: the export would replace the plan itself.' });
    assert.match((await execute({ textDocument: { uri: planUri('missing.plan.md') }, format: 'csv' })).message, /missing\.plan\.md does not exist\.$/);
    assert.equal(existsSync(path.join(folder, 'relative.csv')), false);
    assert.equal(existsSync(path.join(folder, 'needs-work.csv')), false);
  });
});
