#!/usr/bin/env node
// The improvement-plan language server for any LSP client. Talks over stdio unless told otherwise.
const path = require('node:path');
const { loadWithCodeCache } = require('./codeCache.cjs');

const transports = ['--stdio', '--node-ipc', '--socket', '--pipe'];
if (!process.argv.slice(2).some((arg) => transports.some((t) => arg === t || arg.startsWith(`${t}=`)))) {
  process.argv.push('--stdio');
}
// The same as require('../dist/server.cjs'), but starts sooner with the code cache `npm run build` makes.
loadWithCodeCache(path.join(__dirname, '..', 'dist', 'server.cjs'), { writeCacheOnExit: process.env.IMPROVEMENT_PLAN_WRITE_CODE_CACHE === '1' });
