/**
 * The VS Code client: starts the language server and adds the editor's own commands.
 * Everything about plans is in the server; this file only adapts VS Code to it.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

export const LANGUAGE_ID = 'improvement-plan';
let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.cjs');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  // Rule settings in .planrc files, and plans whose recommendations other plans use.
  const watcher = vscode.workspace.createFileSystemWatcher('**/{.planrc,.planrc.json,.planrc.yaml,.planrc.yml,*.plan.md}');
  context.subscriptions.push(watcher);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }],
    synchronize: { fileEvents: watcher },
  };
  client = new LanguageClient('improvementPlan', 'Improvement Plan', serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand('improvementPlan.showPreview', showPreview),
    vscode.commands.registerCommand('improvementPlan.restartServer', () => client?.restart()),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/** Plans are Markdown: show them in VS Code's own Markdown preview, beside the editor. */
async function showPreview(uri?: vscode.Uri): Promise<void> {
  const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
  if (!target) {
    void vscode.window.showInformationMessage('Open an improvement plan (*.plan.md) to preview it.');
    return;
  }
  await vscode.commands.executeCommand('markdown.showPreviewToSide', target);
}
