import http from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { lintText } from './server/src/engine/index.js';
import { renderPreview } from './server/src/preview/render.js';
import { dashboardContent } from './server/src/preview/dashboard.js';
import { webviewPage, createNonce } from './client/src/webviews/page.js';

const require = createRequire(path.resolve('.cache/code-server/package.json'));
const { chromium } = require('playwright-core');
const text = readFileSync('examples/needs-work.plan.md', 'utf8');
const result = lintText(text);
const root = process.cwd();
const server = http.createServer((req, res) => {
  const url = new URL(req.url!, 'http://x');
  if (url.pathname.startsWith('/page/')) {
    const kind = url.pathname.slice(6);
    const nonce = createNonce();
    const origin = `http://127.0.0.1:${(server.address() as any).port}`;
    const message = kind === 'preview' ? { type: 'render', html: renderPreview(result).html, version: 1, line: undefined } : { type: 'data', data: { uri: 'x', version: 1, ...dashboardContent(result) } };
    let html = webviewPage({ cspSource: origin, nonce, title: kind, styles: [`${origin}/theme.css`, `${origin}/media/webview.css`, `${origin}/media/${kind}.css`], scripts: [`${origin}/dist/webview/${kind}.js`], body: kind === 'preview' ? '<main id="content" class="plan-preview"></main>' : '<main id="dashboard" class="plan-dashboard"></main>' });
    const shim = `<script nonce="${nonce}">window.acquireVsCodeApi = () => ({ postMessage(m) { console.log('POST ' + JSON.stringify(m)); if (m.type === 'ready') setTimeout(() => window.postMessage(${JSON.stringify(message).replace(/</g, '\\u003c')}, '*'), 10); } });</script>`;
    html = html.replace('<body>', `<body class="vscode-light">${shim}`);
    res.writeHead(200, { 'content-type': 'text/html' }).end(html);
    return;
  }
  if (url.pathname === '/theme.css') {
    res.writeHead(200, { 'content-type': 'text/css' }).end(`body { --vscode-foreground:#3b3b3b; --vscode-editor-background:#ffffff; --vscode-descriptionForeground:#717171; --vscode-charts-red:#e51400; --vscode-charts-yellow:#bf8803; --vscode-charts-green:#388a34; --vscode-charts-blue:#1a85ff; --vscode-disabledForeground:#61616180; --vscode-errorForeground:#e51400; --vscode-charts-lines:#61616180; --vscode-editorWarning-foreground:#bf8803; --vscode-editorError-foreground:#e51400; --vscode-panel-border:#e5e5e5; --vscode-textBlockQuote-background:#f8f8f8; --vscode-textBlockQuote-border:#e5e5e5; --vscode-font-family: sans-serif; --vscode-font-size: 13px; --vscode-textLink-foreground:#005fb8 }`);
    return;
  }
  try {
    const body = readFileSync(path.join(root, url.pathname));
    res.writeHead(200, { 'content-type': url.pathname.endsWith('.css') ? 'text/css' : 'text/javascript' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as any).port;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const kind of ['preview', 'dashboard']) {
  const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
  page.on('console', (m: any) => console.log(kind, 'console', m.type(), m.text().slice(0, 200)));
  page.on('pageerror', (e: any) => console.log(kind, 'pageerror', e.message));
  await page.goto(`http://127.0.0.1:${port}/page/${kind}`);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/h5harness/${kind}.png`, fullPage: kind === 'dashboard' });
  await page.close();
}
await browser.close();
server.close();
