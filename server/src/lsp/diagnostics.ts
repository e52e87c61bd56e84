/**
 * The diagnostics feature. Clients that support LSP 3.17 pull diagnostics ask for them and get
 * results for the version they have; other clients (Neovim 0.7, for one) get them pushed with the
 * document version, after a short quiet window, and only if no newer version has arrived meanwhile.
 * A pull whose diagnostics are those the client already has is answered "unchanged" (LSP 3.17 result
 * IDs): most keystrokes change no problem, and a big plan's report is tens of kilobytes to send and read.
 */
import { isDeepStrictEqual } from 'node:util';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentDiagnosticReportKind, LSPErrorCodes, ResponseError, type Connection, type Diagnostic, type TextDocuments } from 'vscode-languageserver';
import type { LspFeature } from './context.js';
import { toLspDiagnostic } from './convert.js';
import type { PlanAnalyses } from './planAnalyses.js';

export const diagnosticsFeature: LspFeature = {
  capabilities: (client) =>
    client.textDocument?.diagnostic !== undefined
      ? { diagnosticProvider: { identifier: 'improvement-plan', interFileDependencies: true, workspaceDiagnostics: false } }
      : {},
  register(context) {
    const client = context.clientCapabilities;
    const diagnostics = new DiagnosticsFeature(context.connection, context.documents, context.analyses, {
      pull: client.textDocument?.diagnostic !== undefined,
      refreshSupported: client.workspace?.diagnostics?.refreshSupport === true,
    });
    diagnostics.register();
    context.onDidInvalidateAll(() => diagnostics.refreshAll());
  },
};

/** How long typing must pause before pushed diagnostics are computed. */
const PUSH_DELAY_MS = 100;

export interface DiagnosticsMode {
  pull: boolean;
  refreshSupported: boolean;
}

export class DiagnosticsFeature {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** The last report sent for each document, so that the same diagnostics can be answered "unchanged". */
  private readonly lastReports = new Map<string, { resultId: string; items: Diagnostic[] }>();
  private nextResultId = 1;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly analyses: PlanAnalyses,
    private readonly mode: DiagnosticsMode,
  ) {}

  register(): void {
    if (this.mode.pull) {
      this.connection.languages.diagnostics.on(async (params) => {
        const document = this.documents.get(params.textDocument.uri);
        const items = document ? await this.compute(document) : [];
        // The document changed while it was analysed: the client asks again for the new version.
        if (!items) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'The plan changed while it was analysed.', { retriggerRequest: true });
        const uri = params.textDocument.uri;
        const last = this.lastReports.get(uri);
        if (last && params.previousResultId === last.resultId && isDeepStrictEqual(last.items, items)) {
          return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: last.resultId };
        }
        const resultId = String(this.nextResultId++);
        this.lastReports.set(uri, { resultId, items });
        return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
      });
    }
    this.documents.onDidChangeContent(({ document }) => {
      const dependents = this.analyses.dependentsOf(document.uri);
      dependents.forEach((uri) => this.analyses.forget(uri));
      if (this.mode.pull) {
        if (dependents.length > 0) this.refreshAll();
      } else {
        [document.uri, ...dependents].forEach((uri) => this.schedulePush(uri));
      }
    });
    this.documents.onDidClose(({ document }) => {
      clearTimeout(this.timers.get(document.uri));
      this.timers.delete(document.uri);
      this.lastReports.delete(document.uri);
      this.analyses.forget(document.uri, true);
      // Plans that read its unsaved text (as their recommendations file) now read the file on disk.
      const dependents = this.analyses.dependentsOf(document.uri);
      dependents.forEach((uri) => this.analyses.forget(uri));
      if (this.mode.pull && dependents.length > 0) this.refreshAll();
      if (!this.mode.pull) dependents.forEach((uri) => this.schedulePush(uri));
      // Pushed problems of a closed file would otherwise linger in the client.
      if (!this.mode.pull) void this.connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    });
  }

  /** Settings or files that every analysis may depend on changed. */
  refreshAll(): void {
    if (this.mode.pull) {
      if (this.mode.refreshSupported) void this.connection.languages.diagnostics.refresh();
    } else {
      this.documents.all().forEach((document) => this.schedulePush(document.uri));
    }
  }

  private schedulePush(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.push(uri);
      }, PUSH_DELAY_MS),
    );
  }

  private async push(uri: string): Promise<void> {
    const document = this.documents.get(uri);
    if (!document) return;
    const { version } = document;
    const diagnostics = await this.compute(document);
    // A newer version arrived while this one was analysed: its own push will follow.
    if (!diagnostics || this.documents.get(uri)?.version !== version) return;
    await this.connection.sendDiagnostics({ uri, version, diagnostics });
  }

  /** The document's diagnostics; undefined when a newer version arrived before they were ready. */
  private async compute(document: TextDocument): Promise<Diagnostic[] | undefined> {
    try {
      const { diagnostics } = await this.analyses.analyse(document);
      return diagnostics.map((diagnostic) => toLspDiagnostic(document, diagnostic));
    } catch (error) {
      if (error instanceof ResponseError && error.code === LSPErrorCodes.ContentModified) return undefined;
      // A bug in a rule must not take the server down with it: report it and carry on.
      this.connection.console.error(`Analysis of ${document.uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
      return [];
    }
  }
}
