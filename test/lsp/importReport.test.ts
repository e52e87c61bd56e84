/** The server's importReport command (workspace/executeCommand), over stdio with the built server. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ImportReportResult } from '../../server/src/lsp/importReport.js';
import { REPORTS_FOLDER, reportFile } from '../fixtures/reports.js';
import { TestLspClient } from '../helpers/lspClient.js';

const IMPORT = 'improvementPlan.server.importReport';

describe('server command: importReport', function () {
  this.timeout(30000);
  let client: TestLspClient;
  beforeEach(async () => {
    client = await TestLspClient.start({ pull: true });
  });
  afterEach(async () => client?.stop());
  const execute = (argument: unknown) => client.request<ImportReportResult | { message: string }>('workspace/executeCommand', { command: IMPORT, arguments: [argument] });

  it('turns pasted report text into a plan skeleton, and a report file given by its file: URI', async () => {
    const file = path.join(REPORTS_FOLDER, reportFile('80442_buckinghamshire'));
    const pasted = await execute({ text: readFileSync(file, 'utf8') });
    assert.ok('text' in pasted, JSON.stringify(pasted));
    assert.equal(pasted.published, '2014-08-08');
    assert.equal(pasted.authority, 'Buckinghamshire County Council');
    assert.match(pasted.text, /^## P12 Review all unallocated cases/m);
    const byUri = await execute({ path: pathToFileURL(file).href });
    assert.deepEqual(byUri, pasted);
  });

  it('answers a file it cannot read with a message, and keeps running', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'plan-import-lsp-'));
    writeFileSync(path.join(folder, 'broken.pdf'), '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF');
    const broken = await execute({ path: path.join(folder, 'broken.pdf') });
    assert.ok('message' in broken);
    assert.match(broken.message, /^broken\.pdf could not be read as a PDF/);
    assert.deepEqual(await execute({ text: 'Hello' }), {
      message:
        "This does not look like an Ofsted report on a council's children's services: it has no ILACS or SIF title and no \"What needs to improve?\", \"Priority and immediate action\" or \"Areas for improvement\" list.",
    });
  });
});
