/**
 * A worker thread that reads and parses plan files for the workspace index (dist/parseWorker.cjs),
 * so that indexing a big workspace uses every core and leaves the server's own thread free.
 */
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { parsePlan } from '../engine/index.js';
import type { ParseReply, ParseRequest } from './parsePool.js';

parentPort?.on('message', ({ id, file }: ParseRequest) => {
  let reply: ParseReply;
  try {
    const text = readFileSync(file, 'utf8');
    reply = { id, text, plan: parsePlan(text) };
  } catch {
    reply = { id };
  }
  parentPort!.postMessage(reply);
});
