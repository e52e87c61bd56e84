/**
 * The workspace index's parse pool gives the same plans as parsing on the server's thread, and
 * unreadable files give nothing. Run from the TypeScript sources there is no worker bundle, so this
 * covers the fallback; the LSP tests cover the workers (dist/parseWorker.cjs) through the built server.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parsePlan } from '../../server/src/engine/index.js';
import { ParsePool } from '../../server/src/node/parsePool.js';
import { examplesFolder } from '../fixtures/examples.js';

describe('parse pool', () => {
  it('reads and parses files, and gives nothing for a file it cannot read', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'parse-pool-'));
    try {
      const text = readFileSync(new URL('needs-work.plan.md', examplesFolder), 'utf8');
      const file = path.join(folder, 'a.plan.md');
      writeFileSync(file, text);
      const pool = new ParsePool();
      const [parsed, missing] = await Promise.all([pool.parse(file), pool.parse(path.join(folder, 'missing.plan.md'))]);
      await pool.close();
      assert.equal(parsed?.text, text);
      assert.deepStrictEqual(parsed?.plan, parsePlan(text));
      assert.equal(missing, undefined);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
