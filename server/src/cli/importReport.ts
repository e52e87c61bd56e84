/**
 * `improvement-plan import <report>`: an Ofsted report (.pdf or .txt) → a plan skeleton with the
 * report's front matter and recommendations, printed or written to a file that does not exist yet.
 */
import { writeFile } from 'node:fs/promises';
import { importReportFile } from '../node/reportFile.js';

export interface ImportCommandOptions {
  out?: string;
  force?: boolean;
  published?: string;
}

/** Runs the command; returns true when the plan was printed or written. */
export async function importCommand(report: string, options: ImportCommandOptions, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<boolean> {
  const imported = await importReportFile(report, { published: options.published });
  if ('problem' in imported) {
    err.write(`improvement-plan: ${imported.problem}\n`);
    return false;
  }
  if (options.out === undefined) {
    out.write(imported.text);
  } else {
    try {
      // "wx" fails when the file exists, so a plan is never overwritten by accident.
      await writeFile(options.out, imported.text, { encoding: 'utf8', flag: options.force ? 'w' : 'wx' });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason = code === 'EEXIST' ? 'it already exists: choose another name, or add --force to replace it' : `it cannot be written (${code ?? String(error)})`;
      err.write(`improvement-plan: ${options.out} was not written: ${reason}.\n`);
      return false;
    }
  }
  err.write(`${imported.summary}${options.out !== undefined ? ` Wrote ${options.out}.` : ''}\n`);
  for (const note of imported.notes) err.write(`  ${note}\n`);
  if (options.out !== undefined && !options.out.endsWith('.plan.md')) err.write(`  Name the plan *.plan.md so that the editor and "improvement-plan check" find it.\n`);
  return true;
}
