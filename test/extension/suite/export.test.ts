/** Improvement Plan: Export Plan…, answered through the test prompter instead of the quick pick and save dialog. */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ImprovementPlanApi } from '../../../client/src/api.js';
import type { ExportPlanResult } from '../../../client/src/commands/exportPlan.js';
import { exists } from '../../../client/src/commands/newPlan.js';
import type { Choice, PickOptions, Prompter, SaveOptions } from '../../../client/src/prompts.js';
import { closeTabsOf, show, workspaceFile } from './helpers.js';
import { api } from './planHelpers.js';

/** Picks the format whose label starts with `format`, and saves where `target` says (undefined: Escape). */
class ExportPrompter implements Prompter {
  readonly asked: { title: string; choices?: string[]; defaultUri?: string }[] = [];

  constructor(
    private readonly format: string | undefined,
    private readonly target: vscode.Uri | undefined,
  ) {}

  async pick<T>(choices: readonly Choice<T>[], options: PickOptions): Promise<T | undefined> {
    this.asked.push({ title: options.title, choices: choices.map((c) => c.label) });
    return this.format === undefined ? undefined : choices.find((c) => c.label.startsWith(this.format!))?.value;
  }

  async input(): Promise<string | undefined> {
    throw new Error('Export Plan asks no typed questions');
  }

  async saveLocation(options: SaveOptions): Promise<vscode.Uri | undefined> {
    this.asked.push({ title: options.title, defaultUri: options.defaultUri.toString() });
    return this.target;
  }
}

suite('Export Plan', () => {
  let plan: ImprovementPlanApi;
  const planUri = () => workspaceFile('needs-work.plan.md');
  suiteSetup(async () => {
    plan = await api();
  });
  teardown(async () => {
    plan.usePrompter(undefined);
    await closeTabsOf(planUri());
  });

  test('asks for a format and a file next to the plan, and writes a CSV there', async () => {
    await show(planUri());
    const target = workspaceFile('board-pack.csv');
    const prompter = new ExportPrompter('CSV', target);
    plan.usePrompter(prompter);
    const result = (await vscode.commands.executeCommand('improvementPlan.exportPlan')) as ExportPlanResult;
    assert.equal(result.actions, 23, result.message);
    assert.deepEqual(prompter.asked[0]!.choices, ['Excel workbook (.xlsx)', 'Word report (.docx)', 'Web page (.html)', 'CSV table (.csv)']);
    assert.equal(prompter.asked[1]!.defaultUri, workspaceFile('needs-work.csv').toString());
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await vscode.workspace.fs.readFile(target));
    assert.ok(csv.startsWith('\uFEFFRecommendation,Action ID,'));
    for (const id of ['A1.1', 'A2.2', 'A3.9']) assert.ok(csv.includes(`,${id},`), id);
  });

  test('writes an Excel workbook for a plan given as a resource (editor title menu)', async () => {
    const target = workspaceFile('needs-work-board.xlsx');
    plan.usePrompter(new ExportPrompter('Excel', target));
    const result = (await vscode.commands.executeCommand('improvementPlan.exportPlan', planUri())) as ExportPlanResult;
    assert.equal(result.format, 'xlsx', JSON.stringify(result));
    const bytes = await vscode.workspace.fs.readFile(target);
    assert.equal(new TextDecoder().decode(bytes.subarray(0, 2)), 'PK', 'an XLSX is a zip file');
  });

  test('Escape at either question writes nothing', async () => {
    await show(planUri());
    plan.usePrompter(new ExportPrompter(undefined, workspaceFile('never.html')));
    assert.equal(await vscode.commands.executeCommand('improvementPlan.exportPlan'), undefined);
    plan.usePrompter(new ExportPrompter('Web page', undefined));
    assert.equal(await vscode.commands.executeCommand('improvementPlan.exportPlan'), undefined);
    assert.equal(await exists(workspaceFile('never.html')), false);
    assert.equal(await exists(workspaceFile('needs-work.html')), false);
  });
});
