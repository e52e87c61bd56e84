import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findPlanrc, planrcFor } from '../../server/src/node/planrc.js';

describe('.planrc files', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'planrc-test-'));
  mkdirSync(path.join(root, 'a/b/c'), { recursive: true });
  writeFileSync(path.join(root, '.planrc.json'), '{ "rules": { "overdue": "off" } }');
  writeFileSync(path.join(root, 'a/b/.planrc.yaml'), 'rules:\n  no-owner: warning\n');
  writeFileSync(path.join(root, 'a/b/c/.planrc'), '[not, an, object]');

  it('finds the nearest file in the plan folder or above', () => {
    assert.equal(findPlanrc(path.join(root, 'x.plan.md')), path.join(root, '.planrc.json'));
    assert.equal(findPlanrc(path.join(root, 'a/x.plan.md')), path.join(root, '.planrc.json'));
    assert.equal(findPlanrc(path.join(root, 'a/b/x.plan.md')), path.join(root, 'a/b/.planrc.yaml'));
  });

  it('stops at the workspace folder', () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'planrc-none-'));
    mkdirSync(path.join(outside, 'ws'));
    writeFileSync(path.join(outside, '.planrc.json'), '{}');
    assert.equal(findPlanrc(path.join(outside, 'ws/x.plan.md'), path.join(outside, 'ws')), undefined);
  });

  it('reads JSON and YAML as data', () => {
    assert.deepEqual(planrcFor(path.join(root, 'x.plan.md')).settings, { overdue: 'off' });
    assert.deepEqual(planrcFor(path.join(root, 'a/b/x.plan.md')).settings, { 'no-owner': 'warning' });
  });

  it('explains a malformed file instead of failing', () => {
    const result = planrcFor(path.join(root, 'a/b/c/x.plan.md'));
    assert.deepEqual(result.settings, {});
    assert.match(result.problems[0]!, /^\.planrc should hold an object/);
    writeFileSync(path.join(root, 'a/b/c/.planrc'), 'rules: [unclosed');
    assert.match(planrcFor(path.join(root, 'a/b/c/x.plan.md')).problems[0]!, /^\.planrc could not be read/);
  });
});
