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

/** Each question resolves to undefined when the user presses Escape. */
export interface Prompter {
  pick<T>(choices: readonly Choice<T>[], options: PickOptions): Promise<T | undefined>;
  input(options: InputOptions): Promise<string | undefined>;
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
};

/** The prompter in use: the window's, unless a test has put its own in place. */
export class Prompts {
  current: Prompter = windowPrompter;

  use(prompter: Prompter | undefined): void {
    this.current = prompter ?? windowPrompter;
  }
}
