/**
 * Drives the built language server over stdio the way an editor does, for protocol tests.
 * It answers the server's requests (configuration, registration, refresh) and records them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  createProtocolConnection,
  DiagnosticRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShowMessageRequest,
  ShutdownRequest,
  ExitNotification,
  ConfigurationRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

export const SERVER_BIN = fileURLToPath(new URL('../../bin/improvement-plan-language-server.cjs', import.meta.url));

export interface ClientOptions {
  /** Use LSP 3.17 pull diagnostics (as VS Code does); otherwise expect pushed diagnostics (as Neovim 0.7). */
  pull: boolean;
  /** What `workspace/configuration` answers for the `improvementPlan` section. */
  settings?: unknown;
  workspaceFolder?: string;
  args?: string[];
  /** Extra client capabilities, merged over the defaults (for example `{ window: { workDoneProgress: true } }`). */
  capabilities?: Record<string, unknown>;
}

export class TestLspClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly messages: string[] = [];
  refreshRequests = 0;
  settings: unknown;
  initializeResult!: InitializeResult;
  private readonly process: ChildProcess;
  private readonly connection: ProtocolConnection;
  private readonly waiters: (() => void)[] = [];
  stderr = '';

  constructor(private readonly options: ClientOptions) {
    this.settings = options.settings ?? {};
    this.process = spawn(process.execPath, [...(process.env.PLAN_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? []), SERVER_BIN, ...(options.args ?? [])], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (chunk) => (this.stderr += chunk));
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      this.wakeWaiters();
    });
    this.connection.onNotification(ShowMessageNotification.type, (params) => {
      this.messages.push(params.message);
    });
    this.connection.onRequest(ShowMessageRequest.type, (params) => {
      this.messages.push(params.message);
      this.wakeWaiters();
      return null;
    });
    this.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => this.settings));
    this.connection.onRequest(RegistrationRequest.type, () => undefined);
    this.connection.onRequest(DiagnosticRefreshRequest.type, () => {
      this.refreshRequests++;
      this.wakeWaiters();
    });
    this.connection.listen();
  }

  /** A new client with the initialize handshake done (its server stopped again if the handshake fails). */
  static async start(options: ClientOptions): Promise<TestLspClient> {
    const client = new TestLspClient(options);
    try {
      await client.initialize();
    } catch (error) {
      await client.stop();
      throw error;
    }
    return client;
  }

  async initialize(): Promise<InitializeResult> {
    const folder = this.options.workspaceFolder;
    this.initializeResult = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: folder ? [{ uri: `file://${folder}`, name: 'test' }] : null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, diagnostics: { refreshSupport: this.options.pull } },
        textDocument: this.options.pull ? { diagnostic: { dynamicRegistration: false }, publishDiagnostics: { versionSupport: true } } : { publishDiagnostics: { versionSupport: true } },
        ...this.options.capabilities,
      },
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return this.initializeResult;
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'improvement-plan', version, text } });
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  changeConfiguration(settings: unknown): Promise<void> {
    this.settings = settings;
    return this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { improvementPlan: settings } });
  }

  /** Any request, for feature tests: `client.request('textDocument/hover', { ... })`. */
  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** Any notification from the client: `client.notify('workspace/didChangeWatchedFiles', { changes })`. */
  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  /** Registers a handler for a request the server sends (workspace/applyEdit, window/workDoneProgress/create, ...). */
  onServerRequest(method: string, handler: (params: any) => unknown): void {
    this.connection.onRequest(method, handler);
  }

  /** Records notifications of `method` (for example $/progress) into the returned array. */
  recordNotifications(method: string): unknown[] {
    const received: unknown[] = [];
    this.connection.onNotification(method, (params: unknown) => {
      received.push(params);
      this.wakeWaiters();
    });
    return received;
  }

  /** The document's diagnostics, pulled as VS Code does: with the last result ID, so that the server may answer "unchanged". */
  async pull(uri: string): Promise<Diagnostic[]> {
    const last = this.lastReports.get(uri);
    const report = (await this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId: last?.resultId })) as DocumentDiagnosticReport;
    this.lastReportKind = report.kind;
    if (report.kind === 'unchanged') {
      if (!last || report.resultId !== last.resultId) throw new Error(`"unchanged" for result ${report.resultId}, which this client does not have`);
      return last.items;
    }
    if (report.resultId) this.lastReports.set(uri, { resultId: report.resultId, items: report.items });
    return report.items;
  }

  /** The kind of the last pulled report: "full" or "unchanged". */
  lastReportKind: string | undefined;
  private readonly lastReports = new Map<string, { resultId: string; items: Diagnostic[] }>();

  /** Resolves when `condition` holds, checking after every message from the server; fails after `timeoutMs`. */
  async waitFor<T>(condition: () => T | undefined | false, what: string, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = condition();
      if (value) return value;
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`Timed out waiting for ${what}; server stderr: ${this.stderr}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The latest diagnostics pushed for `uri` with exactly `version`. */
  waitForPublished(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    return this.waitFor(() => this.published.filter((p) => p.uri === uri && p.version === version).at(-1), `diagnostics for ${uri} version ${version}`);
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
      // Let it exit by itself (a profiler started with PLAN_SERVER_NODE_ARGS writes its file then).
      if (this.alive) await Promise.race([new Promise((resolve) => this.process.once('exit', resolve)), new Promise((resolve) => setTimeout(resolve, 2000))]);
    } catch {
      // The process may already be gone.
    }
    this.connection.dispose();
    this.process.kill();
  }

  get pid(): number {
    return this.process.pid!;
  }

  get alive(): boolean {
    return this.process.exitCode === null;
  }

  private wakeWaiters(): void {
    this.waiters.splice(0).forEach((wake) => wake());
  }
}
