import assert from 'node:assert/strict';
import { lintText, resolveSeverity, ruleSettingsFrom } from '../../server/src/engine/index.js';

const NO_OWNER_PLAN = (rules = '') => `---
as-of: 2025-11-01
${rules}---

## R1 Supervision

Oversight.

### A1.1 Run monthly supervision audits of 20 case files

- Due: 31 March 2026
- Measure: 95% of audited files show supervision every 4 weeks
`;

describe('severities', () => {
  it('layers defaults, editor settings, .planrc and front matter, later winning', () => {
    assert.equal(resolveSeverity('error'), 'error');
    assert.equal(resolveSeverity('error', 'warning'), 'warning');
    assert.equal(resolveSeverity('error', 'warning', 'hint'), 'hint');
    assert.equal(resolveSeverity('error', 'off', undefined, 'default'), 'error');
    assert.equal(resolveSeverity('error', 'warning', 'off'), undefined);
    assert.equal(resolveSeverity('warning', 'info'), 'information');
    assert.equal(resolveSeverity('warning', 'Error '), 'error');
  });

  it('reads untrusted settings, keeping what is valid and naming what is not', () => {
    const { settings, problems } = ruleSettingsFrom({ 'no-owner': 'warning', 'smart-relevant': 'loud', bogus: 'off', overdue: 3 });
    assert.deepEqual(settings, { 'no-owner': 'warning' });
    assert.equal(problems.length, 3);
    assert.deepEqual(ruleSettingsFrom('nonsense').settings, {});
    assert.deepEqual(ruleSettingsFrom(null), { settings: {}, problems: [] });
    // Neovim sends an empty Lua table as [].
    assert.deepEqual(ruleSettingsFrom([]), { settings: {}, problems: [] });
  });

  it('applies every layer when linting', () => {
    const severity = (text: string, options = {}) => lintText(text, options).diagnostics.find((d) => d.code === 'no-owner')?.severity;
    assert.equal(severity(NO_OWNER_PLAN()), 'error');
    assert.equal(severity(NO_OWNER_PLAN(), { editorSettings: { 'no-owner': 'warning' } }), 'warning');
    assert.equal(severity(NO_OWNER_PLAN(), { editorSettings: { 'no-owner': 'warning' }, fileSettings: { 'no-owner': 'hint' } }), 'hint');
    assert.equal(severity(NO_OWNER_PLAN('rules:\n  no-owner: information\n'), { fileSettings: { 'no-owner': 'hint' } }), 'information');
    assert.equal(severity(NO_OWNER_PLAN('rules:\n  no-owner: off\n')), undefined);
  });

  it('reports unknown rules and severities in front matter', () => {
    const { diagnostics } = lintText(NO_OWNER_PLAN('rules:\n  no-owners: off\n  overdue: loud\n'));
    assert.deepEqual(diagnostics.filter((d) => d.code === 'front-matter').map((d) => d.message), [
      'Unknown rule "no-owners" in `rules`.',
      'The severity of overdue should be one of default, error, warning, information, hint, off.',
    ]);
  });

  it('caps a judgement the framework does not have at information', () => {
    const text = '---\ninspection:\n  framework: ILACS\n  published: 2019-03-01\n  judgements:\n    care-leavers: good\n---\n';
    const [diagnostic] = lintText(text).diagnostics;
    assert.equal(diagnostic!.code, 'front-matter');
    assert.equal(diagnostic!.severity, 'information');
    assert.equal(diagnostic!.message, 'ILACS before 2023 does not judge care-leavers.');
  });
});
