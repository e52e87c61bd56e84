/** Find references over stdio: across the plans of a workspace that share a recommendations file. */
import assert from 'node:assert/strict';
import path from 'node:path';
import type { Location } from 'vscode-languageserver-protocol';
import { TestLspClient } from '../helpers/lspClient.js';
import { PlanWorkspace, positionOf, showRange } from '../helpers/planWorkspace.js';

const ACTIONS = 'multi-file/actions.plan.md';
const RECOMMENDATIONS = 'multi-file/recommendations.plan.md';
const PARTNERSHIP = 'multi-file/partnership.plan.md';
const OWN = 'multi-file/own.plan.md';

// A second plan that uses the same recommendations file, and one that declares its own R3.
const PARTNERSHIP_TEXT = `---
recommendations: ./recommendations.plan.md
---

# Safeguarding partnership actions

### A1 Agree an out-of-hours protocol with the police for children held in custody

- Links: R1, Recommendation 3
`;
const OWN_TEXT = `---
recommendations: ./recommendations.plan.md
---

## R3 Our own third recommendation

### A1 Open a supported lodgings scheme for 10 care leavers

- Links: R3
`;

describe('find references over stdio', function () {
  this.timeout(20000);
  let client: TestLspClient;
  let workspace: PlanWorkspace;

  beforeEach(async () => {
    workspace = PlanWorkspace.create({ [PARTNERSHIP]: PARTNERSHIP_TEXT, [OWN]: OWN_TEXT }, { examples: true });
    client = await TestLspClient.start({ pull: true, workspaceFolder: workspace.folder });
  });
  afterEach(async () => client?.stop());

  const references = async (name: string, position: { line: number; character: number }, includeDeclaration = true) => {
    const result = await client.request<Location[] | null>('textDocument/references', { textDocument: { uri: workspace.uri(name) }, position, context: { includeDeclaration } });
    return result && result.map((l) => `${path.relative(workspace.folder, new URL(l.uri).pathname)} ${showRange(l.range)}`);
  };

  it('declares a references provider', () => {
    assert.equal(client.initializeResult.capabilities.referencesProvider, true);
  });

  it('lists the heading and every Links entry in every plan that uses the recommendations file', async () => {
    const text = workspace.read(ACTIONS);
    await client.open(workspace.uri(ACTIONS), text);
    const expected = [
      `${RECOMMENDATIONS} 35:3-35:5`,
      `${ACTIONS} 84:9-84:11`,
      `${ACTIONS} 93:9-93:11`,
      `${PARTNERSHIP} 8:13-8:29`,
      // own.plan.md declares its own R3: its Links are not references.
    ];
    assert.deepEqual(await references(ACTIONS, positionOf(text, 'Links: R3', 0, 8)), expected);
    assert.deepEqual(await references(ACTIONS, positionOf(text, 'Links: R3', 1, 8), false), expected.slice(1));
  });

  it('answers the same from the heading in the recommendations file, which need not be the open plan', async () => {
    const recommendations = workspace.read(RECOMMENDATIONS);
    await client.open(workspace.uri(RECOMMENDATIONS), recommendations);
    assert.deepEqual(await references(RECOMMENDATIONS, positionOf(recommendations, '## R1', 0, 3)), [
      `${RECOMMENDATIONS} 27:3-27:5`,
      `${ACTIONS} 36:9-36:11`,
      `${ACTIONS} 47:9-47:11`,
      `${ACTIONS} 115:9-115:11`,
      `${PARTNERSHIP} 8:9-8:11`,
    ]);
  });

  it('follows unsaved text in open plans', async () => {
    const recommendations = workspace.read(RECOMMENDATIONS);
    await client.open(workspace.uri(RECOMMENDATIONS), recommendations);
    await client.open(workspace.uri(PARTNERSHIP), PARTNERSHIP_TEXT.replace('- Links: R1, Recommendation 3', '- Links: R4'));
    assert.deepEqual(await references(RECOMMENDATIONS, positionOf(recommendations, '## R4', 0, 3)), [
      `${RECOMMENDATIONS} 39:3-39:5`,
      `${ACTIONS} 104:9-104:11`,
      `${ACTIONS} 115:17-115:19`,
      `${PARTNERSHIP} 8:9-8:11`,
    ]);
  });

  it('keeps a plan\'s own declaration to itself', async () => {
    await client.open(workspace.uri(OWN), OWN_TEXT);
    assert.deepEqual(await references(OWN, positionOf(OWN_TEXT, 'Links: R3', 0, 8)), [`${OWN} 4:3-4:5`, `${OWN} 8:9-8:11`]);
  });

  it('gives an action its heading only, and nothing off an ID', async () => {
    const text = workspace.read(ACTIONS);
    await client.open(workspace.uri(ACTIONS), text);
    assert.deepEqual(await references(ACTIONS, positionOf(text, 'A3.2')), [`${ACTIONS} 87:4-87:8`]);
    assert.deepEqual(await references(ACTIONS, positionOf(text, 'A3.2'), false), []);
    assert.equal(await references(ACTIONS, positionOf(text, 'Ring-fence')), null);
    assert.equal(await references(ACTIONS, { line: 99_999, character: 99_999 }), null);
  });
});
