/** Entry point of the bundled CLI (dist/cli.cjs). */
import { main } from './main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`improvement-plan: unexpected failure: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 2;
  },
);
