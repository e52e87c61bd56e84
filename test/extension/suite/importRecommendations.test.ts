/** Improvement Plan: Import Recommendations from Report, answered by a scripted prompter. */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ImprovementPlanApi } from '../../../client/src/api.js';
import type { Choice, InputOptions, OpenOptions, PickOptions, Prompter } from '../../../client/src/prompts.js';
import { extension, show, workspaceFile } from './helpers.js';
import { api, discard } from './planHelpers.js';

const COMMAND = 'improvementPlan.importRecommendations';
const LEICESTER = 'test/fixtures/reports/80482_leicester_children-s_services_inspection_-_29_january_2025.txt';
const BUCKINGHAMSHIRE = 'test/fixtures/reports/80442_buckinghamshire_children-s_services_inspection_-_08_august_2014.txt';

/** Answers from a script: labels for picks, text for inputs, a URI for the open dialog; undefined is Escape. */
class ScriptedPrompter implements Prompter {
  readonly asked: string[] = [];
  constructor(private readonly answers: (string | vscode.Uri | undefined)[]) {}

  async pick<T>(choices: readonly Choice<T>[], options: PickOptions): Promise<T | undefined> {
    this.asked.push(`pick | ${options.title} | ${choices.map((c) => c.label).join(', ')}`);
    const answer = this.answers.shift();
    return choices.find((c) => c.label === answer)?.value;
  }

  async input(options: InputOptions): Promise<string | undefined> {
    this.asked.push(`input | ${options.title}`);
    const answer = this.answers.shift();
    if (typeof answer === 'string' && options.validate) assert.equal(await options.validate(answer), undefined, `${answer} is accepted`);
    return typeof answer === 'string' ? answer : undefined;
  }

  async openLocation(options: OpenOptions): Promise<vscode.Uri | undefined> {
    this.asked.push(`open | ${options.title} | ${Object.values(options.filters).flat().join(', ')}`);
    const answer = this.answers.shift();
    return answer instanceof vscode.Uri ? answer : undefined;
  }
}

const repositoryFile = (relative: string): vscode.Uri => vscode.Uri.joinPath(extension().extensionUri, relative);
const untitledDocuments = () => vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'untitled').map((d) => d.uri.toString());

suite('Import Recommendations from Report', () => {
  let plan: ImprovementPlanApi;
  suiteSetup(async () => {
    plan = await api();
  });
  teardown(() => plan.usePrompter(undefined));

  test('is contributed and registered', async () => {
    const contributed = (extension().packageJSON.contributes.commands as { command: string; title: string }[]).find((c) => c.command === COMMAND);
    assert.equal(contributed?.title, 'Import Recommendations from Report');
    assert.ok((await vscode.commands.getCommands(true)).includes(COMMAND));
  });

  test('from a file: asks for the publication date the report does not print, then opens the plan untitled', async () => {
    const prompter = new ScriptedPrompter(['From a file…', repositoryFile(LEICESTER), '29 January 2025']);
    plan.usePrompter(prompter);
    const document = (await vscode.commands.executeCommand(COMMAND)) as vscode.TextDocument;
    try {
      assert.deepEqual(prompter.asked.map((q) => q.split(' | ').slice(0, 2).join(' | ')), [
        'pick | Import recommendations from report',
        'open | Import recommendations from report: choose the report',
        'input | Import recommendations from report: publication date',
      ]);
      assert.ok(prompter.asked[1]!.endsWith('| pdf, txt'));
      assert.equal(document.uri.scheme, 'untitled');
      assert.ok(document.uri.path.endsWith('/leicester-city-council-improvement-plan.plan.md'), document.uri.toString());
      assert.equal(document.languageId, 'improvement-plan');
      const text = document.getText();
      assert.ok(text.includes('\n  framework: ILACS\n  type: short inspection\n  published: 2025-01-29\n'), text);
      assert.ok(text.includes('\n## R5 Support for care leavers who may be more reluctant to accept…\n\nSupport for care leavers who may be more reluctant to accept help, including those in custody and those facing homelessness.\n'), text);
    } finally {
      await discard(document.uri);
    }
  });

  test('from the active editor: a SIF report states its publication date, so there is one question only', async () => {
    const report = await vscode.workspace.openTextDocument(repositoryFile(BUCKINGHAMSHIRE));
    await vscode.window.showTextDocument(report);
    const prompter = new ScriptedPrompter(['From the active editor']);
    plan.usePrompter(prompter);
    const document = (await vscode.commands.executeCommand(COMMAND)) as vscode.TextDocument;
    try {
      assert.equal(prompter.asked.length, 1);
      assert.ok(prompter.asked[0]!.endsWith('From a file…, From the clipboard, From the active editor'), prompter.asked[0]);
      assert.ok(document.getText().includes('\n  published: 2014-08-08\n'));
      assert.ok(document.getText().includes('\n## P12 Review all unallocated cases'));
    } finally {
      await discard(document.uri);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  test('a file that is not a report gets a message, and nothing is opened', async () => {
    const before = untitledDocuments();
    plan.usePrompter(new ScriptedPrompter(['From a file…', workspaceFile('needs-work.plan.md')]));
    assert.deepEqual(await vscode.commands.executeCommand(COMMAND), {
      message: "needs-work.plan.md is not a report this can read: choose the report's .pdf file, or a .txt file of its text.",
    });
    assert.deepEqual(untitledDocuments(), before);
  });

  test('Escape at any question stops with nothing created', async () => {
    const answers = ['From a file…', repositoryFile(LEICESTER), '29 January 2025'];
    for (let step = 0; step < answers.length; step++) {
      const before = untitledDocuments();
      const prompter = new ScriptedPrompter([...answers.slice(0, step), undefined]);
      plan.usePrompter(prompter);
      assert.equal(await vscode.commands.executeCommand(COMMAND), undefined, `Escape at question ${step + 1}`);
      assert.equal(prompter.asked.length, step + 1);
      assert.deepEqual(untitledDocuments(), before, `Escape at question ${step + 1} opened a document`);
    }
  });

  test('an empty publication date is left for later', async () => {
    await show(workspaceFile('needs-work.plan.md'));
    const prompter = new ScriptedPrompter(['From a file…', repositoryFile(LEICESTER), '']);
    plan.usePrompter(prompter);
    const document = (await vscode.commands.executeCommand(COMMAND)) as vscode.TextDocument;
    try {
      assert.ok(document.getText().includes('\n  # published: the report does not give its publication date'), document.getText());
      assert.ok(!document.getText().includes('period:'));
    } finally {
      await discard(document.uri);
    }
  });
});
