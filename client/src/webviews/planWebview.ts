/**
 * What the preview and the dashboard share: one webview panel per plan, beside its editor, with a
 * strict Content-Security-Policy (page.ts) and access to the extension's media/ and dist/webview/
 * folders only. The panel asks the server for its content when the script is ready, after typing
 * pauses, and when the server says every result may have changed; clicks in it reveal plan lines.
 */
import * as vscode from 'vscode';
import type { WebviewReply } from '../../webview/messages.js';
import type { PlanServer } from '../planServer.js';
import { createNonce, webviewPage } from './page.js';

/** How long typing must pause before the webview is refreshed. */
const TYPING_PAUSE_MS = 300;

export interface PlanWebviewKind<M> {
  /** The panel's view type, e.g. `improvementPlan.preview`. */
  viewType: string;
  /** The panel's title for a plan file name. */
  title(fileName: string): string;
  /** Files under media/ and dist/webview/. */
  styles: string[];
  script: string;
  /** The page's static markup. */
  body: string;
  /** Asks the server for the content of `document`: the message to post, or an error message to show. */
  content(server: PlanServer, document: vscode.TextDocument, panel: PlanWebview<M>): Promise<M | { error: string }>;
}

/** One panel showing one plan. */
export class PlanWebview<M> implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  private ready = false;
  private disposed = false;
  private asked = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly closed = new vscode.EventEmitter<void>();
  /** Fires once, when the panel is closed. */
  readonly onDidClose = this.closed.event;

  constructor(
    readonly document: vscode.TextDocument,
    private readonly kind: PlanWebviewKind<M>,
    private readonly server: PlanServer,
    extensionUri: vscode.Uri,
  ) {
    const media = vscode.Uri.joinPath(extensionUri, 'media');
    const scripts = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
    this.panel = vscode.window.createWebviewPanel(
      kind.viewType,
      kind.title(document.uri.path.split('/').pop() ?? document.uri.path),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [media, scripts], enableFindWidget: true },
    );
    const { webview } = this.panel;
    webview.html = webviewPage({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      title: this.panel.title,
      styles: kind.styles.map((file) => webview.asWebviewUri(vscode.Uri.joinPath(media, file)).toString()),
      scripts: [webview.asWebviewUri(vscode.Uri.joinPath(scripts, kind.script)).toString()],
      body: kind.body,
    });
    this.subscriptions.push(
      webview.onDidReceiveMessage((message: WebviewReply) => this.received(message)),
      vscode.workspace.onDidChangeTextDocument(({ document: changed, contentChanges }) => {
        if (changed === this.document && contentChanges.length > 0) this.refreshSoon();
      }),
      server.onSummaryChanged(() => void this.refresh()),
      this.panel.onDidDispose(() => this.dispose()),
    );
  }

  /** Shows the panel again (it may be behind other tabs). */
  reveal(): void {
    this.panel.reveal(undefined, true);
  }

  /** Posts a message to the script once it is listening (earlier ones would be lost). */
  post(message: unknown): void {
    if (this.ready) void this.panel.webview.postMessage(message);
  }

  /** The first visible line of the plan in an editor showing it, if any. */
  topVisibleLine(): number | undefined {
    const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document === this.document);
    return editor?.visibleRanges[0]?.start.line;
  }

  async refresh(): Promise<void> {
    clearTimeout(this.timer);
    if (!this.ready) return;
    const asked = ++this.asked;
    let content: M | { error: string };
    try {
      content = await this.kind.content(this.server, this.document, this);
    } catch (error) {
      content = { error: `The Improvement Plan server did not answer (${error instanceof Error ? error.message : String(error)}); it will be asked again after the next edit.` };
    }
    // A newer request has been sent meanwhile: its answer is the one to show.
    if (asked !== this.asked) return;
    this.post(isError(content) ? { type: 'error', message: content.error } : content);
  }

  private refreshSoon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), TYPING_PAUSE_MS);
  }

  private received(message: WebviewReply): void {
    switch (message?.type) {
      case 'ready':
        this.ready = true;
        void this.refresh();
        break;
      case 'reveal':
        if (Number.isInteger(message.line) && message.line >= 0) void revealLine(this.document, message.line);
        break;
      case 'openLink':
        if (typeof message.href === 'string' && /^(https?|mailto):/i.test(message.href)) void vscode.env.openExternal(vscode.Uri.parse(message.href, true));
        break;
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.timer);
    this.subscriptions.splice(0).forEach((subscription) => subscription.dispose());
    this.panel.dispose();
    this.closed.fire();
    this.closed.dispose();
  }
}

const isError = (content: unknown): content is { error: string } => typeof content === 'object' && content !== null && 'error' in content;

/** Shows `line` of the plan in the editor already showing it, else in the first column. */
async function revealLine(document: vscode.TextDocument, line: number): Promise<void> {
  const visible = vscode.window.visibleTextEditors.find((editor) => editor.document === document);
  const editor = await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
  const position = new vscode.Position(Math.min(line, document.lineCount - 1), 0);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** The open panels of one kind, one per plan: opening a plan's panel again shows the one it has. */
export class PlanWebviews<M> implements vscode.Disposable {
  private readonly panels = new Map<string, PlanWebview<M>>();

  constructor(
    private readonly kind: PlanWebviewKind<M>,
    private readonly server: PlanServer,
    private readonly extensionUri: vscode.Uri,
  ) {}

  /** Opens (or shows) the panel of the plan at `uri`, else of the active editor's plan. */
  async open(uri?: unknown): Promise<PlanWebview<M> | undefined> {
    const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
    if (!target) {
      void vscode.window.showInformationMessage('Open an improvement plan (*.plan.md) first.');
      return undefined;
    }
    const key = target.toString();
    const existing = this.panels.get(key);
    if (existing) {
      existing.reveal();
      return existing;
    }
    const document = await vscode.workspace.openTextDocument(target);
    const panel = new PlanWebview(document, this.kind, this.server, this.extensionUri);
    this.panels.set(key, panel);
    panel.onDidClose(() => this.panels.delete(key));
    return panel;
  }

  /** The open panels (for editor events that concern them). */
  all(): PlanWebview<M>[] {
    return [...this.panels.values()];
  }

  dispose(): void {
    this.all().forEach((panel) => panel.dispose());
  }
}
