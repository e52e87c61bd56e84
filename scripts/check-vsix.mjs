// Checks a built VSIX: bundled (no node_modules), no development files, under 3 MB.
// Usage: node scripts/check-vsix.mjs improvement-plan.vsix
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';

const vsix = process.argv[2] ?? 'improvement-plan.vsix';
const size = statSync(vsix).size;
const files = execFileSync('unzip', ['-Z1', vsix], { encoding: 'utf8' }).trim().split('\n');
const forbidden = files.filter((f) => /node_modules\/|\.map$|\.ts$|^extension\/(test|server\/src|client\/src|scripts|examples)\//.test(f));
const required = ['extension/package.json', 'extension/dist/extension.cjs', 'extension/dist/server.cjs', 'extension/dist/parseWorker.cjs', 'extension/dist/wordingModelWeights.cjs', 'extension/syntaxes/improvement-plan.tmLanguage.json', 'extension/snippets/improvement-plan.json', 'extension/docs/rules/no-owner.md', 'extension/dist/webview/preview.js', 'extension/dist/webview/dashboard.js', 'extension/media/webview.css'];
const missing = required.filter((f) => !files.includes(f));
console.log(`${vsix}: ${(size / 1024).toFixed(0)} KB, ${files.length} files`);
const problems = [
  ...(size > 3 * 1024 * 1024 ? [`larger than 3 MB`] : []),
  ...forbidden.map((f) => `should not contain ${f}`),
  ...missing.map((f) => `is missing ${f}`),
];
for (const problem of problems) console.error(`${vsix} ${problem}`);
process.exit(problems.length > 0 ? 1 : 0);
