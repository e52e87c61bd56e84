/** Protocol tests of the server's commands (workspace/executeCommand): next action, renumbering, new plan. */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AS_OF_FRONT_MATTER, EARLY_HELP, SUPERVISION } from '../fixtures/plans.js';
import { TestLspClient } from '../helpers/lspClient.js';

const execute = <R>(client: TestLspClient, command: string, ...args: unknown[]): Promise<R> =>
  client.request<R>('workspace/executeCommand', { command, arguments: args });

const PLAN = `${AS_OF_FRONT_MATTER}
${SUPERVISION}
### A1.2 Run monthly supervision audits of 20 case files

- Links: A1.1

### A1.1 Train 38 team managers in reflective supervision

${EARLY_HELP}
# Cross-cutting actions

### A7 Launch the new case recording system

- Links: R1, R2, A1.2
`;

describe('server commands', function () {
  this.timeout(20000);
  let client: TestLspClient;
  afterEach(async () => client?.stop());

  describe('without a workspace folder', () => {
    beforeEach(async () => {
      client = await TestLspClient.start({ pull: true, capabilities: { workspace: { applyEdit: true, workspaceEdit: { documentChanges: true }, configuration: true } } });
    });

    it('declares every command', () => {
      assert.deepEqual(client.initializeResult.capabilities.executeCommandProvider?.commands, [
        'improvementPlan.server.nextAction',
        'improvementPlan.server.renumberActions',
        'improvementPlan.server.newPlanChoices',
        'improvementPlan.server.readDate',
        'improvementPlan.server.newPlanText',
        'improvementPlan.server.importReport',
        'improvementPlan.server.exportPlan',
      ]);
    });

    it('nextAction: the next free ID of the recommendation at the cursor, at the end of its section, as a snippet', async () => {
      const uri = 'untitled:next.plan.md';
      await client.open(uri, PLAN);
      // The cursor on the "Management oversight" line (line 6), under R1.
      const result = await execute(client, 'improvementPlan.server.nextAction', { textDocument: { uri }, position: { line: 6, character: 3 } });
      assert.deepEqual(result, {
        id: 'A1.3',
        recommendationId: 'R1',
        position: { line: 14, character: 0 },
        snippet:
          '### A1.3 ${1:Verb and named deliverable}\n\n- Owner: ${2:Head of Service}\n- Due: ${3:${CURRENT_MONTH_NAME} ${CURRENT_YEAR}}\n' +
          '- Measure: ${4:a number, percentage or document that will show the action worked}\n- Status: ${5|Not started,Red,Amber,Green,Blue|}\n$0\n',
      });
      const second = await execute<{ id: string; position: unknown }>(client, 'improvementPlan.server.nextAction', { textDocument: { uri }, position: { line: 16, character: 0 } });
      assert.deepEqual([second.id, second.position], ['A2.1', { line: 18, character: 0 }]);
    });

    it('nextAction: says so outside every recommendation, and for a document it does not have', async () => {
      const uri = 'untitled:outside.plan.md';
      await client.open(uri, PLAN);
      assert.deepEqual(await execute(client, 'improvementPlan.server.nextAction', { textDocument: { uri }, position: { line: 20, character: 0 } }), {
        message: 'Put the cursor in a recommendation (under a heading such as "## R1") to add an action to it.',
      });
      assert.deepEqual(await execute(client, 'improvementPlan.server.nextAction', { textDocument: { uri: 'untitled:not-open.plan.md' }, position: { line: 0, character: 0 } }), {
        message: 'Open an improvement plan (a *.plan.md file) first.',
      });
      assert.deepEqual(await execute(client, 'improvementPlan.server.nextAction'), { message: 'Open an improvement plan (a *.plan.md file) first.' });
      assert.deepEqual(await execute(client, 'improvementPlan.server.nextAction', 'junk', 42), { message: 'Open an improvement plan (a *.plan.md file) first.' });
    });

    it('renumberActions: applies the exact edits with workspace/applyEdit and says how many', async () => {
      const uri = 'untitled:renumber.plan.md';
      const applied: unknown[] = [];
      client.onServerRequest('workspace/applyEdit', (params) => {
        applied.push(params);
        return { applied: true };
      });
      await client.open(uri, PLAN, 3);
      const result = await execute(client, 'improvementPlan.server.renumberActions', { textDocument: { uri } });
      assert.deepEqual(result, { actions: 3, files: 1, applied: true, message: 'Renumbered 3 actions in 1 file.' });
      const edit = (line: number, start: number, end: number, newText: string) => ({ range: { start: { line, character: start }, end: { line, character: end } }, newText });
      assert.deepEqual(applied, [
        {
          label: 'Renumber actions',
          edit: {
            documentChanges: [
              {
                textDocument: { uri, version: 3 },
                edits: [edit(8, 4, 8, 'A1.1'), edit(10, 9, 13, 'A1.2'), edit(12, 4, 8, 'A1.2'), edit(20, 4, 6, 'A3.1'), edit(22, 17, 21, 'A1.1')],
              },
            ],
          },
        },
      ]);
    });

    it('renumberActions: does nothing and says so when the actions are in order', async () => {
      const uri = 'untitled:in-order.plan.md';
      let requests = 0;
      client.onServerRequest('workspace/applyEdit', () => {
        requests++;
        return { applied: true };
      });
      await client.open(uri, '## R1 One\n\n### A1.1 a\n\n### A1.2 b\n\n## R2 Two\n\n### A2.1 c\n');
      assert.deepEqual(await execute(client, 'improvementPlan.server.renumberActions', { textDocument: { uri } }), {
        actions: 0,
        files: 0,
        applied: false,
        message: 'The actions are already numbered in order: nothing to change.',
      });
      assert.equal(requests, 0);
    });

    it('renumberActions: reports an edit the client refused', async () => {
      const uri = 'untitled:refused.plan.md';
      client.onServerRequest('workspace/applyEdit', () => ({ applied: false, failureReason: 'the document changed' }));
      await client.open(uri, PLAN);
      assert.deepEqual(await execute(client, 'improvementPlan.server.renumberActions', { textDocument: { uri } }), {
        actions: 0,
        files: 0,
        applied: false,
        message: 'The actions could not be renumbered: the document changed',
      });
    });

    it('new plan: the choices, date reading and skeleton', async () => {
      const all = await execute(client, 'improvementPlan.server.newPlanChoices', {});
      assert.deepEqual(all, {
        frameworks: ['ILACS', 'SIF', 'JTAI', 'focused visit', 'monitoring visit'],
        inspectionTypes: [],
        grades: ['outstanding', 'good', 'requires improvement to be good', 'inadequate'],
        judgementKeys: [],
      });
      const ilacs = await execute<{ inspectionTypes: string[]; judgementKeys: string[] }>(client, 'improvementPlan.server.newPlanChoices', { framework: 'ILACS', published: '2026-05-01' });
      assert.deepEqual(ilacs.inspectionTypes, ['standard inspection', 'short inspection']);
      assert.deepEqual(ilacs.judgementKeys, ['leaders', 'help-and-protection', 'children-in-care', 'care-leavers']);

      assert.deepEqual(await execute(client, 'improvementPlan.server.readDate', '28 June 2025'), { date: '2025-06-28' });
      assert.deepEqual(await execute(client, 'improvementPlan.server.readDate', 'last Tuesday'), { message: 'Enter a date, such as 2025-06-28 or 28 June 2025.' });
      assert.deepEqual(await execute(client, 'improvementPlan.server.readDate', 17), { message: 'Enter a date, such as 2025-06-28 or 28 June 2025.' });

      const { text } = await execute<{ text: string }>(client, 'improvementPlan.server.newPlanText', {
        framework: 'monitoring visit',
        inspectionType: 'monitoring visit',
        published: '2025-06-28',
        judgements: [],
      });
      assert.ok(text.startsWith("---\ntitle: Children's Services Improvement Plan 2025-26\ninspection:\n  framework: monitoring visit\n  type: monitoring visit\n  published: 2025-06-28\nperiod:\n"), text);
      assert.deepEqual(await execute(client, 'improvementPlan.server.newPlanText', { framework: 'ILACS' }), {
        message: 'A new plan needs a framework, an inspection type and a publication date.',
      });
      assert.deepEqual(await execute(client, 'improvementPlan.server.unknown'), { message: 'Unknown command improvementPlan.server.unknown.' });
      assert.ok(client.alive);
    });
  });

  it('renumberActions without applyEdit support returns the edit as plain changes', async () => {
    client = await TestLspClient.start({ pull: true });
    const uri = 'untitled:plain.plan.md';
    await client.open(uri, '## R1 One\n### A1.2 a\n');
    assert.deepEqual(await execute(client, 'improvementPlan.server.renumberActions', { textDocument: { uri } }), {
      actions: 1,
      files: 1,
      applied: false,
      message: 'Renumbered 1 action in 1 file.',
      edit: { changes: { [uri]: [{ range: { start: { line: 1, character: 4 }, end: { line: 1, character: 8 } }, newText: 'A1.1' }] } },
    });
  });

  it('renumberActions updates the Links of plans on disk that name this plan as their recommendations file', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'renumber-'));
    const mainPath = path.join(folder, 'main.plan.md');
    const main = '## R1 One\n\n### A1.4 First\n\n### A1.9 Second\n';
    writeFileSync(mainPath, main);
    const partnerPath = path.join(folder, 'partner.plan.md');
    writeFileSync(partnerPath, '---\nrecommendations: ./main.plan.md\n---\n\n### A1 Partner action\n\n- Links: R1, A1.9\n');
    writeFileSync(path.join(folder, 'unrelated.plan.md'), '## R1 X\n\n### A1.9 Own\n\n- Links: A1.9\n');
    client = new TestLspClient({ pull: true, workspaceFolder: folder, capabilities: { workspace: { applyEdit: true, workspaceEdit: { documentChanges: true } } } });
    const logs = client.recordNotifications('window/logMessage') as { message: string }[];
    await client.initialize();
    await client.waitFor(() => logs.some((log) => log.message.startsWith('Indexed 3 improvement plans')), 'the workspace index');
    const applied: { edit: { documentChanges: unknown[] } }[] = [];
    client.onServerRequest('workspace/applyEdit', (params) => {
      applied.push(params);
      return { applied: true };
    });
    const mainUri = pathToFileURL(mainPath).href;
    await client.open(mainUri, main, 5);
    const result = await execute(client, 'improvementPlan.server.renumberActions', { textDocument: { uri: mainUri } });
    assert.deepEqual(result, { actions: 2, files: 2, applied: true, message: 'Renumbered 2 actions in 2 files.' });
    const range = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });
    assert.deepEqual(applied[0]!.edit.documentChanges, [
      { textDocument: { uri: mainUri, version: 5 }, edits: [{ range: range(2, 4, 8), newText: 'A1.1' }, { range: range(4, 4, 8), newText: 'A1.2' }] },
      { textDocument: { uri: pathToFileURL(partnerPath).href, version: null }, edits: [{ range: range(6, 13, 17), newText: 'A1.2' }] },
    ]);
  });
});
