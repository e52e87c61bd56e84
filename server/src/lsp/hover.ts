/** Hover: recommendations (heading or Links), action headings with their SMART result, and Due values. */
import path from 'node:path';
import { MarkupKind, type Hover } from 'vscode-languageserver';
import { resolveSeverity, RULES, type RuleCode } from '../engine/index.js';
import { hoverAt } from '../engine/hover.js';
import { planrcFor } from '../node/planrc.js';
import { answerFromAnalysis, toLspRange } from './analysedRequest.js';
import type { LspFeature, ServerContext } from './context.js';
import { filePath } from './planAnalyses.js';

export const hoverFeature: LspFeature = {
  capabilities: () => ({ hoverProvider: true }),
  register(context) {
    context.connection.onHover((params) =>
      answerFromAnalysis<Hover | null>(context, params.textDocument.uri, 'Hover', null, async ({ lines, result }) => {
        const isRuleOff = await ruleOffCheck(context, params.textDocument.uri, result.plan.frontMatter?.rules ?? {});
        const hover = hoverAt(result, lines.offsetAt(params.position), { isRuleOff });
        return hover ? { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: toLspRange(lines, hover.range) } : null;
      }),
    );
  },
};

/**
 * Whether a rule is off for this plan, with the layers the analysis used: editor settings, the
 * nearest `.planrc` (read only when asked) and the front matter.
 */
export async function ruleOffCheck(context: ServerContext, uri: string, frontMatterRules: Record<string, { value: string }>): Promise<(code: RuleCode) => boolean> {
  const settings = await context.settings.get(uri);
  const planPath = filePath(uri);
  let planrc: Record<string, string | undefined> | undefined;
  return (code) => {
    const rule = RULES.find((candidate) => candidate.code === code);
    if (!rule) return false;
    if (!planrc && planPath) {
      const root = context.analyses.workspaceRoots.find((folder) => planPath.startsWith(folder + path.sep));
      planrc = planrcFor(planPath, root).settings;
    }
    return resolveSeverity(rule.defaultSeverity, settings.rules[code], planrc?.[code], frontMatterRules[code]?.value) === undefined;
  };
}
