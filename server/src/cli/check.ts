/** `improvement-plan check`: lints plan files and prints their diagnostics. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lintText, locate, type PlanDiagnostic } from '../engine/index.js';
import { planrcFor } from '../node/planrc.js';
import { recommendationsFileReader } from '../node/recommendationsFile.js';

export interface FileReport {
  file: string;
  text: string;
  diagnostics: PlanDiagnostic[];
}

export interface CheckOutput {
  reports: FileReport[];
  /** Files that could not be read, and configuration problems, as sentences for stderr. */
  problems: string[];
  unreadable: number;
}

export function checkFiles(files: readonly string[]): CheckOutput {
  const output: CheckOutput = { reports: [], problems: [], unreadable: 0 };
  const reportedPlanrc = new Set<string>();
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      output.problems.push(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
      output.unreadable++;
      continue;
    }
    const planrc = planrcFor(file);
    if (planrc.file && !reportedPlanrc.has(planrc.file)) {
      reportedPlanrc.add(planrc.file);
      output.problems.push(...planrc.problems.map((problem) => `${planrc.file}: ${problem}`));
    }
    const { diagnostics } = lintText(text, { fileSettings: planrc.settings, smartAllow: planrc.smartAllow, smartWordingModel: planrc.smartWordingModel, readRecommendationsFile: recommendationsFileReader(file) });
    output.reports.push({ file, text, diagnostics });
  }
  return output;
}

export interface Row {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
}

export function rows(reports: readonly FileReport[], cwd = process.cwd()): Row[] {
  return reports.flatMap(({ file, text, diagnostics }) => {
    const location = locate(text);
    const name = path.relative(cwd, file) || file;
    return diagnostics.map((d) => {
      const start = location.pointOf(d.range.start);
      const end = location.pointOf(d.range.end);
      return { file: name, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, severity: d.severity, code: d.code, message: d.message };
    });
  });
}

export const formatRow = (row: Row): string => `${row.file}:${row.line}:${row.column} ${row.severity} ${row.code} ${row.message}`;
