/** The commands that change plans: new plan, insert next action, renumber actions. */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ImprovementPlanApi } from '../../../client/src/api.js';
import type { Choice, InputOptions, PickOptions, Prompter } from '../../../client/src/prompts.js';
import { exampleCouncilNewPlan } from '../../fixtures/newPlan.js';
import { AS_OF_FRONT_MATTER, AUDIT_HEADING, EARLY_HELP, SUPERVISION } from '../../fixtures/plans.js';
import { extension, show, WAIT_MS, workspaceFile, writeWorkspaceFile } from './helpers.js';
import { api, discard } from './planHelpers.js';

const NEXT_ACTION_PLAN = `${AS_OF_FRONT_MATTER}
${SUPERVISION}
${AUDIT_HEADING}
- Owner: Head of Quality Assurance

### A1.2 Train 38 team managers in reflective supervision

${EARLY_HELP}`;

/** A prompter that answers from a script and records what it was asked. */
class ScriptedPrompter implements Prompter {
  readonly asked: { kind: 'pick' | 'input'; title: string; text: string; choices?: string[] }[] = [];
  validations: (string | undefined)[] = [];

  constructor(private readonly answers: (string | undefined)[]) {}

  async pick<T>(choices: readonly Choice<T>[], options: PickOptions): Promise<T | undefined> {
    this.asked.push({ kind: 'pick', title: options.title, text: options.placeholder, choices: choices.map((c) => c.label) });
    const answer = this.answers.shift();
    return answer === undefined ? undefined : choices.find((c) => c.label === answer)?.value;
  }

  async input(options: InputOptions): Promise<string | undefined> {
    this.asked.push({ kind: 'input', title: options.title, text: options.prompt });
    const answer = this.answers.shift();
    if (answer !== undefined && options.validate) {
      this.validations.push(await options.validate('soon'), await options.validate(answer));
    }
    return answer;
  }
}

const GRADES = ['outstanding', 'good', 'requires improvement to be good', 'inadequate'];
const ANSWERS = ['Example Council', 'ILACS', 'short inspection', '28 June 2025', 'good', 'good', 'requires improvement to be good', 'good', 'requires improvement to be good'];

const untitledDocuments = () => vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'untitled').map((d) => d.uri.toString());

suite('plan commands', () => {
  let plan: ImprovementPlanApi;
  suiteSetup(async () => {
    plan = await api();
  });
  teardown(() => plan.usePrompter(undefined));

  test('every command the extension contributes is registered', async () => {
    const contributed = (extension().packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
    for (const command of ['improvementPlan.newPlan', 'improvementPlan.insertNextAction', 'improvementPlan.renumberActions', 'improvementPlan.showPlanTree']) {
      assert.ok(contributed.includes(command), `package.json contributes ${command}`);
    }
    const registered = await vscode.commands.getCommands(true);
    assert.deepEqual(contributed.filter((command) => !registered.includes(command)), []);
  });

  suite('Insert next action', () => {
    let uri: vscode.Uri;
    setup(async () => {
      uri = await writeWorkspaceFile('next-action.plan.md', NEXT_ACTION_PLAN);
    });
    teardown(async () => {
      await discard(uri);
    });

    test('inserts A1.3 with its fields as a snippet at the end of the section of the recommendation at the cursor', async () => {
      const editor = await show(uri);
      editor.selection = new vscode.Selection(6, 4, 6, 4); // "Management oversight of practice."
      const result = await vscode.commands.executeCommand('improvementPlan.insertNextAction');
      assert.deepEqual(result, { id: 'A1.3' });
      const month = new Date().toLocaleString('en-GB', { month: 'long' });
      const year = new Date().getFullYear();
      assert.equal(
        editor.document.getText(),
        NEXT_ACTION_PLAN.replace(
          '## R2 Early help',
          '### A1.3 Verb and named deliverable\n\n- Owner: Head of Service\n' +
            `- Due: ${month} ${year}\n- Measure: a number, percentage or document that will show the action worked\n- Status: Not started\n\n## R2 Early help`,
        ),
      );
      // The first tab stop, the statement, is selected for typing over.
      assert.equal(editor.document.getText(editor.selection), 'Verb and named deliverable');
      assert.equal(editor.selection.start.line, 14);
      await vscode.commands.executeCommand('leaveSnippet');
    });

    test('under a recommendation with no actions, starts at .1', async () => {
      const editor = await show(uri);
      editor.selection = new vscode.Selection(16, 0, 16, 0); // "Timeliness of early help support."
      assert.deepEqual(await vscode.commands.executeCommand('improvementPlan.insertNextAction'), { id: 'A2.1' });
      const month = new Date().toLocaleString('en-GB', { month: 'long' });
      assert.equal(
        editor.document.getText(),
        NEXT_ACTION_PLAN +
          '\n### A2.1 Verb and named deliverable\n\n- Owner: Head of Service\n' +
          `- Due: ${month} ${new Date().getFullYear()}\n- Measure: a number, percentage or document that will show the action worked\n- Status: Not started\n`,
      );
      assert.equal(editor.document.lineAt(18).text, '### A2.1 Verb and named deliverable');
      await vscode.commands.executeCommand('leaveSnippet');
    });

    test('outside every recommendation, or in another kind of editor, it says what to do and changes nothing', async () => {
      const editor = await show(uri);
      editor.selection = new vscode.Selection(1, 0, 1, 0); // the front matter
      assert.deepEqual(await vscode.commands.executeCommand('improvementPlan.insertNextAction'), {
        message: 'Put the cursor in a recommendation (under a heading such as "## R1") to add an action to it.',
      });
      assert.equal(editor.document.isDirty, false);
      const readme = await show(workspaceFile('README.md'));
      assert.deepEqual(await vscode.commands.executeCommand('improvementPlan.insertNextAction'), {
        message: 'Open an improvement plan (a *.plan.md file) and put the cursor in a recommendation first.',
      });
      assert.equal(readme.document.isDirty, false);
    });
  });

  suite('Renumber actions', () => {
    const MAIN = '## R1 Supervision\n\n### A1.4 Audit 20 case files\n\n- Links: A1.9\n\n### A1.9 Train 38 team managers\n\n# Cross-cutting actions\n\n### A3 Launch the new case recording system\n\n- Links: R1\n';
    const PARTNER = '---\nrecommendations: ./renumber-main.plan.md\n---\n\n### A1 Brief partner agencies on supervision\n\n- Links: R1, A1.9\n';
    let main: vscode.Uri;
    let partner: vscode.Uri;
    setup(async () => {
      main = await writeWorkspaceFile('renumber-main.plan.md', MAIN);
      partner = await writeWorkspaceFile('renumber-partner.plan.md', PARTNER);
    });
    teardown(async () => {
      await discard(main);
      await discard(partner);
    });

    test('renumbers in document order and updates the Links in this plan and in the plan that uses its recommendations', async () => {
      const partnerDocument = await vscode.workspace.openTextDocument(partner);
      const editor = await show(main);
      const result = await vscode.commands.executeCommand('improvementPlan.renumberActions');
      assert.deepEqual(result, { actions: 3, files: 2, applied: true, message: 'Renumbered 3 actions in 2 files.' });
      assert.equal(
        editor.document.getText(),
        '## R1 Supervision\n\n### A1.1 Audit 20 case files\n\n- Links: A1.2\n\n### A1.2 Train 38 team managers\n\n# Cross-cutting actions\n\n### A2.1 Launch the new case recording system\n\n- Links: R1\n',
      );
      assert.equal(partnerDocument.getText(), PARTNER.replace('A1.9', 'A1.2'));

      assert.deepEqual(await vscode.commands.executeCommand('improvementPlan.renumberActions'), {
        actions: 0,
        files: 0,
        applied: false,
        message: 'The actions are already numbered in order: nothing to change.',
      });
    });

    test('in another kind of editor, it says so', async () => {
      await show(workspaceFile('README.md'));
      assert.deepEqual(await vscode.commands.executeCommand('improvementPlan.renumberActions'), {
        message: 'Open an improvement plan (a *.plan.md file) to renumber its actions.',
      });
    });
  });

  suite('New improvement plan', () => {
    test('asks for the council, framework, inspection type, date and each judgement, then opens the plan untitled', async () => {
      const prompter = new ScriptedPrompter([...ANSWERS]);
      plan.usePrompter(prompter);
      const document = (await vscode.commands.executeCommand('improvementPlan.newPlan')) as vscode.TextDocument;
      try {
        assert.deepEqual(
          prompter.asked.map((q) => `${q.kind} | ${q.title} | ${q.text}${q.choices ? ` | ${q.choices.join(', ')}` : ''}`),
          [
            'input | New improvement plan: council | The council the plan is for. Leave it empty to add it later.',
            'pick | New improvement plan: framework | Which inspection is the plan responding to? | ILACS, SIF, JTAI, focused visit, monitoring visit',
            'pick | New improvement plan: inspection type | What kind of ILACS was it? | standard inspection, short inspection, Other…',
            'input | New improvement plan: publication date | The date the report was published, such as 2025-06-28 or 28 June 2025.',
            `pick | New improvement plan: judgement 1 of 5 | The grade for leaders | ${GRADES.join(', ')}`,
            `pick | New improvement plan: judgement 2 of 5 | The grade for help and protection | ${GRADES.join(', ')}`,
            `pick | New improvement plan: judgement 3 of 5 | The grade for children in care | ${GRADES.join(', ')}`,
            `pick | New improvement plan: judgement 4 of 5 | The grade for care leavers | ${GRADES.join(', ')}`,
            `pick | New improvement plan: judgement 5 of 5 | The grade for overall effectiveness | ${GRADES.join(', ')}`,
          ],
        );
        // The date box rejects "soon" and accepts the date; the council box has no check.
        assert.deepEqual(prompter.validations, ['Enter a date, such as 2025-06-28 or 28 June 2025.', undefined]);
        assert.equal(document.uri.scheme, 'untitled');
        assert.ok(document.uri.path.endsWith('/example-council-improvement-plan.plan.md'), document.uri.toString());
        assert.equal(document.languageId, 'improvement-plan');
        assert.equal(vscode.window.activeTextEditor?.document, document);
        assert.equal(
          document.getText(),
          exampleCouncilNewPlan('short inspection', [
            'leaders: good',
            'help-and-protection: good',
            'children-in-care: requires improvement to be good',
            'care-leavers: good',
            'overall-effectiveness: requires improvement to be good',
          ]),
        );
      } finally {
        await discard(document.uri);
      }
    });

    test('a framework with no judgements, and an inspection type typed in, ask no grade', async () => {
      const prompter = new ScriptedPrompter(['', 'monitoring visit', 'Other…', 'fourth monitoring visit', '2025-03-04']);
      plan.usePrompter(prompter);
      const document = (await vscode.commands.executeCommand('improvementPlan.newPlan')) as vscode.TextDocument;
      try {
        assert.equal(prompter.asked.length, 5);
        assert.ok(document.uri.path.endsWith('/improvement-plan.plan.md'), document.uri.toString());
        assert.ok(document.getText().startsWith("---\ntitle: Children's Services Improvement Plan 2025-26\ninspection:\n  framework: monitoring visit\n  type: fourth monitoring visit\n  published: 2025-03-04\nperiod:\n  start: 2025-04-01\n"), document.getText());
      } finally {
        await discard(document.uri);
      }
    });

    test('Escape at any question stops with nothing created', async () => {
      for (let step = 0; step < ANSWERS.length; step++) {
        const before = untitledDocuments();
        const prompter = new ScriptedPrompter([...ANSWERS.slice(0, step), undefined]);
        plan.usePrompter(prompter);
        const result = await vscode.commands.executeCommand('improvementPlan.newPlan');
        assert.equal(result, undefined, `Escape at question ${step + 1}`);
        assert.equal(prompter.asked.length, step + 1);
        assert.deepEqual(untitledDocuments(), before, `Escape at question ${step + 1} opened a document`);
      }
    });

    test('with the real input box, Escape cancels', async () => {
      const before = untitledDocuments();
      let settled = false;
      const running = Promise.resolve(vscode.commands.executeCommand('improvementPlan.newPlan')).finally(() => (settled = true));
      // Close the quick input as soon as it is open: each command is a round trip to the workbench.
      const deadline = Date.now() + WAIT_MS;
      while (!settled && Date.now() < deadline) await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      assert.equal(await running, undefined);
      assert.deepEqual(untitledDocuments(), before);
    });
  });
});
