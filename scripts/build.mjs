// Bundles the client, the server, the CLI and the extension test suite with esbuild.
// remark and unified are ESM-only; VS Code loads CommonJS: the bundles are CommonJS (.cjs).
// Usage: node scripts/build.mjs [--production]   (production: minified, no source maps)
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { glob } from 'tinyglobby';
import { writeCodeCache } from './codeCache.mjs';

const production = process.argv.includes('--production');
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  // Some ESM dependencies read import.meta.url, which CommonJS lacks: give them this file's URL.
  banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  define: { PACKAGE_VERSION: JSON.stringify(version), 'import.meta.url': '__importMetaUrl' },
  external: ['vscode'],
  // `import()` becomes `require()`: the bundles load each other as CommonJS, which also works when
  // the server is run from its V8 code cache (bin/codeCache.cjs), where `import()` does not.
  supported: { 'dynamic-import': false },
};

// Large modules are bundles of their own. The export writers (exceljs, docx: 1.6 MB) are one,
// dist/export.cjs, that the server and the CLI load on the first export: no start-up cost, and one
// copy in the package.
const largeModulesApart = {
  name: 'large-modules-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/writers\.js$/ }, (args) =>
      /server[\\/]src[\\/]export[\\/]index\.ts$/.test(args.importer) ? { path: './export.cjs', external: true } : undefined,
    );
    // Likewise PDF.js (1.7 MB), for importing reports: dist/pdf.cjs, loaded on the first PDF.
    build.onResolve({ filter: /^\.\/pdfItems\.js$/ }, (args) =>
      /server[\\/]src[\\/]node[\\/]reportFile\.ts$/.test(args.importer) ? { path: './pdf.cjs', external: true } : undefined,
    );
    // And the wording model's weights (0.2 MB), which the server, the CLI and the parse worker
    // all read: dist/wordingModelWeights.cjs, one copy instead of three.
    build.onResolve({ filter: /^\.\/wordingModelWeights\.js$/ }, (args) =>
      /server[\\/]src[\\/]engine[\\/]smart[\\/]wordingModel\.ts$/.test(args.importer) ? { path: './wordingModelWeights.cjs', external: true } : undefined,
    );
  },
};

await Promise.all([
  build({ ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist' }),
  // The preview and dashboard webview scripts run in the browser: one script each, Chart.js bundled in (no remote content).
  build({
    entryPoints: { preview: 'client/webview/preview.ts', dashboard: 'client/webview/dashboard.ts' },
    outdir: 'dist/webview',
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    sourcemap: production ? false : 'linked',
    minify: production,
    logLevel: 'warning',
  }),
  build({
    ...common,
    entryPoints: {
      server: 'server/src/lsp/main.ts',
      cli: 'server/src/cli/index.ts',
      export: 'server/src/export/writers.ts',
      pdf: 'server/src/node/pdfItems.ts',
      parseWorker: 'server/src/node/parseWorker.ts',
      wordingModelWeights: 'server/src/engine/smart/wordingModelWeights.ts',
    },
    outdir: 'dist',
    plugins: [largeModulesApart],
  }),
]);

// The @vscode/test-electron suite, run inside VS Code (not part of the VSIX).
if (!production) {
  const tests = await glob('test/extension/**/*.ts');
  await build({ ...common, entryPoints: tests, outdir: 'dist/test/extension', outbase: 'test/extension', external: ['vscode', 'mocha', '@vscode/test-electron'] });
}

// What V8 compiled while the server read a sample plan, so that the server starts sooner (bin/codeCache.cjs).
await writeCodeCache();
