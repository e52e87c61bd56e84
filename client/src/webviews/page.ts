/**
 * The HTML shell of the preview and dashboard webviews, with a strict Content-Security-Policy:
 * nothing loads by default; styles and scripts come only from the extension's own files (the
 * webview's cspSource) and scripts need the page's nonce too; images only from those files or
 * data: URIs. No remote content, no inline styles, no inline event handlers.
 * Plain functions with no vscode import, so that tests check the page without VS Code.
 */

export interface WebviewPageOptions {
  /** `webview.cspSource`: the origin the webview loads the extension's files from. */
  cspSource: string;
  /** A fresh random nonce for this page (createNonce). */
  nonce: string;
  title: string;
  /** Stylesheet URIs (`webview.asWebviewUri`), from media/. */
  styles: readonly string[];
  /** Script URIs (`webview.asWebviewUri`), from dist/webview/. */
  scripts: readonly string[];
  /** The page's static markup, written by the extension (never the plan's text). */
  body: string;
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [`default-src 'none'`, `style-src ${cspSource}`, `script-src 'nonce-${nonce}'`, `img-src ${cspSource} data:`].join('; ');
}

/** 32 random hexadecimal digits from the Web Crypto API. */
export function createNonce(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function webviewPage({ cspSource, nonce, title, styles, scripts, body }: WebviewPageOptions): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(title)}</title>
${styles.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`).join('\n')}
</head>
<body>
${body}
${scripts.map((src) => `<script nonce="${escapeHtml(nonce)}" src="${escapeHtml(src)}"></script>`).join('\n')}
</body>
</html>
`;
}

/** Escapes text for HTML content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
}
