/**
 * Questions asked through quick picks and input boxes. Commands ask through a `Prompter`, so that
 * the tests can answer (or press Escape) without driving the user interface.
 */
import * as vscode from 'vscode';

export interface Choice<T> extends vscode.QuickPickItem {
  value: T;
}

export interface PickOptions {
  title: string;
  placeholder: string;
}

export interface InputOptions {
  title: string;
  prompt: string;
  placeholder?: string;
  value?: string;
  /** A message saying what is wrong with the text, or undefined when it is acceptable. */
  validate?: (text: string) => Promise<string | undefined>;
}

export interface SaveOptions {
  title: string;
  /** The file proposed; the dialog opens in its folder. */
  defaultUri: vscode.Uri;
  /** File types offered, such as `{ 'Excel workbook': ['xlsx'] }`. */
  filters: Record<string, string[]>;
}

export interface OpenOptions {
  title: string;
  /** File types offered, such as `{ 'Ofsted report': ['pdf', 'txt'] }`. */
  filters: Record<string, string[]>;
}

/** Each question resolves to undefined when the user presses Escape. */
export interface Prompter {
  pick<T>(choices: readonly Choice<T>[], options: PickOptions): Promise<T | undefined>;
  input(options: InputOptions): Promise<string | undefined>;
  /** Where to write a file (a save dialog, which asks before replacing a file). Prompters without it use the window's. */
  saveLocation?(options: SaveOptions): Promise<vscode.Uri | undefined>;
  /** A file to read (an open dialog). Prompters without it use the window's. */
  openLocation?(options: OpenOptions): Promise<vscode.Uri | undefined>;
}

export const windowPrompter: Prompter = {
  async pick(choices, options) {
    const chosen = await vscode.window.showQuickPick(choices, { title: options.title, placeHolder: options.placeholder, ignoreFocusOut: true });
    return chosen?.value;
  },
  async input(options) {
    return vscode.window.showInputBox({
      title: options.title,
      prompt: options.prompt,
      placeHolder: options.placeholder,
      value: options.value,
      ignoreFocusOut: true,
      validateInput: options.validate,
    });
  },
  async saveLocation(options) {
    return vscode.window.showSaveDialog({ title: options.title, defaultUri: options.defaultUri, filters: options.filters, saveLabel: 'Export' });
  },
  async openLocation(options) {
    const chosen = await vscode.window.showOpenDialog({ title: options.title, filters: options.filters, canSelectMany: false, openLabel: 'Import' });
    return chosen?.[0];
  },
};

/** The prompter in use: the window's, unless a test has put its own in place. */
export class Prompts {
  current: Prompter = windowPrompter;

  use(prompter: Prompter | undefined): void {
    this.current = prompter ?? windowPrompter;
  }
}
