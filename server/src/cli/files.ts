/** Turning the CLI's arguments (files, folders, globs) into the list of plan files. */
import { statSync } from 'node:fs';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

const IGNORED = ['**/node_modules/**', '**/.git/**'];

export class UsageError extends Error {}

export async function planFiles(args: readonly string[], cwd = process.cwd()): Promise<string[]> {
  const found = new Set<string>();
  for (const arg of args.length > 0 ? args : ['.']) {
    if (isDynamicPattern(arg)) {
      const matches = await glob(arg, { cwd, ignore: IGNORED, absolute: true, onlyFiles: true });
      if (matches.length === 0) throw new UsageError(`No files match ${arg}.`);
      matches.forEach((file) => found.add(path.normalize(file)));
      continue;
    }
    const absolute = path.resolve(cwd, arg);
    let stats;
    try {
      stats = statSync(absolute);
    } catch {
      throw new UsageError(`${arg} does not exist.`);
    }
    if (stats.isDirectory()) {
      const matches = await glob('**/*.plan.md', { cwd: absolute, ignore: IGNORED, absolute: true, onlyFiles: true });
      if (matches.length === 0) throw new UsageError(`No *.plan.md files in ${arg}.`);
      matches.forEach((file) => found.add(path.normalize(file)));
    } else {
      found.add(absolute);
    }
  }
  return [...found].sort();
}
