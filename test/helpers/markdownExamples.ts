/**
 * Reads the examples out of the documentation, so that docs and tests cannot drift apart
 * (remark-lint's approach): a ```markdown block is an example plan, and a ```text block
 * right after it lists what the engine must report for it.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Code, Root } from 'mdast';

export interface DocExample {
  /** The plan text. */
  source: string;
  /** 1-based line of the example's opening fence in the doc, for failure messages. */
  line: number;
  /** The ```text block that follows, if any. */
  expected: string | undefined;
  /** The `<!-- expect: ... -->` comment that follows, if any. */
  expectComment: string | undefined;
}

export function readExamples(markdown: string): DocExample[] {
  const tree = unified().use(remarkParse).parse(markdown) as Root;
  const examples: DocExample[] = [];
  tree.children.forEach((node, index) => {
    if (node.type !== 'code' || node.lang !== 'markdown') return;
    const next = tree.children[index + 1];
    const expected = next?.type === 'code' && (next as Code).lang === 'text' ? (next as Code).value : undefined;
    const comment = next?.type === 'html' ? /^<!--\s*expect:\s*([\s\S]*?)\s*-->$/.exec(next.value)?.[1] : undefined;
    examples.push({ source: node.value + '\n', line: node.position!.start.line, expected, expectComment: comment });
  });
  return examples;
}
