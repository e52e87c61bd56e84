/**
 * The language server: protocol wiring only. Each feature lives in its own module (see FEATURES)
 * and works on the shared per-document analyses and the workspace index.
 */
import { format } from 'node:util';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  createConnection,
  type Connection,
  type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver/node';
import type { LspFeature, ServerContext } from './context.js';
import { diagnosticsFeature } from './diagnostics.js';
import { commandsFeature } from './commands.js';
import { planSummaryFeature } from './planSummary.js';
import { definitionFeature } from './definition.js';
import { documentSymbolsFeature } from './documentSymbols.js';
import { foldingFeature } from './folding.js';
import { highlightsFeature } from './highlights.js';
import { referencesFeature } from './references.js';
import { renameFeature } from './rename.js';
import { workspaceSymbolsFeature } from './workspaceSymbols.js';
import { completionFeature } from './completion.js';
import { hoverFeature } from './hover.js';
import { codeLensFeature } from './codeLens.js';
import { inlayHintsFeature } from './inlayHints.js';
import { codeActionsFeature } from './codeActions.js';
import { previewFeature } from './preview.js';
import { dashboardFeature } from './dashboard.js';
import { GatheredWrites, ResyncingFrames } from './framing.js';
import { DocumentPlans } from './documentPlans.js';
import { filePath, PlanAnalyses } from './planAnalyses.js';
import { SettingsStore } from './settings.js';
import { WorkspaceIndex } from './workspaceIndex.js';

declare const PACKAGE_VERSION: string;

/** Every feature of the server; each adds its capabilities and handlers. */
const FEATURES: readonly LspFeature[] = [
  diagnosticsFeature,
  commandsFeature,
  planSummaryFeature,
  definitionFeature,
  referencesFeature,
  renameFeature,
  documentSymbolsFeature,
  workspaceSymbolsFeature,
  foldingFeature,
  highlightsFeature,
  completionFeature,
  hoverFeature,
  codeLensFeature,
  inlayHintsFeature,
  codeActionsFeature,
  previewFeature,
  dashboardFeature,
];

export function startServer(): void {
  const connection = openConnection();
  const documents = new TextDocuments(TextDocument);
  const invalidateListeners: (() => void)[] = [];
  let context: ServerContext | undefined;

  connection.onInitialize((params): InitializeResult => {
    const client = params.capabilities;
    const roots = (params.workspaceFolders ?? []).map((folder) => filePath(folder.uri)).filter((p): p is string => !!p);
    const settings = new SettingsStore(connection, client.workspace?.configuration === true, params.initializationOptions);
    const plans = new DocumentPlans();
    const analyses = new PlanAnalyses(connection, documents, settings, plans);
    analyses.workspaceRoots = roots;
    context = {
      connection,
      documents,
      analyses,
      settings,
      index: new WorkspaceIndex(documents, roots, plans),
      clientCapabilities: client,
      onDidInvalidateAll: (listener) => invalidateListeners.push(listener),
    };
    let capabilities: ServerCapabilities = { textDocumentSync: TextDocumentSyncKind.Incremental };
    for (const feature of FEATURES) {
      capabilities = { ...capabilities, ...feature.capabilities(client) };
      feature.register(context);
    }
    return {
      capabilities,
      serverInfo: { name: 'improvement-plan-language-server', version: typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : 'development' },
    };
  });

  connection.onInitialized(async () => {
    if (!context) return;
    if (context.clientCapabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'improvementPlan' });
    }
    await indexWorkspace(context);
  });

  const invalidateAll = (): void => {
    context?.analyses.invalidateAll();
    invalidateListeners.forEach((listener) => listener());
  };

  connection.onDidChangeConfiguration((change) => {
    context?.settings.changed(change.settings);
    invalidateAll();
  });

  // The client watches .planrc files and plans on disk: one may hold settings or recommendations others use.
  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    await context?.index.filesChanged(changes);
    invalidateAll();
  });

  documents.onDidClose(({ document }) => {
    context?.settings.forget(document.uri);
    context?.index.closed(document.uri);
  });
  documents.listen(connection);
  connection.listen();
}

/**
 * The connection the command line asks for. Over stdio, frames pass through ResyncingFrames so that
 * one malformed message does not leave the server deaf to every message after it, and each message
 * out is written in one piece (GatheredWrites).
 */
function openConnection(): Connection {
  if (!process.argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
  const connection = createConnection(ProposedFeatures.all, process.stdin.pipe(new ResyncingFrames()), new GatheredWrites(process.stdout));
  // As createConnection does for --stdio itself: console output goes to the client's log, never into the protocol on stdout.
  const log = (write: (message: string) => void) => (...args: unknown[]) => write(format(...args));
  console.log = console.info = console.debug = log((message) => connection.console.log(message));
  console.warn = log((message) => connection.console.warn(message));
  console.error = log((message) => connection.console.error(message));
  return connection;
}

/** Reads every plan in the workspace folders, reporting progress when the client shows it. */
async function indexWorkspace(context: ServerContext): Promise<void> {
  if (context.index.roots.length === 0) return;
  // A client may refuse to show progress; indexing goes ahead without it.
  const progress = context.clientCapabilities.window?.workDoneProgress
    ? await context.connection.window.createWorkDoneProgress().catch(() => undefined)
    : undefined;
  progress?.begin('Indexing improvement plans', 0, undefined, false);
  try {
    const count = await context.index.scan((done, total) => progress?.report(Math.round((done / total) * 100), `${done} of ${total} plans`));
    context.connection.console.log(`Indexed ${count} improvement plan${count === 1 ? '' : 's'}.`);
  } finally {
    progress?.done();
  }
}
