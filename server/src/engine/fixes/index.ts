/**
 * Quick fixes: for a diagnostic, the edits that would fix it, as plain data (offsets into the text
 * the diagnostic was computed on). The LSP layer (server/src/lsp/codeActions.ts) turns them into
 * code actions. Documented in docs/features.md, "Quick fixes".
 */
import type { LintResult, PlanDiagnostic } from '../lint.js';
import type { Action, PlanElement } from '../model.js';
import { addFieldEdit, fillFieldEdit, placeholderFor } from './fields.js';
import { silenceFix } from './ignore.js';
import { betterLinkFixes, notAnIdFixes, unknownIdFixes, unlinkedFixes } from './links.js';
import { statusFixes } from './status.js';
import { escapeSnippet } from './text.js';
import type { Fix, TextEdit } from './types.js';

export type { Fix, TextEdit } from './types.js';
export { applyEdits } from './text.js';
export { DUE_PLACEHOLDER_NOTE, MEASURE_PLACEHOLDER, OWNER_PLACEHOLDER } from './fields.js';
export { STUB_TEXT, STUB_TITLE } from './links.js';

/** The element a diagnostic concerns, found again in the plan it was computed on. */
function elementOf(result: LintResult, diagnostic: PlanDiagnostic): PlanElement | undefined {
  const element = diagnostic.data?.element;
  if (!element) return undefined;
  const list: readonly PlanElement[] = element.kind === 'action' ? result.plan.actions : result.plan.recommendations;
  return list.find((candidate) => candidate.headingRange.start === element.heading && candidate.id === element.id);
}

const ARTICLE: Record<'owner' | 'due' | 'measure', string> = { owner: 'an Owner', due: 'a Due date', measure: 'a Measure' };

/** The fixes for one diagnostic of `result`, most likely first; the last silences the rule for the element. */
export function fixesFor(result: LintResult, diagnostic: PlanDiagnostic): Fix[] {
  const element = elementOf(result, diagnostic);
  const fixes: Fix[] = [];
  const hint = diagnostic.data?.fix;
  const action: Action | undefined = element?.kind === 'action' ? element : undefined;
  if (hint && action) {
    const facts = result.analysis.factsOf(action);
    switch (hint.kind) {
      case 'missing-field': {
        const value = placeholderFor(hint.field, result.plan, result.analysis);
        const snippet = `\${1:${escapeSnippet(value)}}`;
        const field = facts.field(hint.field);
        const edit = field ? fillFieldEdit(result.plan.text, field, value, snippet) : addFieldEdit(result.plan, action, hint.field, value, snippet);
        fixes.push({ title: `Add ${ARTICLE[hint.field]} to ${action.id}`, edits: [edit], safe: false, preferred: true });
        break;
      }
      case 'unlinked':
        fixes.push(...unlinkedFixes(result, action));
        break;
      case 'unknown-id':
      case 'not-an-id': {
        const link = facts.links.find((l) => l.range.start === diagnostic.range.start && l.range.end === diagnostic.range.end);
        if (link) fixes.push(...(hint.kind === 'unknown-id' ? unknownIdFixes(result, link, hint.id) : notAnIdFixes(result, link)));
        break;
      }
      case 'invalid-status': {
        const field = facts.field('status');
        if (field) fixes.push(...statusFixes(result.plan.text, field));
        break;
      }
      case 'better-link':
        fixes.push(...betterLinkFixes(result, action, hint.from, hint.to));
        break;
    }
  }
  if (element) {
    const silence = silenceFix(result.plan.text, element, diagnostic.code);
    if (silence) fixes.push(silence);
  }
  return fixes;
}

/**
 * The edits of every safe fix in the plan (see Fix.safe), without overlaps, in text order.
 * Applying them and running this again gives nothing: each removes its own problem and adds none.
 */
export function fixAllEdits(result: LintResult): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const diagnostic of result.diagnostics) {
    const fix = fixesFor(result, diagnostic).find((candidate) => candidate.safe);
    if (!fix) continue;
    const overlaps = fix.edits.some((edit) =>
      edits.some((other) => (edit.range.start < other.range.end && other.range.start < edit.range.end) || edit.range.start === other.range.start),
    );
    if (!overlaps) edits.push(...fix.edits.map(({ range, newText }) => ({ range, newText })));
  }
  return edits.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
}
