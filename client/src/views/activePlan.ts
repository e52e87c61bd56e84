/**
 * The plan the tree view and the status bar show: the active editor's plan, with its summary from
 * the server (`improvementPlan/summary`), asked again whenever the plan may have changed (an edit,
 * new diagnostics, or the server saying so). A non-plan editor clears it; focus moving to a panel
 * or a preview (no active text editor) keeps it.
 */
import * as vscode from 'vscode';
import { isPlan, type PlanServer, type PlanSummary } from '../planServer.js';

/** How long typing must pause before the summary is asked for again. */
const TYPING_PAUSE_MS = 250;

export class ActivePlan implements vscode.Disposable {
  private current: vscode.TextDocument | undefined;
  private latest: PlanSummary | undefined;
  private asked = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[] = [this.changed];

  /** Fires after the document or its summary changed. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly server: PlanServer) {
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor) this.show(isPlan(editor.document) ? editor.document : undefined);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document === this.current) this.show(undefined);
      }),
      vscode.workspace.onDidChangeTextDocument(({ document, contentChanges }) => {
        if (document === this.current && contentChanges.length > 0) this.refreshSoon();
      }),
      vscode.workspace.onDidOpenTextDocument((document) => {
        // A document whose language was just set to improvement-plan is reopened under it.
        if (isPlan(document) && vscode.window.activeTextEditor?.document === document) this.show(document);
      }),
      vscode.languages.onDidChangeDiagnostics(({ uris }) => {
        const shown = this.current?.uri.toString();
        if (shown && uris.some((uri) => uri.toString() === shown)) void this.refresh();
      }),
      server.onSummaryChanged(() => void this.refresh()),
    );
    const editor = vscode.window.activeTextEditor;
    this.show(isPlan(editor?.document) ? editor.document : undefined);
  }

  /** The plan shown, if any. */
  get document(): vscode.TextDocument | undefined {
    return this.current;
  }

  /** Its latest summary, once the server has answered. */
  get summary(): PlanSummary | undefined {
    return this.latest;
  }

  /** Asks the server for the summary of the shown plan now. */
  async refresh(): Promise<void> {
    clearTimeout(this.timer);
    const document = this.current;
    const asked = ++this.asked;
    if (!document) return;
    let summary: PlanSummary | null;
    try {
      summary = await this.server.summary(document);
    } catch {
      return; // The server is restarting or stopped: the next change asks again.
    }
    // A newer question, or another plan, has taken over meanwhile.
    if (asked !== this.asked || document !== this.current) return;
    this.latest = summary ?? undefined;
    this.changed.fire();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }

  private show(document: vscode.TextDocument | undefined): void {
    if (document === this.current) return;
    this.current = document;
    this.latest = undefined;
    this.asked++;
    this.changed.fire();
    void this.refresh();
  }

  private refreshSoon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), TYPING_PAUSE_MS);
  }
}
