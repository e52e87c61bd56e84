/**
 * The server survives what clients and users throw at it: malformed JSON-RPC on stdin, unknown
 * methods, a 10 MB document, a 100,000-character line, a document closed while it is analysed, a
 * burst of 1,000 changes. After each, it must still answer a request and give the right
 * diagnostics. Timing bounds are generous (the machine may be loaded); the real times go into the
 * test titles.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  createProtocolConnection,
  ErrorCodes,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type FullDocumentDiagnosticReport,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { lintText } from '../../server/src/engine/index.js';
import { examplesFolder } from '../fixtures/examples.js';
import { PLAN_WITHOUT_OWNER } from '../fixtures/plans.js';
import { SERVER_BIN } from '../helpers/lspClient.js';

/** The server must answer within this after each ordeal; it normally takes milliseconds. */
const ANSWER_MS = 10_000;
const SMALL = 'untitled:small.plan.md';

/** A client that can also write raw bytes to the server's stdin. */
class RawClient {
  readonly process: ChildProcess;
  readonly connection: ProtocolConnection;
  stderr = '';
  private version = new Map<string, number>();

  constructor() {
    this.process = spawn(process.execPath, [SERVER_BIN, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (chunk) => (this.stderr += chunk));
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
    this.connection.listen();
  }

  async start(): Promise<void> {
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      capabilities: { workspace: { configuration: true }, textDocument: { diagnostic: { dynamicRegistration: false } } },
    });
    await this.connection.sendNotification('initialized', {});
    await this.open(SMALL, PLAN_WITHOUT_OWNER);
  }

  raw(bytes: string | Buffer): Promise<void> {
    return new Promise((resolve, reject) => this.process.stdin!.write(bytes, (error) => (error ? reject(error) : resolve())));
  }

  open(uri: string, text: string): Promise<void> {
    this.version.set(uri, 1);
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'improvement-plan', version: 1, text } });
  }

  change(uri: string, text: string, range?: unknown): Promise<void> {
    const version = (this.version.get(uri) ?? 1) + 1;
    this.version.set(uri, version);
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [range ? { range, text } : { text }] });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  async pull(uri: string): Promise<Diagnostic[]> {
    return ((await this.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as FullDocumentDiagnosticReport).items;
  }

  get alive(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }

  /**
   * Asks for the small plan's diagnostics until the server answers, as a client that gives up on
   * a request and asks again would; a request that was garbled in transit is never answered.
   * Resolves with the time to the first answer.
   */
  async answers(): Promise<{ ms: number; lost: number }> {
    const start = Date.now();
    let lost = 0;
    while (Date.now() - start < ANSWER_MS) {
      const answer = await Promise.race([this.pull(SMALL), new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 1000))]);
      if (answer) {
        assert.deepEqual(answer.map((d) => d.code), ['no-owner'], 'the small plan still gets its diagnostics');
        return { ms: Date.now() - start, lost };
      }
      lost++;
    }
    throw new Error(`no answer within ${ANSWER_MS} ms (alive: ${this.alive}); stderr: ${this.stderr}`);
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // Already gone.
    }
    this.connection.dispose();
    this.process.kill();
  }
}

const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
const needsWork = readFileSync(new URL('needs-work.plan.md', examplesFolder), 'utf8');

describe('server resilience', function () {
  this.timeout(180_000);
  let client: RawClient;
  beforeEach(async () => {
    client = new RawClient();
    await client.start();
  });
  afterEach(async () => client.stop());

  /** Runs the ordeal, then checks that the server answers, and puts the times into the title. */
  async function survives(test: Mocha.Context, ordeal: () => Promise<unknown>): Promise<void> {
    const start = Date.now();
    await ordeal();
    const ordealMs = Date.now() - start;
    const { ms, lost } = await client.answers();
    test.test!.title += ` (ordeal ${ordealMs} ms, then answered in ${ms} ms${lost ? `, ${lost} request(s) lost` : ''})`;
    assert.ok(client.alive, 'the server is still running');
  }

  describe('malformed JSON-RPC on stdin', () => {
    it('a body that is not JSON, with a correct Content-Length', async function () {
      await survives(this, () => client.raw(frame('{"jsonrpc": "2.0", "id": 1, "method": ')));
    });

    it('a Content-Length that is not a number', async function () {
      await survives(this, () => client.raw('Content-Length: many\r\n\r\n{}'));
    });

    it('a Content-Length shorter than the body: the rest of the body is garbage before the next message', async function () {
      const body = JSON.stringify({ jsonrpc: '2.0', id: 999, method: 'textDocument/diagnostic', params: { textDocument: { uri: SMALL } } });
      await survives(this, () => client.raw(`Content-Length: 20\r\n\r\n${body}`));
    });

    it('headers without a Content-Length, and bytes that are not UTF-8', async function () {
      await survives(this, async () => {
        await client.raw('Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n');
        await client.raw(Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28, 0x0d, 0x0a, 0x0d, 0x0a]));
      });
    });

    it('a JSON value that is not a JSON-RPC message', async function () {
      await survives(this, async () => {
        await client.raw(frame('[1, 2, 3]'));
        await client.raw(frame('{"jsonrpc": "2.0", "id": 5}'));
        await client.raw(frame('null'));
      });
    });
  });

  describe('unknown methods', () => {
    it('a request for an unknown method gets a MethodNotFound error', async function () {
      await survives(this, async () => {
        await assert.rejects(client.connection.sendRequest('improvementPlan/noSuchThing', {}), (error: unknown) => {
          assert.ok(error instanceof ResponseError);
          assert.equal(error.code, ErrorCodes.MethodNotFound);
          return true;
        });
      });
    });

    it('a notification of an unknown method is ignored, $/ or not', async function () {
      await survives(this, async () => {
        await client.connection.sendNotification('improvementPlan/noSuchNotification', { any: 'thing' });
        await client.connection.sendNotification('$/noSuchNotification', {});
      });
    });
  });

  describe('large and awkward documents', () => {
    it('a 10 MB plan gets its diagnostics, and other documents still do', async function () {
      let big = needsWork;
      while (big.length < 10_000_000) big += `\n${needsWork.slice(needsWork.indexOf('\n## '))}`;
      let count = 0;
      let answeredMeanwhile = '';
      await survives(this, async () => {
        await client.open('untitled:big.plan.md', big);
        let bigDone = false;
        const bigPull = client.pull('untitled:big.plan.md').then((items) => {
          bigDone = true;
          return items;
        });
        // The big plan is analysed a slice at a time: a small plan's request is answered in between.
        const { ms } = await client.answers();
        assert.equal(bigDone, false, "the small plan's answer came only after the 10 MB plan's analysis");
        answeredMeanwhile = `, a small plan answered in ${ms} ms meanwhile`;
        count = (await bigPull).length;
      });
      assert.ok(count > 1000, `${count} diagnostics for the 10 MB plan`);
      this.test!.title += ` (${(big.length / 1e6).toFixed(1)} M characters, ${count} diagnostics${answeredMeanwhile})`;
    });

    it('a line of 100,000 characters', async function () {
      const text = `## R1 Supervision\n\n### A1.1 Run audits of ${'case files '.repeat(9_100)}\n\n- Owner: ${'Head '.repeat(20_000)}\n- Links: ${'R1, '.repeat(25_000)}\n`;
      await survives(this, async () => {
        await client.open('untitled:long-line.plan.md', text);
        const diagnostics = await client.pull('untitled:long-line.plan.md');
        const expected = lintText(text).diagnostics.map((d) => d.code);
        assert.deepEqual(diagnostics.map((d) => d.code).sort(), expected.sort());
      });
    });

    it('a document closed while it is being analysed', async function () {
      let big = needsWork;
      while (big.length < 2_000_000) big += `\n${needsWork.slice(needsWork.indexOf('\n## '))}`;
      await survives(this, async () => {
        await client.open('untitled:closing.plan.md', big);
        const pending = client.pull('untitled:closing.plan.md').then(
          (items) => items.length,
          (error: Error) => error.message,
        );
        await client.close('untitled:closing.plan.md');
        // Whatever the answer (the diagnostics of the version asked for, none, or an error), there is one.
        await pending;
        // The closed document is gone: asking again gives nothing rather than the old result.
        assert.deepEqual(await client.pull('untitled:closing.plan.md'), []);
      });
    });

    it('a burst of 1,000 changes ends with the diagnostics of the last version', async function () {
      const uri = 'untitled:burst.plan.md';
      let text = PLAN_WITHOUT_OWNER;
      await survives(this, async () => {
        await client.open(uri, text);
        // Type an Owner line one character at a time, with a few whole-document replacements on the way.
        const line = '- Owner: Head of Service, Quality Assurance and Improvement, Children\u2019s Services Directorate\n';
        const lines = text.split('\n');
        const at = { line: lines.length - 1, character: 0 };
        for (let i = 0; i < 1000; i++) {
          if (i % 250 === 249) {
            await client.change(uri, text);
            continue;
          }
          const char = line[i % line.length]!;
          const position = { line: at.line, character: at.character };
          await client.change(uri, char, { start: position, end: position });
          text = `${text}${char}`;
          if (char === '\n') {
            at.line++;
            at.character = 0;
          } else at.character++;
        }
        const diagnostics = await client.pull(uri);
        assert.deepEqual(
          diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}`),
          lintText(text).diagnostics.map((d) => {
            const before = text.slice(0, d.range.start).split('\n');
            return `${d.code} ${before.length - 1}:${before.at(-1)!.length}`;
          }),
        );
      });
    });
  });
});
