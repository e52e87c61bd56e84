// Loads a CommonJS bundle with a V8 code cache beside it, when there is one that fits.
//
// Node 20 compiles the 1.7 MB server bundle on every start, and each function again on its first
// call: about a fifth of a cold start. `npm run build` runs the server once on a sample plan and
// keeps what V8 compiled (scripts/codeCache.mjs); later starts read it instead of compiling. V8
// checks its own version and flags, and rejects a cache made by another Node; it checks only the
// length of the source, so the cache starts with a hash of the bundle it was made from, and a
// cache for any other bundle is ignored. Without a fitting cache the bundle loads as usual.
'use strict';
const { createHash } = require('node:crypto');
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

const HASH_BYTES = 32;

const cachePathOf = (bundle) => `${bundle}.v8cache`;

/** Runs the bundle as `require(bundle)` would; with `writeCacheOnExit`, writes its code cache when the process exits. */
function loadWithCodeCache(bundle, { writeCacheOnExit = false } = {}) {
  const source = readFileSync(bundle, 'utf8');
  const hash = createHash('sha256').update(source).digest();
  const cachedData = readFittingCache(cachePathOf(bundle), hash);
  const script = compile(bundle, source, cachedData);
  const module = new Module(bundle, require.main);
  module.filename = bundle;
  module.paths = Module._nodeModulePaths(path.dirname(bundle));
  Module._cache[bundle] = module;
  if (writeCacheOnExit) process.on('exit', () => writeCache(cachePathOf(bundle), hash, script.createCachedData()));
  script.runInThisContext().call(module.exports, module.exports, Module.createRequire(bundle), module, bundle, path.dirname(bundle));
  module.loaded = true;
  return { usedCache: cachedData !== undefined && !script.cachedDataRejected };
}

/**
 * The bundle as a script, wrapped as require would wrap it. Code read from a cache cannot run
 * `import()` in Node 20, so the bundles use require() only (scripts/build.mjs).
 */
function compile(bundle, source, cachedData) {
  return new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
}

function readFittingCache(file, hash) {
  let data;
  try {
    data = readFileSync(file);
  } catch {
    return undefined;
  }
  return data.length > HASH_BYTES && data.subarray(0, HASH_BYTES).equals(hash) ? data.subarray(HASH_BYTES) : undefined;
}

function writeCache(file, hash, data) {
  // Written aside and renamed, so that a server starting meanwhile never reads half a cache.
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, Buffer.concat([hash, data]));
  renameSync(partial, file);
}

module.exports = { loadWithCodeCache, cachePathOf, compile };
