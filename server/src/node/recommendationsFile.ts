/** Reading the file named by a plan's `recommendations:` front-matter key, for the CLI and the server. */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parsePlan, type RecommendationsFile } from '../engine/index.js';

const MAX_BYTES = 32 * 1024 * 1024;

/**
 * Returns the engine's reader for the plan at `planPath`. `openText` lets the server use an
 * editor's unsaved text in place of the file on disk.
 */
export function recommendationsFileReader(
  planPath: string,
  openText: (absolutePath: string) => string | undefined = () => undefined,
): (relativePath: string) => RecommendationsFile {
  return (relativePath) => {
    const absolute = path.resolve(path.dirname(planPath), relativePath);
    const name = path.basename(absolute);
    if (absolute === path.resolve(planPath)) return { error: 'A plan cannot name itself as its recommendations file.' };
    let text = openText(absolute);
    if (text === undefined) {
      try {
        // A plan can name any path: not a device or a pipe that never ends (/dev/zero), nor a huge file.
        const stat = statSync(absolute);
        if (!stat.isFile()) return { error: `The recommendations file ${relativePath} is not a file.` };
        if (stat.size > MAX_BYTES) return { error: `The recommendations file ${relativePath} is larger than ${MAX_BYTES / 1024 / 1024} MB.` };
        text = readFileSync(absolute, 'utf8');
      } catch {
        return { error: `The recommendations file ${relativePath} cannot be read: check the path (it is relative to this plan).` };
      }
    }
    return { name, recommendations: parsePlan(text).recommendations };
  };
}
