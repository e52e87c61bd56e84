/**
 * Finding and reading `.planrc` files: per-folder rule severities, shared by the CLI and the server.
 * A `.planrc` is data (JSON or YAML), never code.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ruleSettingsFrom, type RuleSettings } from '../engine/index.js';
import { readAllowList } from '../engine/smart/allow.js';
import { readWordingModelSwitch } from '../engine/smart/wordingModel.js';

export const PLANRC_NAMES = ['.planrc.json', '.planrc.yaml', '.planrc.yml', '.planrc'] as const;

export interface PlanrcResult {
  /** The file that applies, if any. */
  file: string | undefined;
  settings: RuleSettings;
  /** Problems in that file, each a sentence naming it. */
  problems: string[];
  /** `smart: { allow: [...] }`: words and phrases the SMART rules accept. */
  smartAllow?: string[];
  /** `smart: { wordingModel: false }`: smart-specific without the wording model. */
  smartWordingModel?: boolean;
}

/** The nearest `.planrc*` in the plan's folder or above it (up to `stopAt` when given). */
export function findPlanrc(planPath: string, stopAt?: string): string | undefined {
  let folder = path.dirname(path.resolve(planPath));
  const stop = stopAt ? path.resolve(stopAt) : undefined;
  for (;;) {
    for (const name of PLANRC_NAMES) {
      const candidate = path.join(folder, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = path.dirname(folder);
    if (parent === folder || folder === stop) return undefined;
    folder = parent;
  }
}

export function readPlanrc(file: string): PlanrcResult {
  const name = path.basename(file);
  let data: unknown;
  try {
    data = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    return { file, settings: {}, problems: [`${name} could not be read: ${(error as Error).message.split('\n')[0]}`] };
  }
  if (data === null || data === undefined) return { file, settings: {}, problems: [] };
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { file, settings: {}, problems: [`${name} should hold an object such as { "rules": { "smart-achievable": "off" } }.`] };
  }
  const { settings, problems } = ruleSettingsFrom((data as Record<string, unknown>).rules);
  const smart = (data as Record<string, unknown>).smart;
  const allow =
    smart === undefined || smart === null
      ? { allow: [], problems: [] }
      : typeof smart === 'object' && !Array.isArray(smart)
        ? readAllowList((smart as Record<string, unknown>).allow, 'smart.allow')
        : { allow: [], problems: ['smart should hold an object such as { "allow": ["support"] }.'] };
  const wordingModel = readWordingModelSwitch(smart !== null && typeof smart === 'object' ? (smart as Record<string, unknown>).wordingModel : undefined, 'smart.wordingModel');
  return {
    file,
    settings,
    problems: [...problems, ...allow.problems, ...wordingModel.problems].map((problem) => `${name}: ${problem}`),
    smartAllow: allow.allow,
    ...(wordingModel.on !== undefined ? { smartWordingModel: wordingModel.on } : {}),
  };
}

export function planrcFor(planPath: string, stopAt?: string): PlanrcResult {
  const file = findPlanrc(planPath, stopAt);
  return file ? readPlanrc(file) : { file: undefined, settings: {}, problems: [] };
}
