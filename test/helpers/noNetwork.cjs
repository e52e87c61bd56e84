/**
 * Preloaded into a Node process (`node --require test/helpers/noNetwork.cjs`, or through
 * NODE_OPTIONS) to prove it makes no network access: every way Node opens an outbound connection
 * or looks a name up is replaced by one that appends a line to $NO_NETWORK_LOG and fails.
 * Sockets the process is given (stdio pipes, the IPC channel) are not connections it opens.
 */
'use strict';
const fs = require('node:fs');

const log = process.env.NO_NETWORK_LOG;
function attempt(what) {
  const line = `${process.pid} ${what}\n${new Error('network access').stack}\n`;
  if (log) fs.appendFileSync(log, line);
  return new Error(`network access is not allowed here: ${what}`);
}

const net = require('node:net');
net.Socket.prototype.connect = function connect(...args) {
  const target = typeof args[0] === 'object' && args[0] !== null ? JSON.stringify(args[0]) : String(args[0]);
  throw attempt(`net.Socket.connect ${target}`);
};
const tls = require('node:tls');
tls.connect = () => {
  throw attempt('tls.connect');
};
for (const name of ['node:http', 'node:https']) {
  const module = require(name);
  module.request = () => {
    throw attempt(`${name}.request`);
  };
  module.get = () => {
    throw attempt(`${name}.get`);
  };
}
require('node:http2').connect = () => {
  throw attempt('http2.connect');
};
require('node:dgram').createSocket = () => {
  throw attempt('dgram.createSocket');
};
const dns = require('node:dns');
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) {
  dns[name] = () => {
    throw attempt(`dns.${name}`);
  };
  dns.promises[name] = () => Promise.reject(attempt(`dns.promises.${name}`));
}
globalThis.fetch = (input) => Promise.reject(attempt(`fetch ${String(input)}`));
if (typeof globalThis.WebSocket === 'function') {
  globalThis.WebSocket = function WebSocket(url) {
    throw attempt(`WebSocket ${String(url)}`);
  };
}
