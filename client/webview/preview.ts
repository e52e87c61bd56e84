/**
 * The preview webview's script: shows the HTML the server rendered (sanitized there; the page's
 * Content-Security-Policy also forbids inline scripts and handlers), scrolls to the block nearest
 * the editor's top line, and asks the extension to reveal a line when a heading or a diagnostic is
 * clicked, or anything is double-clicked.
 */
import type { PreviewMessage } from './messages.js';
import { lineAt, listen, showError, vscode } from './vscodeApi.js';

const content = document.getElementById('content')!;
let lastLine: number | undefined;

listen<PreviewMessage>((message) => {
  switch (message.type) {
    case 'render': {
      const top = window.scrollY;
      content.innerHTML = message.html;
      // Typing keeps the reader where they were; a first rendering starts where the editor is.
      if (message.line !== undefined && lastLine === undefined) scrollToLine(message.line);
      else window.scrollTo(0, top);
      lastLine = message.line ?? lastLine;
      break;
    }
    case 'scroll':
      lastLine = message.line;
      scrollToLine(message.line);
      break;
    case 'error':
      showError(content, message.message);
      break;
  }
});

/** Scrolls so that plan line `line` is at the top, between the blocks before and after it. */
function scrollToLine(line: number): void {
  const blocks = [...content.querySelectorAll<HTMLElement>('[data-line]')]
    .map((element) => ({ element, line: Number(element.dataset.line) }))
    .filter((block) => Number.isFinite(block.line));
  if (blocks.length === 0) return;
  let before = blocks[0]!;
  let after: typeof before | undefined;
  for (const block of blocks) {
    if (block.line <= line) {
      if (block.line >= before.line) before = block;
    } else if (!after || block.line < after.line) after = block;
  }
  const topOf = (element: HTMLElement): number => element.getBoundingClientRect().top + window.scrollY;
  let top = topOf(before.element);
  if (after && after.line > before.line && line > before.line) top += ((topOf(after.element) - top) * (line - before.line)) / (after.line - before.line);
  window.scrollTo(0, Math.max(0, top - 8));
}

content.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('a') : null;
  if (link) {
    event.preventDefault();
    const href = link.getAttribute('href');
    if (href) vscode.postMessage({ type: 'openLink', href });
    return;
  }
  const target = event.target instanceof Element ? event.target.closest('h1, h2, h3, h4, h5, h6, .plan-diagnostic') : null;
  const line = target ? lineAt(target) : undefined;
  if (line !== undefined) vscode.postMessage({ type: 'reveal', line });
});

content.addEventListener('dblclick', (event) => {
  const line = lineAt(event.target);
  if (line !== undefined) vscode.postMessage({ type: 'reveal', line });
});
