/** Improvement Plan: Open Preview to the Side. Plans are Markdown: VS Code's own preview shows them. */
import * as vscode from 'vscode';

export async function showPreview(uri?: vscode.Uri): Promise<void> {
  const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
  if (!target) {
    void vscode.window.showInformationMessage('Open an improvement plan (*.plan.md) to preview it.');
    return;
  }
  await vscode.commands.executeCommand('markdown.showPreviewToSide', target);
}
