// Regenerates the settings in package.json's contributes.configuration from the engine's rule list,
// so that every rule has a severity setting with its summary. Run: npx tsx scripts/contributes.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { RULES } from '../server/src/engine/index.ts';

const manifestUrl = new URL('../package.json', import.meta.url);
const manifest = JSON.parse(readFileSync(manifestUrl, 'utf8'));
const properties = {};
for (const rule of RULES) {
  properties[`improvementPlan.rules.${rule.code}`] = {
    type: 'string',
    enum: ['default', 'error', 'warning', 'information', 'hint', 'off'],
    default: 'default',
    scope: 'resource',
    markdownDescription: `${rule.summary} Default: \`${rule.defaultSeverity}\`. See docs/rules/${rule.code}.md.`,
  };
}
properties['improvementPlan.achievable.maxActionsPerOwnerPerMonth'] = {
  type: 'integer', minimum: 1, default: 5, scope: 'resource',
  markdownDescription: '`smart-achievable`: the most open actions one owner can have due in the same month before the rule reports it.',
};
properties['improvementPlan.achievable.minimumDaysFromStartToDue'] = {
  type: 'integer', minimum: 1, default: 14, scope: 'resource',
  markdownDescription: '`smart-achievable`: fewer days than this between Start and Due is reported as possibly too short.',
};
properties['improvementPlan.smart.allow'] = {
  type: 'array', items: { type: 'string' }, default: [], scope: 'resource',
  markdownDescription: 'Words and phrases the SMART rules accept, such as `["support", "as required"]`: a finding about one of them is not reported, and one in a Measure counts as something observable (a local indicator\'s name). `.planrc` files add theirs with `smart: { allow: [...] }`. See docs/rules/smart-specific.md.',
};
properties['improvementPlan.smart.wordingModel'] = {
  type: 'boolean', default: true, scope: 'resource',
  markdownDescription: '`smart-specific` also reads each action statement with the wording model, learned from labelled actions: it reports vague wording no rule has a pattern for, and stays quiet when a statement reads plainly specific. Turn off to see only the documented rules\' findings. `.planrc` files can set `smart: { wordingModel: false }`. See docs/rules/smart-specific.md.',
};
properties['improvementPlan.inlayHints.dueDates'] = {
  type: 'boolean', default: true, scope: 'resource',
  markdownDescription: 'Show how long is left after each `Due:` value ("in 23 days", "today", "overdue by 5 days"), counted from the plan\'s `as-of` date or today. Finished actions get none. VS Code\'s `editor.inlayHints.enabled` also applies.',
};
properties['improvementPlan.trace.server'] = {
  type: 'string', enum: ['off', 'messages', 'verbose'], default: 'off', scope: 'window',
  description: 'Logs the messages between VS Code and the improvement-plan language server in the Output panel.',
};
manifest.contributes.configuration = { title: 'Improvement Plan', properties };
writeFileSync(manifestUrl, JSON.stringify(manifest, null, 2) + '\n');
console.log(`${Object.keys(properties).length} settings written`);
