/**
 * The file side of exports, shared by the CLI and the server: reading a plan from disk as `check`
 * does (its `.planrc` and its recommendations file), where an export goes by default, and writing
 * it without overwriting a file unless asked to.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { lintText, resolveSeverity, RULES, type LintResult, type RuleCode, type RuleSettings } from '../engine/index.js';
import type { ExportFormat } from '../export/formats.js';
import { planrcFor } from './planrc.js';
import { recommendationsFileReader } from './recommendationsFile.js';

const MAX_PLAN_BYTES = 32 * 1024 * 1024;

export interface ExportProblem {
  problem: string;
}

export interface PlanForExport {
  result: LintResult;
  /** Whether a rule is off for this plan (editor settings, `.planrc`, front matter), for the SMART scores. */
  isRuleOff: (code: RuleCode) => boolean;
}

/** Reads and checks the plan at `planPath` as `check` does, with the editor's rule settings when there are some. */
export function lintPlanFile(planPath: string, editorSettings: RuleSettings = {}): PlanForExport | ExportProblem {
  const name = path.basename(planPath);
  let text: string;
  try {
    const stat = statSync(planPath);
    if (stat.isDirectory()) return { problem: `${planPath} is a folder: export one plan file (*.plan.md) at a time.` };
    if (!stat.isFile()) return { problem: `${planPath} is not a file.` };
    if (stat.size > MAX_PLAN_BYTES) return { problem: `${name} is larger than ${MAX_PLAN_BYTES / 1024 / 1024} MB.` };
    text = readFileSync(planPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { problem: `${planPath} does not exist.` };
    return { problem: `${planPath} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).` };
  }
  const fileSettings = planrcFor(planPath).settings;
  const result = lintText(text, { editorSettings, fileSettings, readRecommendationsFile: recommendationsFileReader(planPath) });
  const frontMatterRules = result.plan.frontMatter?.rules ?? {};
  const isRuleOff = (code: RuleCode): boolean => {
    const rule = RULES.find((candidate) => candidate.code === code);
    return rule !== undefined && resolveSeverity(rule.defaultSeverity, editorSettings[code], fileSettings[code], frontMatterRules[code]?.value) === undefined;
  };
  return { result, isRuleOff };
}

/** Next to the plan, named after it: `examples/needs-work.plan.md` → `examples/needs-work.xlsx`. */
export function defaultExportPath(planPath: string, format: ExportFormat): string {
  const base = path.basename(planPath).replace(/\.plan\.md$/i, '').replace(/\.(md|markdown|txt)$/i, '');
  return path.join(path.dirname(planPath), `${base || 'plan'}.${format}`);
}

/** Writes the export; an existing file is replaced only with `overwrite`. */
export function writeExportFile(target: string, bytes: Uint8Array, overwrite: boolean): { path: string } | ExportProblem {
  try {
    // 'wx' fails if the file exists, in the same step as creating it.
    writeFileSync(target, bytes, { flag: overwrite ? 'w' : 'wx' });
    return { path: target };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return { problem: `${target} already exists: choose another file, or allow overwriting it.` };
    if (code === 'ENOENT') return { problem: `${target} cannot be written: its folder does not exist.` };
    if (code === 'EISDIR') return { problem: `${target} is a folder: name a file to write.` };
    return { problem: `${target} cannot be written (${code ?? (error as Error).message}).` };
  }
}
