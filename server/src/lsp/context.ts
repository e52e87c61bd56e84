/**
 * What every LSP feature module gets: the connection, the open documents, the shared analyses,
 * the workspace index, and an event for "everything may have changed" (settings, .planrc files).
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ClientCapabilities, Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver';
import type { PlanAnalyses } from './planAnalyses.js';
import type { SettingsStore } from './settings.js';
import type { WorkspaceIndex } from './workspaceIndex.js';

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  analyses: PlanAnalyses;
  settings: SettingsStore;
  index: WorkspaceIndex;
  clientCapabilities: ClientCapabilities;
  /** Registers a listener for changes that may affect every document's results. */
  onDidInvalidateAll(listener: () => void): void;
}

/** One LSP feature: what it adds to the server's capabilities, and its request handlers. */
export interface LspFeature {
  capabilities(client: ClientCapabilities): ServerCapabilities;
  register(context: ServerContext): void;
}
