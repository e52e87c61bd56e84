/**
 * Improvement Plan: New improvement plan. Asks for the council, the framework, the inspection
 * type, the publication date and a grade for each judgement the framework had at that date, then
 * opens the new plan in an untitled editor (named `<council>-improvement-plan.plan.md` in the first
 * workspace folder, so that saving it asks nothing more). Escape at any question stops with
 * nothing created.
 */
import * as vscode from 'vscode';
import { inform, LANGUAGE_ID, SERVER_COMMANDS, type NewPlanChoices, type PlanServer, type Problem } from '../planServer.js';
import type { Choice, Prompts } from '../prompts.js';

const TITLE = 'New improvement plan';

const FRAMEWORK_DETAILS: Record<string, string> = {
  ILACS: 'inspection of local authority children’s services, from 2018',
  SIF: 'single inspection framework, 2013 to 2018',
  JTAI: 'joint targeted area inspection',
  'focused visit': 'an ILACS focused visit',
  'monitoring visit': 'a visit after an inadequate judgement',
};

/** `help-and-protection` as people say it: "help and protection". */
const judgementWords = (key: string): string => (key === 'lscb' ? 'the LSCB' : key.replace(/-/g, ' '));

const OTHER = Symbol('other');

export interface NewPlanAnswers {
  authority: string;
  framework: string;
  inspectionType: string;
  published: string;
  judgements: { key: string; grade: string }[];
}

/** Asks every question; undefined when one was escaped. */
export async function askNewPlanQuestions(server: PlanServer, prompts: Prompts): Promise<NewPlanAnswers | undefined> {
  const ask = prompts.current;
  const choices = await server.command<NewPlanChoices>(SERVER_COMMANDS.newPlanChoices, {});

  const authority = await ask.input({
    title: `${TITLE}: council`,
    prompt: 'The council the plan is for. Leave it empty to add it later.',
    placeholder: 'Example Council',
  });
  if (authority === undefined) return undefined;

  const framework = await ask.pick(
    choices.frameworks.map((name) => ({ label: name, detail: FRAMEWORK_DETAILS[name], value: name })),
    { title: `${TITLE}: framework`, placeholder: 'Which inspection is the plan responding to?' },
  );
  if (framework === undefined) return undefined;

  const forFramework = await server.command<NewPlanChoices>(SERVER_COMMANDS.newPlanChoices, { framework });
  const typeChoices: Choice<string | typeof OTHER>[] = [
    ...forFramework.inspectionTypes.map((type) => ({ label: type, value: type })),
    { label: 'Other…', detail: 'type the inspection type', value: OTHER },
  ];
  let inspectionType = await ask.pick(typeChoices, { title: `${TITLE}: inspection type`, placeholder: `What kind of ${framework} was it?` });
  if (inspectionType === OTHER) {
    inspectionType = await ask.input({
      title: `${TITLE}: inspection type`,
      prompt: 'How the inspection was run, as the report says.',
      validate: async (text) => (text.trim() === '' ? 'Enter the inspection type.' : undefined),
    });
  }
  if (inspectionType === undefined) return undefined;

  const readDate = (text: string) => server.command<{ date: string } | Problem>(SERVER_COMMANDS.readDate, text);
  const publishedText = await ask.input({
    title: `${TITLE}: publication date`,
    prompt: 'The date the report was published, such as 2025-06-28 or 28 June 2025.',
    placeholder: '2025-06-28',
    validate: async (text) => {
      const read = await readDate(text);
      return 'message' in read ? read.message : undefined;
    },
  });
  if (publishedText === undefined) return undefined;
  const read = await readDate(publishedText);
  if ('message' in read) {
    inform(read.message);
    return undefined;
  }

  const { judgementKeys, grades } = await server.command<NewPlanChoices>(SERVER_COMMANDS.newPlanChoices, { framework, published: read.date });
  const judgements: NewPlanAnswers['judgements'] = [];
  for (const [index, key] of judgementKeys.entries()) {
    const grade = await ask.pick(
      grades.map((name) => ({ label: name, value: name })),
      { title: `${TITLE}: judgement ${index + 1} of ${judgementKeys.length}`, placeholder: `The grade for ${judgementWords(key)}` },
    );
    if (grade === undefined) return undefined;
    judgements.push({ key, grade });
  }
  return { authority: authority.trim(), framework, inspectionType: inspectionType.trim(), published: read.date, judgements };
}

/** Runs the command; resolves with the new document, or undefined when cancelled. */
export async function newPlan(server: PlanServer, prompts: Prompts): Promise<vscode.TextDocument | undefined> {
  const answers = await askNewPlanQuestions(server, prompts);
  if (!answers) return undefined;
  const written = await server.command<{ text: string } | Problem>(SERVER_COMMANDS.newPlanText, answers);
  if ('message' in written) {
    inform(written.message);
    return undefined;
  }
  return openUntitledPlan(written.text, answers.authority);
}

/** Opens `text` as a new untitled plan named after the council; nothing on disk is touched until it is saved. */
export async function openUntitledPlan(text: string, authority: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(await untitledUri(authority));
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), text));
  if (document.languageId !== LANGUAGE_ID) await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
  editor.selection = new vscode.Selection(0, 0, 0, 0);
  return document;
}

/** An untitled document named after the council, in the first workspace folder, not yet used. */
async function untitledUri(authority: string): Promise<vscode.Uri> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const slug = authority
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const base = slug === '' ? 'improvement-plan' : `${slug}-improvement-plan`;
  for (let n = 1; ; n++) {
    const name = `${base}${n === 1 ? '' : `-${n}`}.plan.md`;
    const file = folder ? vscode.Uri.joinPath(folder, name) : vscode.Uri.file(`/${name}`);
    const untitled = folder ? file.with({ scheme: 'untitled' }) : vscode.Uri.from({ scheme: 'untitled', path: name });
    const taken = vscode.workspace.textDocuments.some((d) => d.uri.toString() === untitled.toString() || d.uri.toString() === file.toString());
    if (!taken && !(folder && (await exists(file)))) return untitled;
  }
}

/** Whether a file exists in VS Code's file system (any scheme it can read). */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
