/**
 * The command line and the language server report the same diagnostics: generated plans
 * (test/helpers/planGenerators.ts) are written to a folder with a `.planrc.json`, checked the CLI's
 * way (server/src/cli/check.ts: checkFiles and rows, lines and columns through vfile-location) and
 * by the built server over stdio (pull diagnostics, positions through TextDocument.positionAt).
 * Same ranges, severities, codes and messages. A bounded number of plans; CRLF ones included.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { checkFiles, rows } from '../../server/src/cli/check.js';
import { cleanPlanText, planText } from '../helpers/planGenerators.js';
import { TestLspClient } from '../helpers/lspClient.js';

const PLANS = 24;
const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];

describe('the CLI and the server agree', function () {
  this.timeout(180_000);
  let folder: string;
  let client: TestLspClient;

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'plan-parity-'));
    // Settings from a .planrc apply to both.
    writeFileSync(path.join(folder, '.planrc.json'), '{ "rules": { "smart-achievable": "off", "overdue": "error", "smart-relevant": "hint" } }');
    client = new TestLspClient({ pull: true, workspaceFolder: folder });
    await client.initialize();
  });
  after(async () => {
    await client?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  // Plans read from disk; with random edits too, but only those whose text survives UTF-8 (no lone surrogates).
  const plans = [
    ...fc.sample(cleanPlanText, { numRuns: PLANS, seed: 20251101 }),
    ...fc.sample(planText, { numRuns: PLANS * 2, seed: 42 }).filter((text) => Buffer.from(text, 'utf8').toString('utf8') === text).slice(0, PLANS / 2),
  ];

  it(`on ${plans.length} generated plans: same ranges, severities, codes and messages`, async () => {
    const files = plans.map((text, i) => {
      const file = path.join(folder, `generated-${i}.plan.md`);
      writeFileSync(file, text);
      return file;
    });
    const cli = rows(checkFiles(files).reports, folder);
    let total = 0;
    for (const [i, file] of files.entries()) {
      const fromCli = cli
        .filter((row) => row.file === path.basename(file))
        .map((row) => `${row.line - 1}:${row.column - 1}-${row.endLine - 1}:${row.endColumn - 1} ${row.severity} ${row.code} ${row.message}`);
      const uri = pathToFileURL(file).href;
      await client.open(uri, plans[i]!);
      const fromServer = (await client.pull(uri)).map(
        (d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${SEVERITY[d.severity!]} ${d.code} ${d.message}`,
      );
      await client.close(uri);
      assert.deepEqual(fromServer, fromCli, `${path.basename(file)}: ${JSON.stringify(plans[i])}`);
      total += fromCli.length;
    }
    assert.ok(total > plans.length, `the plans gave ${total} diagnostics: enough to compare`);
  });
});
