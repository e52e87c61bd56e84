/**
 * The server writes each message to stdout in one piece: vscode-jsonrpc writes a header and then a
 * body, and on a pipe every write wakes the client (framing.ts).
 */
import assert from 'node:assert/strict';
import { PassThrough, Writable } from 'node:stream';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { GatheredWrites } from '../../server/src/lsp/framing.js';

class Recorder extends Writable {
  readonly writes: Buffer[] = [];
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.writes.push(Buffer.from(chunk));
    done();
  }
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('gathered writes to stdout', () => {
  it('writes each message in one piece that a reader understands', async () => {
    const target = new Recorder();
    const writer = new StreamMessageWriter(new GatheredWrites(target));
    const messages = [1, 2, 3].map((id) => ({ jsonrpc: '2.0', id, result: { text: `reply ${id} \u2013 ok` } }));
    for (const message of messages) {
      await writer.write(message);
      await turn();
    }
    assert.equal(target.writes.length, 3, 'one write per message');
    assert.ok(target.writes.every((write) => write.toString('utf8').startsWith('Content-Length: ')));

    const read: unknown[] = [];
    const reader = new StreamMessageReader(new PassThrough().end(Buffer.concat(target.writes)));
    reader.listen((message) => read.push(message));
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepStrictEqual(read, messages);
  });

  it('writes what is gathered when the stream ends', async () => {
    const target = new Recorder();
    const gathered = new GatheredWrites(target);
    gathered.write('Content-Length: 2\r\n\r\n');
    gathered.end('{}');
    await new Promise((resolve) => gathered.on('finish', resolve));
    assert.equal(Buffer.concat(target.writes).toString(), 'Content-Length: 2\r\n\r\n{}');
  });
});
