/** The `improvement-plan` command line: a thin user of the engine. */
import { Command, CommanderError, Option } from 'commander';
import { checkFiles, formatRow, rows } from './check.js';
import { EXPORT_FORMATS } from '../export/formats.js';
import { exportPlanFile, type ExportOptions } from './export.js';
import { planFiles, UsageError } from './files.js';
import { importCommand, type ImportCommandOptions } from './importReport.js';

declare const PACKAGE_VERSION: string;

export const EXIT = { ok: 0, errorsFound: 1, usage: 2 } as const;

export async function main(argv: readonly string[], out = process.stdout, err = process.stderr): Promise<number> {
  const program = new Command('improvement-plan')
    .description("Checks children's services improvement plans (*.plan.md) for owners, links and SMART actions.")
    .version(typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : 'development')
    .exitOverride()
    .configureOutput({ writeOut: (s) => out.write(s), writeErr: (s) => err.write(s) });

  let exitCode: number = EXIT.ok;
  program
    .command('check')
    .description('Check plan files and print one line per problem: file:line:column severity code message.')
    .argument('[paths...]', 'plan files, folders (searched for *.plan.md) or glob patterns; default: the current folder')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (paths: string[], options: { format: 'text' | 'json' }) => {
      const files = await planFiles(paths);
      const result = checkFiles(files);
      const found = rows(result.reports);
      if (options.format === 'json') out.write(JSON.stringify(found, null, 2) + '\n');
      else for (const row of found) out.write(formatRow(row) + '\n');
      for (const problem of result.problems) err.write(problem + '\n');

      const errors = found.filter((row) => row.severity === 'error').length;
      if (options.format === 'text') {
        const checked = result.reports.length;
        err.write(`${found.length} problem${found.length === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}) in ${checked} file${checked === 1 ? '' : 's'} checked.\n`);
      }
      exitCode = result.unreadable > 0 ? EXIT.usage : errors > 0 ? EXIT.errorsFound : EXIT.ok;
    });

  program
    .command('import')
    .description("Make a plan skeleton from an Ofsted report: its inspection details and its recommendations, word for word.")
    .argument('<report>', "the report's .pdf file, or a .txt file of its text")
    .option('-o, --out <file>', 'write the plan to this file (*.plan.md) instead of printing it')
    .option('--force', 'replace the --out file if it exists')
    .option('--published <date>', 'the publication date, when the report does not print it (ILACS reports do not)')
    .action(async (report: string, options: ImportCommandOptions) => {
      exitCode = (await importCommand(report, options, out, err)) ? EXIT.ok : EXIT.usage;
    });

  program
    .command('export')
    .description('Export a plan for a board or committee: an Excel workbook, a Word report, a web page or a CSV table.')
    .argument('<plan>', 'the plan file (*.plan.md)')
    .addOption(new Option('-t, --to <format>', 'what to write').choices([...EXPORT_FORMATS]).makeOptionMandatory())
    .option('-o, --out <file>', 'where to write it; default: next to the plan, with the format as extension')
    .option('--force', 'overwrite the file if it exists')
    .action(async (plan: string, options: ExportOptions) => {
      out.write((await exportPlanFile(plan, options)) + '\n');
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with code 0; bad options with a message already printed.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UsageError) {
      err.write(`improvement-plan: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
  if (argv.length === 0) {
    program.outputHelp({ error: true });
    return EXIT.usage;
  }
  return exitCode;
}
