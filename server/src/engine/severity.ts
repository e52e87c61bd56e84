/** Rule codes, severities, and how configured severities combine. */

export const RULE_CODES = [
  'no-owner',
  'unknown-owner',
  'unlinked-action',
  'unknown-recommendation',
  'uncovered-recommendation',
  'duplicate-id',
  'smart-specific',
  'smart-measurable',
  'smart-achievable',
  'smart-relevant',
  'smart-time-bound',
  'overdue',
  'invalid-status',
  'complete-without-evidence',
  'front-matter',
  // Not in the design contract's table: an addition for ILACS priority-action deadlines (docs/dialect.md).
  'priority-action-deadlines',
] as const;

export type RuleCode = (typeof RULE_CODES)[number];

/** Most severe first. */
export const SEVERITIES = ['error', 'warning', 'information', 'hint'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** What a user may write for a rule: a severity, `off`, or `default` (the rule's own). */
export const SEVERITY_SETTINGS = ['default', 'error', 'warning', 'information', 'hint', 'off'] as const;
export type SeveritySetting = (typeof SEVERITY_SETTINGS)[number];

/** Per-rule settings; a missing rule or `default` means the rule's default severity. */
export type RuleSettings = Partial<Record<RuleCode, SeveritySetting>>;

export const isRuleCode = (value: string): value is RuleCode => (RULE_CODES as readonly string[]).includes(value);

// "info" is what many users type; accept it as information.
export const isSeveritySetting = (value: string): value is SeveritySetting =>
  (SEVERITY_SETTINGS as readonly string[]).includes(normaliseSetting(value));

export function normaliseSetting(value: string): string {
  const lower = value.trim().toLowerCase();
  return lower === 'info' ? 'information' : lower;
}

/** The less severe of two severities. */
export function milder(a: Severity, b: Severity): Severity {
  return SEVERITIES.indexOf(a) >= SEVERITIES.indexOf(b) ? a : b;
}

/**
 * The effective severity of a rule: later layers win (defaults, then editor settings,
 * then a `.planrc` file, then the plan's own front matter). `undefined` means off.
 */
export function resolveSeverity(defaultSeverity: Severity, ...layers: (RuleSetting | undefined)[]): Severity | undefined {
  let result: Severity | undefined = defaultSeverity;
  for (const layer of layers) {
    if (layer === undefined) continue;
    const setting = normaliseSetting(layer);
    if (setting === 'off') result = undefined;
    else if (setting === 'default') result = defaultSeverity;
    else if ((SEVERITIES as readonly string[]).includes(setting)) result = setting as Severity;
  }
  return result;
}

type RuleSetting = string;

/** Reads untrusted settings (JSON or YAML data), keeping only known rules and values. */
export function ruleSettingsFrom(value: unknown): { settings: RuleSettings; problems: string[] } {
  const settings: RuleSettings = {};
  const problems: string[] = [];
  // An empty Lua table arrives from Neovim as [].
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) return { settings, problems };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { settings, problems: ['`rules` should map rule codes to severities.'] };
  }
  for (const [code, setting] of Object.entries(value)) {
    if (!isRuleCode(code)) problems.push(`Unknown rule "${code}".`);
    else if (typeof setting !== 'string' || !isSeveritySetting(setting)) {
      problems.push(`The severity of ${code} should be one of ${SEVERITY_SETTINGS.join(', ')}.`);
    } else settings[code] = normaliseSetting(setting) as SeveritySetting;
  }
  return { settings, problems };
}
