// Makes dist/server.cjs.v8cache (see bin/codeCache.cjs): starts the built server as an editor
// would, opens the bundled example plan, asks for its diagnostics, waits while the server warms up
// its rarely used paths (engine/warmUp.ts), and shuts it down; the server writes what V8 compiled
// as it exits. Called by scripts/build.mjs. A cache is only a speed-up: failing to make one warns.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';

const SERVER_BIN = fileURLToPath(new URL('../bin/improvement-plan-language-server.cjs', import.meta.url));
const SAMPLE_PLAN = fileURLToPath(new URL('../examples/westmorland-and-furness.plan.md', import.meta.url));
const CODE_CACHE = fileURLToPath(new URL('../dist/server.cjs.v8cache', import.meta.url));
/** The server warms up just after its first analysis; this leaves it time to finish. */
const WARM_UP_WAIT_MS = 1000;
const GIVE_UP_MS = 30_000;

export async function writeCodeCache() {
  // An old cache must not outlive the bundle it was made for, even if this run fails.
  rmSync(CODE_CACHE, { force: true });
  const server = spawn(process.execPath, [SERVER_BIN, '--stdio'], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, IMPROVEMENT_PLAN_WRITE_CODE_CACHE: '1' },
  });
  const exited = new Promise((resolve) => server.once('exit', resolve));
  const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => ({})));
  connection.onRequest(RegistrationRequest.type, () => undefined);
  connection.listen();
  const timer = setTimeout(() => server.kill(), GIVE_UP_MS);
  try {
    const uri = pathToFileURL(SAMPLE_PLAN).href;
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      capabilities: { workspace: { configuration: true }, textDocument: { diagnostic: {} } },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'improvement-plan', version: 1, text: readFileSync(SAMPLE_PLAN, 'utf8') },
    });
    await connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    await new Promise((resolve) => setTimeout(resolve, WARM_UP_WAIT_MS));
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    const code = await exited;
    if (code !== 0) throw new Error(`the server exited with code ${code}`);
  } catch (error) {
    server.kill();
    console.warn(`No code cache for the server (it will start a little slower): ${error instanceof Error ? error.message : error}`);
  } finally {
    clearTimeout(timer);
    connection.dispose();
  }
}
