/**
 * Stdio framing that recovers from a malformed message. vscode-jsonrpc reads `Content-Length`
 * frames; after one frame whose length is wrong, the rest of its body is read as the next frame's
 * headers, that frame's body as the headers after it, and so on: the server never understands a
 * message again. This stream sits between stdin and the reader and passes on well-formed frames
 * only: a header block without a readable Content-Length is dropped, and garbage before a
 * `Content-Length:` header is skipped, so the next message after a bad one is read again.
 */
import { Transform, Writable, type TransformCallback } from 'node:stream';

const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');
// The last Content-Length in a header block: garbage left by a bad frame comes before it.
const CONTENT_LENGTH = /Content-Length:[ \t]*(\d{1,10})[ \t]*(?:\r\n|$)(?![^]*Content-Length:)/i;
/** Headers are a few dozen bytes: more without an end is garbage, dropped but for its tail. */
const MAX_HEADER_BYTES = 64 * 1024;

export class ResyncingFrames extends Transform {
  private buffer: Buffer = Buffer.alloc(0);

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf(HEADER_END);
      if (headerEnd < 0) {
        // Keep the tail: it may be the start of the next header.
        if (this.buffer.length > MAX_HEADER_BYTES) this.buffer = this.buffer.subarray(this.buffer.length - 256);
        break;
      }
      const length = CONTENT_LENGTH.exec(this.buffer.toString('latin1', 0, headerEnd));
      const bodyStart = headerEnd + HEADER_END.length;
      if (!length) {
        this.buffer = this.buffer.subarray(bodyStart);
        continue;
      }
      const bodyEnd = bodyStart + Number(length[1]);
      if (this.buffer.length < bodyEnd) break;
      this.push(Buffer.concat([Buffer.from(`Content-Length: ${length[1]}\r\n\r\n`, 'ascii'), this.buffer.subarray(bodyStart, bodyEnd)]));
      this.buffer = this.buffer.subarray(bodyEnd);
    }
    done();
  }
}

/**
 * Writes to stdout in one piece what vscode-jsonrpc writes in two: a message's header, then, once
 * that write is done, its body. On a pipe each write is a system call that wakes the client to find
 * half a message; one write per message saves both sides a wake-up on every reply.
 */
export class GatheredWrites extends Writable {
  private chunks: Buffer[] = [];

  constructor(private readonly target: NodeJS.WritableStream) {
    super();
    target.on('error', (error: Error) => this.destroy(error));
    target.on('close', () => this.destroy());
    // Whatever is still gathered when the server exits is written first.
    process.on('exit', () => this.flush());
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    // The body follows the header within the same turn of the event loop (a resolved promise), before setImmediate.
    if (this.chunks.push(chunk) === 1) setImmediate(() => this.flush());
    done();
  }

  override _final(done: (error?: Error | null) => void): void {
    this.flush();
    done();
  }

  private flush(): void {
    if (this.chunks.length === 0) return;
    const data = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
    this.chunks = [];
    this.target.write(data);
  }
}
