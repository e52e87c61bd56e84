/**
 * The @vscode/test-electron entry point (`extensionTestsPath`): VS Code loads this bundle in the
 * extension host and calls run(). It runs every `*.test.cjs` bundle beside it with mocha's TDD UI
 * (`suite` / `test`), in name order, and rejects when any test fails; VS Code then exits non-zero.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  // The bundle is CommonJS: the build defines import.meta.url as this bundle's own file URL.
  const here = path.dirname(fileURLToPath(import.meta.url));
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 120_000, slow: 10_000 });
  const grep = process.env.IMPROVEMENT_PLAN_TEST_GREP;
  if (grep) mocha.grep(grep);
  const files = fs
    .readdirSync(here)
    .filter((name) => name.endsWith('.test.cjs'))
    .sort();
  if (files.length === 0) throw new Error(`no *.test.cjs files in ${here}: run node scripts/build.mjs`);
  for (const name of files) mocha.addFile(path.join(here, name));

  const failures = await new Promise<number>((resolve, reject) => {
    try {
      mocha.run(resolve);
    } catch (error) {
      reject(error);
    }
  });
  if (failures > 0) throw new Error(`${failures} extension test(s) failed.`);
}
