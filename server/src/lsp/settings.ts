/**
 * Editor settings under `improvementPlan`, read per document when the client supports
 * `workspace/configuration` (VS Code), else taken from `didChangeConfiguration` or the
 * initialization options (Neovim and other clients that push settings).
 */
import type { Connection } from 'vscode-languageserver';
import { ruleSettingsFrom, type RuleSettings } from '../engine/index.js';
import { readAllowList } from '../engine/smart/allow.js';
import { readWordingModelSwitch } from '../engine/smart/wordingModel.js';
import { showWarning } from './planAnalyses.js';

export interface ServerSettings {
  rules: RuleSettings;
  maxActionsPerOwnerPerMonth: number | undefined;
  minimumDaysFromStartToDue: number | undefined;
  /** `inlayHints.dueDates`: show "in 23 days" after Due values (default true). */
  dueDateHints: boolean;
  /** `smart.allow`: words and phrases the SMART rules accept (server/src/engine/smart/allow.ts). */
  smartAllow: string[];
  /** `smart.wordingModel`: smart-specific reads statements a second time with the wording model (default true). */
  smartWordingModel: boolean;
}

export const SETTINGS_SECTION = 'improvementPlan';

const positiveInteger = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;

/** Reads untrusted settings data; anything unknown or malformed is left out, with a reason in `problems`. */
export function readSettings(value: unknown): { settings: ServerSettings; problems: string[] } {
  const section = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const achievable = section.achievable !== null && typeof section.achievable === 'object' ? (section.achievable as Record<string, unknown>) : {};
  const { settings: rules, problems } = ruleSettingsFrom(section.rules);
  const inlayHints = section.inlayHints !== null && typeof section.inlayHints === 'object' ? (section.inlayHints as Record<string, unknown>) : {};
  const smart = section.smart !== null && typeof section.smart === 'object' ? (section.smart as Record<string, unknown>) : {};
  const allow = readAllowList(smart.allow, `Setting ${SETTINGS_SECTION}.smart.allow`);
  const wordingModel = readWordingModelSwitch(smart.wordingModel, `Setting ${SETTINGS_SECTION}.smart.wordingModel`);
  return {
    settings: {
      rules,
      maxActionsPerOwnerPerMonth: positiveInteger(achievable.maxActionsPerOwnerPerMonth),
      minimumDaysFromStartToDue: positiveInteger(achievable.minimumDaysFromStartToDue),
      dueDateHints: inlayHints.dueDates !== false,
      smartAllow: allow.allow,
      smartWordingModel: wordingModel.on ?? true,
    },
    problems: [...problems.map((problem) => `Setting ${SETTINGS_SECTION}.rules: ${problem}`), ...allow.problems, ...wordingModel.problems],
  };
}

export class SettingsStore {
  private readonly perDocument = new Map<string, Promise<ServerSettings>>();
  private pushed: ServerSettings;
  private readonly reported = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly pullSupported: boolean,
    initializationOptions: unknown,
  ) {
    this.pushed = this.read((initializationOptions as Record<string, unknown> | undefined)?.[SETTINGS_SECTION] ?? initializationOptions);
  }

  /** Settings changed: forget what was read, and take pushed settings when the client sent them. */
  changed(pushedSettings: unknown): void {
    this.perDocument.clear();
    const section = (pushedSettings as Record<string, unknown> | null | undefined)?.[SETTINGS_SECTION];
    if (section !== undefined) this.pushed = this.read(section);
  }

  forget(uri: string): void {
    this.perDocument.delete(uri);
  }

  get(uri: string): Promise<ServerSettings> {
    if (!this.pullSupported) return Promise.resolve(this.pushed);
    let settings = this.perDocument.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })
        .then((value) => this.read(value), () => this.pushed);
      this.perDocument.set(uri, settings);
    }
    return settings;
  }

  private read(value: unknown): ServerSettings {
    const { settings, problems } = readSettings(value);
    for (const problem of problems) {
      if (this.reported.has(problem)) continue;
      this.reported.add(problem);
      showWarning(this.connection, problem);
    }
    return settings;
  }
}
