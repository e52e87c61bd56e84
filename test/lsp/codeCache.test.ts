/**
 * The server's V8 code cache (bin/codeCache.cjs, scripts/codeCache.mjs): the build makes one that
 * fits the built bundle, a cache is used only for the bundle it was made from, and a bad one is
 * ignored rather than trusted.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const CODE_CACHE_MODULE = fileURLToPath(new URL('../../bin/codeCache.cjs', import.meta.url));
const { loadWithCodeCache, cachePathOf } = require(CODE_CACHE_MODULE) as {
  loadWithCodeCache: (bundle: string, options?: { writeCacheOnExit?: boolean }) => { usedCache: boolean };
  cachePathOf: (bundle: string) => string;
};
const BUILT_SERVER = fileURLToPath(new URL('../../dist/server.cjs', import.meta.url));

/** A bundle that exports what it computed, with enough functions for V8 to cache. */
const bundleSource = (answer: number): string =>
  `const parts = [${answer}, 1, 2].map((n) => n * 2);\nmodule.exports = { answer: parts[0] / 2, dir: __dirname };\n`;

/** Loads the bundle in a fresh Node process (as the server's bin does) and reports what happened. */
function loadInChild(bundle: string, writeCacheOnExit = false): { usedCache: boolean; answer: number; dir: string } {
  const script = `const { loadWithCodeCache } = require(${JSON.stringify(CODE_CACHE_MODULE)});
const { usedCache } = loadWithCodeCache(${JSON.stringify(bundle)}, { writeCacheOnExit: ${writeCacheOnExit} });
const { answer, dir } = require(${JSON.stringify(bundle)});
console.log(JSON.stringify({ usedCache, answer, dir }));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}

describe('the server code cache', () => {
  let folder: string;
  beforeEach(() => (folder = mkdtempSync(path.join(tmpdir(), 'plan-code-cache-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('is made by the build for the built bundle, and V8 accepts it', () => {
    const source = readFileSync(BUILT_SERVER, 'utf8');
    const cache = readFileSync(cachePathOf(BUILT_SERVER));
    assert.deepEqual(cache.subarray(0, 32), createHash('sha256').update(source).digest(), 'the cache names the bundle it was made from');
    // In a fresh process, as the server starts: a test that changed V8's flags here (--expose-gc) would make V8 refuse it.
    const check = `const { compile } = require(${JSON.stringify(CODE_CACHE_MODULE)});
const { readFileSync } = require('node:fs');
const cache = readFileSync(${JSON.stringify(cachePathOf(BUILT_SERVER))});
console.log(compile(${JSON.stringify(BUILT_SERVER)}, readFileSync(${JSON.stringify(BUILT_SERVER)}, 'utf8'), cache.subarray(32)).cachedDataRejected);`;
    assert.equal(execFileSync(process.execPath, ['-e', check], { encoding: 'utf8' }).trim(), 'false');
  });

  it('is written on exit when asked, and used by the next start', () => {
    const bundle = path.join(folder, 'bundle.cjs');
    writeFileSync(bundle, bundleSource(21));
    assert.deepEqual(loadInChild(bundle, true), { usedCache: false, answer: 21, dir: folder });
    assert.deepEqual(loadInChild(bundle), { usedCache: true, answer: 21, dir: folder });
  });

  it('is not used for another bundle of the same length', () => {
    const bundle = path.join(folder, 'bundle.cjs');
    writeFileSync(bundle, bundleSource(21));
    loadInChild(bundle, true);
    // V8 itself checks only the source's length: without the hash it would run the old code.
    writeFileSync(bundle, bundleSource(42));
    assert.deepEqual(loadInChild(bundle), { usedCache: false, answer: 42, dir: folder });
  });

  it('is ignored when damaged, and the bundle still runs', () => {
    const bundle = path.join(folder, 'bundle.cjs');
    writeFileSync(bundle, bundleSource(7));
    const hash = createHash('sha256').update(readFileSync(bundle, 'utf8')).digest();
    writeFileSync(cachePathOf(bundle), Buffer.concat([hash, Buffer.from('not a V8 code cache at all')]));
    assert.deepEqual(loadInChild(bundle), { usedCache: false, answer: 7, dir: folder });
    writeFileSync(cachePathOf(bundle), 'short');
    assert.deepEqual(loadInChild(bundle), { usedCache: false, answer: 7, dir: folder });
  });

  it('runs in this process as require would', () => {
    const bundle = path.join(folder, 'bundle.cjs');
    writeFileSync(bundle, bundleSource(5));
    assert.deepEqual(loadWithCodeCache(bundle), { usedCache: false });
    assert.equal((require(bundle) as { answer: number }).answer, 5, 'the loaded module is the one require returns');
  });
});
