#!/usr/bin/env node
// The improvement-plan language server for any LSP client. Talks over stdio unless told otherwise.
const transports = ['--stdio', '--node-ipc', '--socket', '--pipe'];
if (!process.argv.slice(2).some((arg) => transports.some((t) => arg === t || arg.startsWith(`${t}=`)))) {
  process.argv.push('--stdio');
}
require('../dist/server.cjs');
