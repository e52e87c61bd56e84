/**
 * The language server: protocol wiring only. Each feature lives in its own module and works
 * on the shared per-document analyses.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  createConnection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { DiagnosticsFeature } from './diagnostics.js';
import { filePath, PlanAnalyses } from './planAnalyses.js';
import { SettingsStore } from './settings.js';

declare const PACKAGE_VERSION: string;

export function startServer(): void {
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  let analyses: PlanAnalyses | undefined;
  let diagnostics: DiagnosticsFeature | undefined;
  let settings: SettingsStore | undefined;
  let dynamicConfiguration = false;

  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities;
    const pull = capabilities.textDocument?.diagnostic !== undefined;
    dynamicConfiguration = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    settings = new SettingsStore(connection, capabilities.workspace?.configuration === true, params.initializationOptions);
    analyses = new PlanAnalyses(connection, documents, settings);
    analyses.workspaceRoots = (params.workspaceFolders ?? []).map((folder) => filePath(folder.uri)).filter((p): p is string => !!p);
    diagnostics = new DiagnosticsFeature(connection, documents, analyses, {
      pull,
      refreshSupported: capabilities.workspace?.diagnostics?.refreshSupport === true,
    });
    diagnostics.register();
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        ...(pull ? { diagnosticProvider: { identifier: 'improvement-plan', interFileDependencies: true, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'improvement-plan-language-server', version: typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : 'development' },
    };
  });

  connection.onInitialized(() => {
    if (dynamicConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'improvementPlan' });
  });

  connection.onDidChangeConfiguration((change) => {
    settings?.changed(change.settings);
    analyses?.invalidateAll();
    diagnostics?.refreshAll();
  });

  // The client watches .planrc files and plans on disk: one may hold settings or recommendations others use.
  connection.onDidChangeWatchedFiles(() => {
    analyses?.invalidateAll();
    diagnostics?.refreshAll();
  });

  documents.onDidClose(({ document }) => settings?.forget(document.uri));
  documents.listen(connection);
  connection.listen();
}
