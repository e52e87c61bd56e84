/** The webview page shell: a strict Content-Security-Policy, the nonce on every script, nothing inline. */
import assert from 'node:assert/strict';
import { contentSecurityPolicy, createNonce, webviewPage } from '../../client/src/webviews/page.js';

const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';

describe('webview page', () => {
  const nonce = createNonce();
  const page = webviewPage({
    cspSource: CSP_SOURCE,
    nonce,
    title: 'Preview <needs-work>.plan.md',
    styles: [`${CSP_SOURCE}/ext/media/webview.css`],
    scripts: [`${CSP_SOURCE}/ext/dist/webview/preview.js`],
    body: '<main id="content"></main>',
  });

  it('has a Content-Security-Policy that allows only the extension\'s files and its nonce', () => {
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(page);
    assert.ok(meta, 'no CSP meta tag');
    const directives = Object.fromEntries(meta[1]!.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    assert.deepEqual(directives, {
      'default-src': ["'none'"],
      'style-src': [CSP_SOURCE],
      'script-src': [`'nonce-${nonce}'`],
      'img-src': [CSP_SOURCE, 'data:'],
    });
    assert.equal(meta[1], contentSecurityPolicy(CSP_SOURCE, nonce));
    assert.doesNotMatch(meta[1]!, /unsafe-inline|unsafe-eval|\*|http:/);
  });

  it('puts the CSP first in <head>, before any stylesheet or script', () => {
    const head = page.slice(page.indexOf('<head>'), page.indexOf('</head>'));
    assert.ok(head.indexOf('Content-Security-Policy') < head.indexOf('<link'));
    assert.ok(page.indexOf('Content-Security-Policy') < page.indexOf('<script'));
  });

  it('gives every script the nonce and a source, and has no inline script, style or handler', () => {
    const scripts = [...page.matchAll(/<script([^>]*)>([^]*?)<\/script>/g)];
    assert.equal(scripts.length, 1);
    for (const [, attributes, content] of scripts) {
      assert.match(attributes!, new RegExp(`nonce="${nonce}"`));
      assert.match(attributes!, /src="https:\/\/file\+\.vscode-resource\.vscode-cdn\.net\/ext\/dist\/webview\/preview\.js"/);
      assert.equal(content, '');
    }
    assert.doesNotMatch(page, /<style|style="|\son[a-z]+=/i);
  });

  it('escapes the title', () => {
    assert.match(page, /<title>Preview &#60;needs-work&#62;\.plan\.md<\/title>/);
  });

  it('makes a new random nonce each time', () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    assert.equal(nonces.size, 50);
    for (const value of nonces) assert.match(value, /^[0-9a-f]{32}$/);
  });
});
