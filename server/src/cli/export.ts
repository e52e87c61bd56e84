/** `improvement-plan export <plan> --to xlsx|docx|html|csv`: writes a plan for a board or committee. */
import path from 'node:path';
import { exportPlan, type ExportFormat } from '../export/index.js';
import { defaultExportPath, lintPlanFile, writeExportFile } from '../node/exportFile.js';
import { UsageError } from './files.js';

export interface ExportOptions {
  to: ExportFormat;
  out?: string;
  force?: boolean;
}

/** Writes the export and returns a sentence saying where; a problem is thrown as a UsageError. */
export async function exportPlanFile(plan: string, options: ExportOptions, cwd = process.cwd()): Promise<string> {
  const planPath = path.resolve(cwd, plan);
  const read = lintPlanFile(planPath);
  if ('problem' in read) throw new UsageError(read.problem.replace(planPath, plan));
  const target = options.out ? path.resolve(cwd, options.out) : defaultExportPath(planPath, options.to);
  if (target === planPath) throw new UsageError(`${plan} is the plan itself: choose another file with --out.`);
  const shown = path.relative(cwd, target) || target;
  const exported = await exportPlan(read.result, options.to, { isRuleOff: read.isRuleOff });
  const written = writeExportFile(target, exported.bytes, options.force === true);
  if ('problem' in written) {
    const hint = written.problem.includes('already exists') ? `${shown} already exists: add --force to overwrite it, or choose another file with --out.` : written.problem.replace(target, shown);
    throw new UsageError(hint);
  }
  const problems = read.result.diagnostics.length;
  const noted = problems > 0 ? ` The plan has ${problems} problem${problems === 1 ? '' : 's'}: improvement-plan check ${plan} lists them.` : '';
  return `Exported ${exported.actions} action${exported.actions === 1 ? '' : 's'} to ${shown}.${noted}`;
}
