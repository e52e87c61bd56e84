/** The webview side of the messages: VS Code's API object, which a page may acquire only once. */
import type { WebviewReply } from './messages.js';

interface VsCodeApi {
  postMessage(message: WebviewReply): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export const vscode: VsCodeApi = acquireVsCodeApi();

/** Listens for the extension's messages, then tells it the page is ready for them. */
export function listen<M>(handle: (message: M) => void): void {
  window.addEventListener('message', (event: MessageEvent<M>) => handle(event.data));
  vscode.postMessage({ type: 'ready' });
}

/** The 0-based plan line of the nearest element at or around `target` that has one. */
export function lineAt(target: EventTarget | null): number | undefined {
  const element = target instanceof Element ? target.closest<HTMLElement>('[data-line]') : null;
  const line = element ? Number(element.dataset.line) : NaN;
  return Number.isInteger(line) && line >= 0 ? line : undefined;
}

/** Shows an error in place of the content (text only). */
export function showError(container: HTMLElement, message: string): void {
  const paragraph = document.createElement('p');
  paragraph.className = 'plan-error';
  paragraph.textContent = message;
  container.replaceChildren(paragraph);
}
