/**
 * Long work in steps. Parsing and linting are generators that yield between pieces of work, so
 * that the server can pause them to answer other messages and drop them when the document has
 * changed (server/src/lsp/cooperative.ts). Everyone else runs them straight through.
 */
export type Steps<T> = Generator<void, T, void>;

export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
