/**
 * Reads and parses plan files on worker threads (parseWorker.ts), one per core the server can
 * spare, for the workspace index's start-up scan. Where workers cannot start (the worker bundle is
 * missing, as when the server runs from its TypeScript sources), files are parsed on this thread.
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { parsePlan, type Plan } from '../engine/index.js';

export interface ParseRequest {
  id: number;
  file: string;
}

/** The file's text and plan; neither when it could not be read. */
export interface ParseReply {
  id: number;
  text?: string;
  plan?: Plan;
  /** The worker died before it answered: parse the file on this thread. */
  workerFailed?: boolean;
}

export interface ParsedFile {
  text: string;
  plan: Plan;
}

// Next to the server bundle: scripts/build.mjs builds dist/parseWorker.cjs.
const WORKER_FILE = fileURLToPath(new URL('./parseWorker.cjs', import.meta.url));

export class ParsePool {
  private readonly workers: Worker[] = [];
  private readonly waiting = new Map<number, { worker: Worker; resolve: (reply: ParseReply) => void }>();
  private nextId = 0;
  private next = 0;

  constructor(size = Math.max(1, Math.min(4, availableParallelism()))) {
    if (!existsSync(WORKER_FILE)) return;
    for (let index = 0; index < size; index++) {
      try {
        const worker = new Worker(WORKER_FILE);
        worker.on('message', (reply: ParseReply) => this.settle(reply));
        // A worker that fails leaves its files to this thread.
        worker.on('error', () => this.retire(worker));
        this.workers.push(worker);
      } catch {
        break;
      }
    }
  }

  /** How many files can usefully be in flight at once. */
  get parallelism(): number {
    return Math.max(1, this.workers.length * 2);
  }

  /** The file's text and plan, or undefined when it cannot be read. */
  async parse(file: string): Promise<ParsedFile | undefined> {
    const worker = this.workers[this.next++ % Math.max(1, this.workers.length)];
    if (!worker) return parseHere(file);
    const id = this.nextId++;
    const reply = await new Promise<ParseReply>((resolve) => {
      this.waiting.set(id, { worker, resolve });
      worker.postMessage({ id, file } satisfies ParseRequest);
    });
    if (reply.workerFailed) return parseHere(file);
    if (reply.text === undefined || !reply.plan) return undefined;
    return { text: reply.text, plan: reply.plan };
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((worker) => worker.terminate()));
  }

  private settle(reply: ParseReply): void {
    this.waiting.get(reply.id)?.resolve(reply);
    this.waiting.delete(reply.id);
  }

  private retire(worker: Worker): void {
    const index = this.workers.indexOf(worker);
    if (index >= 0) this.workers.splice(index, 1);
    // Its files are parsed on this thread instead.
    for (const [id, waiting] of this.waiting) {
      if (waiting.worker !== worker) continue;
      this.waiting.delete(id);
      waiting.resolve({ id, workerFailed: true });
    }
  }
}

function parseHere(file: string): ParsedFile | undefined {
  try {
    const text = readFileSync(file, 'utf8');
    return { text, plan: parsePlan(text) };
  } catch {
    return undefined;
  }
}
