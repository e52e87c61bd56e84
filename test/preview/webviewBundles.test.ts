/**
 * The webview scripts as built (dist/webview, `npm run build`): no network API, nothing the page's
 * Content-Security-Policy would refuse (eval, inline styles added as markup), and Chart.js inside.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';

const bundle = (name: string): string => {
  const file = new URL(`../../dist/webview/${name}`, import.meta.url);
  assert.ok(existsSync(file), `dist/webview/${name} is missing: run npm run build`);
  return readFileSync(file, 'utf8');
};

describe('webview bundles', () => {
  for (const name of ['preview.js', 'dashboard.js']) {
    it(`${name} makes no network request and needs no eval or inline style markup`, () => {
      const code = bundle(name);
      assert.doesNotMatch(code, /\bfetch\(|XMLHttpRequest|new WebSocket\b|\bEventSource\b|sendBeacon|importScripts|\beval\(|new Function\(/);
      assert.doesNotMatch(code, /setAttribute\(\s*["']style["']|createElement\(\s*["']style["']|insertRule\(/);
      // Everything it runs is in the bundle: no import or require left to resolve at run time.
      assert.doesNotMatch(code, /\brequire\(\s*["']|\bimport\(\s*["']/);
    });
  }

  it('dashboard.js bundles Chart.js', () => {
    assert.match(bundle('dashboard.js'), /Chart\.js v4\.6\.1/);
  });
});
