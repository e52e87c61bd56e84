import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as onigurumaModule from 'vscode-oniguruma';
import * as textmateModule from 'vscode-textmate';
import type { IGrammar, IRawTheme, ITokenizeLineResult2, Registry } from 'vscode-textmate';
import { parse as parseYaml } from 'yaml';
import { lintText } from '../../server/src/engine/index.js';

/** Both packages are CommonJS bundles: their exports sit on `default` when loaded as ESM and at the top when required. */
function commonJs<T extends object>(namespace: T): T {
  return (namespace as { default?: T }).default ?? namespace;
}
const vsctm = commonJs(textmateModule);
const oniguruma = commonJs(onigurumaModule);

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PLAN_SCOPE = 'text.html.markdown.improvement-plan';
const grammarPath = join(root, 'syntaxes', 'improvement-plan.tmLanguage.json');

const SCOPE = {
  recommendationId: 'support.class.recommendation-id.improvement-plan',
  actionId: 'entity.name.function.action-id.improvement-plan',
  heading: 'markup.heading.markdown',
  section: 'entity.name.section.markdown',
  fieldKey: 'support.type.property-name.field.improvement-plan',
  reference: 'constant.other.reference.improvement-plan',
  frontMatter: 'meta.embedded.block.frontmatter',
  comment: 'comment.block.html',
  ignoreKeyword: 'keyword.control.directive.plan-ignore.improvement-plan',
  ruleCode: 'constant.other.rule-code.improvement-plan',
  rag: {
    red: 'markup.deleted.rag.red.improvement-plan',
    amber: 'markup.changed.rag.amber.improvement-plan',
    green: 'markup.inserted.rag.green.improvement-plan',
    complete: 'support.function.rag.complete.improvement-plan',
    notStarted: 'comment.rag.not-started.improvement-plan',
  },
} as const;

const DATE_SCOPES = {
  iso: 'constant.numeric.date.iso.improvement-plan',
  uk: 'constant.numeric.date.uk.improvement-plan',
  long: 'constant.numeric.date.long.improvement-plan',
  quarter: 'constant.numeric.date.quarter.improvement-plan',
  financialYear: 'constant.numeric.date.financial-year.improvement-plan',
} as const;

const grammarFiles: Record<string, string> = {
  [PLAN_SCOPE]: grammarPath,
  'text.html.markdown': require.resolve('tm-grammars/grammars/markdown.json'),
  'source.yaml': require.resolve('tm-grammars/grammars/yaml.json'),
  'text.html.derivative': require.resolve('tm-grammars/grammars/html-derivative.json'),
  'text.html.basic': require.resolve('tm-grammars/grammars/html.json'),
};

interface Token {
  text: string;
  start: number;
  end: number;
  scopes: string[];
}

let registry: Registry;
let grammar: IGrammar;

before(async () => {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) => {
      const file = grammarFiles[scopeName];
      return file ? vsctm.parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
    },
  });
  const loaded = await registry.loadGrammarWithEmbeddedLanguages(PLAN_SCOPE, 1, {
    'meta.embedded.block.frontmatter': 2,
  });
  assert.ok(loaded, 'the improvement-plan grammar loads');
  grammar = loaded;
});

function tokenize(text: string): Token[][] {
  let state = vsctm.INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({
      text: line.slice(t.startIndex, t.endIndex),
      start: t.startIndex,
      end: t.endIndex,
      scopes: t.scopes,
    }));
  });
}

function lineIndex(lines: string[], startsWith: string): number {
  const index = lines.findIndex((l) => l.startsWith(startsWith));
  assert.notEqual(index, -1, `sample has a line starting ${JSON.stringify(startsWith)}`);
  return index;
}

/** The one token that covers exactly `substring` on the line that starts with `lineStart`. */
function tokenFor(doc: string[], tokens: Token[][], lineStart: string, substring: string, occurrence = 0): Token {
  const row = lineIndex(doc, lineStart);
  const line = doc[row]!;
  let start = -1;
  for (let n = 0; n <= occurrence; n++) {
    start = line.indexOf(substring, start + 1);
    assert.notEqual(start, -1, `${JSON.stringify(line)} contains ${JSON.stringify(substring)}`);
  }
  const token = tokens[row]!.find((t) => t.start === start && t.end === start + substring.length);
  assert.ok(
    token,
    `${JSON.stringify(substring)} is one token on ${JSON.stringify(line)}; tokens were ${JSON.stringify(
      tokens[row]!.map((t) => t.text),
    )}`,
  );
  return token;
}

function innermost(token: Token): string {
  return token.scopes[token.scopes.length - 1]!;
}

function scopesOnLine(doc: string[], tokens: Token[][], lineStart: string): string[] {
  return tokens[lineIndex(doc, lineStart)]!.flatMap((t) => t.scopes);
}

const SAMPLE = [
  '---',
  'title: Children\'s Services Improvement Plan 2025-26',
  'inspection:',
  '  framework: ILACS',
  '  published: 2025-06-28',
  '---',
  '',
  '# Example Council improvement plan',
  '',
  '## R1 Management information',
  '',
  'Ensure that managers at all levels use management information effectively.',
  '',
  '## P2: Early help',
  '## Recommendation 3 - Care leavers',
  '## Priority action 1 \u2013 Strategy meetings',
  '',
  '<!-- plan-ignore smart-achievable, overdue -->',
  '### A1.1 Run monthly performance clinics for every team manager',
  '',
  '- Owner: Head of Service, Quality Assurance',
  '- **Due:** 31 March 2026',
  '- **Measure**: every team manager attends at least 2 clinics a quarter',
  '  by 31/03/2026 and again in Q3 2026/27',
  '- status: Amber',
  '- Links: R1, R4, Recommendation 3 and P2',
  '- Start: 2025-09-01',
  '- Progress:',
  '  - 2025-10-01 (Red): first clinic cancelled',
  '- Note: a custom column',
  '',
  '### A2 \u2014 Publish the refreshed local offer',
  '#### Action 1.2. Appoint a practice lead',
  '- Lead officer: Principal Social Worker',
  '- Target date: end of March 2026',
  '- Timescale: March 2026',
  '- RAG: Green',
  '- Status: Not started',
  '- Progress status: Blue',
  '- **Status:** Complete',
  '- Status: Red',
  '- RAG status: Green - on track',
  '- Due date: Q3 FY2025/26',
  '- Deadline: end of the financial year 2025/26',
  '',
  '## R1.2 is not an ID',
  '## Risks and issues',
  '### A1b is not an ID',
  '',
  '```',
  '## R9 inside a code block',
  '```',
  '',
  '---',
  '',
];
const SAMPLE_TEXT = SAMPLE.join('\n');

describe('improvement-plan TextMate grammar', () => {
  let tokens: Token[][];
  before(() => {
    tokens = tokenize(SAMPLE_TEXT);
  });
  const at = (lineStart: string, substring: string, occurrence = 0) =>
    tokenFor(SAMPLE, tokens, lineStart, substring, occurrence);

  describe('grammar file', () => {
    it('has the scope name and embeds Markdown after its own rules', () => {
      const raw = JSON.parse(readFileSync(grammarPath, 'utf8')) as {
        scopeName: string;
        patterns: { include: string }[];
      };
      assert.equal(raw.scopeName, PLAN_SCOPE);
      assert.equal(raw.patterns[raw.patterns.length - 1]!.include, 'text.html.markdown');
      assert.equal(raw.patterns[0]!.include, '#front-matter');
    });
  });

  describe('front matter', () => {
    it('marks the opening and closing fences', () => {
      assert.equal(innermost(tokens[0]![0]!), 'punctuation.definition.begin.frontmatter');
      assert.equal(tokens[0]![0]!.text, '---');
      assert.equal(innermost(tokens[5]![0]!), 'punctuation.definition.end.frontmatter');
    });

    it('embeds YAML with the content scope meta.embedded.block.frontmatter', () => {
      const keyToken = tokens[3]!.find((t) => t.start <= 2 && t.end > 2)!;
      assert.ok(keyToken.scopes.includes(SCOPE.frontMatter));
      assert.ok(keyToken.scopes.includes('entity.name.tag.yaml'), keyToken.scopes.join(' '));
      const value = tokens[3]!.find((t) => t.text.includes('LACS'))!;
      assert.ok(value.scopes.includes(SCOPE.frontMatter));
      assert.ok(value.scopes.some((s) => s.endsWith('.yaml')));
    });

    it('ends at the closing fence: the heading after it is Markdown again', () => {
      assert.ok(!scopesOnLine(SAMPLE, tokens, '# Example').includes(SCOPE.frontMatter));
      assert.equal(innermost(at('# Example', 'Example Council improvement plan')), SCOPE.section);
    });

    it('is only recognised at the very start of the file', () => {
      const row = SAMPLE.lastIndexOf('---');
      assert.ok(!tokens[row]!.flatMap((t) => t.scopes).includes(SCOPE.frontMatter));
      const lateTokens = tokenize('# Title\n---\ntitle: x\n---\n');
      assert.ok(!lateTokens.flat().some((t) => t.scopes.includes(SCOPE.frontMatter)));
    });
  });

  describe('recommendation headings', () => {
    for (const [line, id] of [
      ['## R1 ', 'R1'],
      ['## P2:', 'P2'],
      ['## Recommendation 3', 'Recommendation 3'],
      ['## Priority action 1', 'Priority action 1'],
    ] as const) {
      it(`scopes the ID "${id}" and keeps the heading a Markdown heading`, () => {
        const token = at(line, id);
        assert.equal(innermost(token), SCOPE.recommendationId);
        assert.ok(token.scopes.includes(SCOPE.heading));
        assert.ok(token.scopes.includes(SCOPE.section));
        assert.ok(token.scopes.includes('heading.2.markdown'));
      });
    }

    it('keeps the title as entity.name.section.markdown', () => {
      const token = at('## R1 ', 'Management information');
      assert.equal(innermost(token), SCOPE.section);
      assert.ok(token.scopes.includes(SCOPE.heading));
    });

    it('scopes separators after the ID', () => {
      assert.equal(innermost(at('## P2:', ':')), 'punctuation.separator.id.improvement-plan');
      assert.equal(innermost(at('## Recommendation 3', '-')), 'punctuation.separator.id.improvement-plan');
      assert.equal(innermost(at('## Priority action 1', '\u2013')), 'punctuation.separator.id.improvement-plan');
      assert.equal(innermost(at('## Priority action 1', 'Strategy meetings')), SCOPE.section);
    });
  });

  describe('action headings', () => {
    for (const [line, id, level] of [
      ['### A1.1', 'A1.1', 3],
      ['### A2 ', 'A2', 3],
      ['#### Action 1.2', 'Action 1.2', 4],
    ] as const) {
      it(`scopes the ID "${id}"`, () => {
        const token = at(line, id);
        assert.equal(innermost(token), SCOPE.actionId);
        assert.ok(token.scopes.includes(SCOPE.heading));
        assert.ok(token.scopes.includes(`heading.${level}.markdown`));
      });
    }

    it('keeps the action statement as the section name', () => {
      assert.equal(innermost(at('### A1.1', 'Run monthly performance clinics for every team manager')), SCOPE.section);
      assert.equal(innermost(at('### A2 ', '\u2014')), 'punctuation.separator.id.improvement-plan');
      assert.equal(innermost(at('#### Action 1.2', '.', 1)), 'punctuation.separator.id.improvement-plan');
    });

    it('leaves headings that do not start with an ID to Markdown', () => {
      for (const line of ['## R1.2 is not an ID', '## Risks and issues', '### A1b is not an ID']) {
        const scopes = scopesOnLine(SAMPLE, tokens, line);
        assert.ok(scopes.includes(SCOPE.heading), line);
        assert.ok(!scopes.includes(SCOPE.recommendationId), line);
        assert.ok(!scopes.includes(SCOPE.actionId), line);
      }
    });

    it('does not look inside fenced code', () => {
      const scopes = scopesOnLine(SAMPLE, tokens, '## R9 inside');
      assert.ok(scopes.includes('markup.fenced_code.block.markdown'));
      assert.ok(!scopes.includes(SCOPE.recommendationId));
    });
  });

  describe('fields', () => {
    for (const [line, key] of [
      ['- Owner:', 'Owner'],
      ['- **Due:**', 'Due'],
      ['- **Measure**:', 'Measure'],
      ['- status:', 'status'],
      ['- Links:', 'Links'],
      ['- Start:', 'Start'],
      ['- Progress:', 'Progress'],
      ['- Lead officer:', 'Lead officer'],
      ['- Target date:', 'Target date'],
      ['- Timescale:', 'Timescale'],
      ['- RAG:', 'RAG'],
      ['- Progress status:', 'Progress status'],
      ['- **Status:**', 'Status'],
      ['- RAG status:', 'RAG status'],
      ['- Due date:', 'Due date'],
      ['- Deadline:', 'Deadline'],
    ] as const) {
      it(`scopes the key in "${line}"`, () => {
        assert.equal(innermost(at(line, key)), SCOPE.fieldKey);
      });
    }

    it('scopes the bold markers and the colon', () => {
      assert.equal(innermost(at('- **Due:**', '**')), 'punctuation.definition.bold.markdown');
      assert.equal(innermost(at('- **Due:**', ':')), 'punctuation.separator.key-value.improvement-plan');
      assert.equal(innermost(at('- Owner:', '-')), 'punctuation.definition.list.begin.markdown');
    });

    it('leaves custom keys to Markdown', () => {
      const scopes = scopesOnLine(SAMPLE, tokens, '- Note:');
      assert.ok(scopes.includes('markup.list.unnumbered.markdown'));
      assert.ok(!scopes.includes(SCOPE.fieldKey));
    });

    it('carries a value over to an indented continuation line', () => {
      const token = at('  by 31/03', '31/03/2026');
      assert.ok(token.scopes.includes('meta.field.measure.improvement-plan'));
    });
  });

  describe('values', () => {
    it('scopes dates in every supported format', () => {
      assert.equal(innermost(at('- **Due:**', '31 March 2026')), DATE_SCOPES.long);
      assert.equal(innermost(at('  by 31/03', '31/03/2026')), DATE_SCOPES.uk);
      assert.equal(innermost(at('  by 31/03', 'Q3 2026/27')), DATE_SCOPES.quarter);
      assert.equal(innermost(at('- Start:', '2025-09-01')), DATE_SCOPES.iso);
      assert.equal(innermost(at('- Target date:', 'end of March 2026')), DATE_SCOPES.long);
      assert.equal(innermost(at('- Timescale:', 'March 2026')), DATE_SCOPES.long);
      assert.equal(innermost(at('  - 2025-10-01', '2025-10-01')), DATE_SCOPES.iso);
      assert.equal(innermost(at('- Due date:', 'Q3 FY2025/26')), DATE_SCOPES.quarter);
      assert.equal(innermost(at('- Deadline:', 'end of the financial year 2025/26')), DATE_SCOPES.financialYear);
      for (const scope of Object.values(DATE_SCOPES)) assert.ok(scope.startsWith('constant.numeric.date.'));
    });

    it('scopes each RAG value with its own scope', () => {
      assert.equal(innermost(at('- status:', 'Amber')), SCOPE.rag.amber);
      assert.equal(innermost(at('- RAG:', 'Green')), SCOPE.rag.green);
      assert.equal(innermost(at('- Status: Not', 'Not started')), SCOPE.rag.notStarted);
      assert.equal(innermost(at('- Progress status:', 'Blue')), SCOPE.rag.complete);
      assert.equal(innermost(at('- **Status:**', 'Complete')), SCOPE.rag.complete);
      assert.equal(innermost(at('- Status: Red', 'Red')), SCOPE.rag.red);
      assert.equal(innermost(at('  - 2025-10-01', 'Red')), SCOPE.rag.red);
      assert.equal(innermost(at('- RAG status:', 'Green')), SCOPE.rag.green);
      assert.equal(new Set(Object.values(SCOPE.rag)).size, 5);
    });

    it('does not treat RAG words outside Status as status values', () => {
      const row = lineIndex(SAMPLE, '## R1 ');
      assert.ok(!tokens[row]!.some((t) => Object.values(SCOPE.rag).some((s) => t.scopes.includes(s))));
      const owner = tokenize('- Owner: Mr Green');
      assert.ok(!owner.flat().some((t) => t.scopes.includes(SCOPE.rag.green)));
      const notAStatus = tokenize('- Status: Green on track, was Red');
      assert.ok(!notAStatus.flat().some((t) => Object.values(SCOPE.rag).some((s) => t.scopes.includes(s))));
    });

    it('scopes recommendation IDs in Links', () => {
      for (const [id, occurrence] of [
        ['R1', 0],
        ['R4', 0],
        ['Recommendation 3', 0],
        ['P2', 0],
      ] as const) {
        const token = at('- Links:', id, occurrence);
        assert.equal(innermost(token), SCOPE.reference, id);
        assert.ok(token.scopes.includes('meta.field.links.improvement-plan'));
      }
      assert.equal(innermost(at('- Links:', ', ')), 'meta.field.value.improvement-plan');
    });
  });

  describe('plan-ignore comments', () => {
    it('is an HTML block comment with the keyword and codes scoped', () => {
      const keyword = at('<!-- plan-ignore', 'plan-ignore');
      assert.equal(innermost(keyword), SCOPE.ignoreKeyword);
      assert.ok(keyword.scopes.includes(SCOPE.comment));
      assert.equal(innermost(at('<!-- plan-ignore', 'smart-achievable')), SCOPE.ruleCode);
      assert.equal(innermost(at('<!-- plan-ignore', 'overdue')), SCOPE.ruleCode);
      assert.equal(innermost(at('<!-- plan-ignore', '<!--')), 'punctuation.definition.comment.html');
      assert.equal(innermost(at('<!-- plan-ignore', '-->')), 'punctuation.definition.comment.html');
    });

    it('leaves other comments to Markdown', () => {
      const other = tokenize('<!-- a note for the board -->');
      assert.ok(other.flat().some((t) => t.scopes.includes(SCOPE.comment)));
      assert.ok(!other.flat().some((t) => t.scopes.includes(SCOPE.ignoreKeyword)));
    });
  });

  describe('embedded languages', () => {
    it('gives front matter tokens the YAML language and the rest the plan language', () => {
      let state = vsctm.INITIAL;
      const languages: number[][] = [];
      for (const line of SAMPLE.slice(0, 10)) {
        const result = grammar.tokenizeLine2(line, state);
        state = result.ruleStack;
        const ids: number[] = [];
        for (let i = 1; i < result.tokens.length; i += 2) ids.push(result.tokens[i]! & 0xff);
        languages.push(ids);
      }
      assert.ok(languages[3]!.includes(2), 'front matter content is YAML');
      assert.ok(languages[9]!.every((id) => id === 1), 'headings are the plan language');
    });
  });

  describe('colours in common themes', () => {
    const themes = ['dark-plus', 'light-plus', 'github-dark', 'github-light', 'monokai', 'solarized-light'];
    const colourFor = (themeName: string, lineStart: string, substring: string, occurrence = 0) => {
      const raw = JSON.parse(readFileSync(require.resolve(`tm-themes/themes/${themeName}.json`), 'utf8')) as {
        colors?: Record<string, string>;
        tokenColors: IRawTheme['settings'];
      };
      registry.setTheme({
        name: themeName,
        settings: [
          { settings: { foreground: raw.colors?.['editor.foreground'], background: raw.colors?.['editor.background'] } },
          ...raw.tokenColors,
        ],
      });
      const row = lineIndex(SAMPLE, lineStart);
      let state = vsctm.INITIAL;
      let result: ITokenizeLineResult2 | undefined;
      for (const line of SAMPLE.slice(0, row + 1)) {
        result = grammar.tokenizeLine2(line, state);
        state = result.ruleStack;
      }
      const line = SAMPLE[row]!;
      let start = -1;
      for (let n = 0; n <= occurrence; n++) start = line.indexOf(substring, start + 1);
      let metadata = 0;
      for (let i = 0; i < result!.tokens.length; i += 2) if (result!.tokens[i]! <= start) metadata = result!.tokens[i + 1]!;
      return registry.getColorMap()[(metadata >>> 15) & 0x1ff]!;
    };
    const plain = (theme: string) => colourFor(theme, 'Ensure that managers', 'managers');

    for (const theme of themes) {
      it(`${theme} colours the IDs, keys, dates, references and RAG values`, () => {
        const base = plain(theme);
        const coloured: [string, string, string][] = [
          ['recommendation ID', '## R1 ', 'R1'],
          ['action ID', '### A1.1', 'A1.1'],
          ['field key', '- Owner:', 'Owner'],
          ['date', '- **Due:**', '31 March 2026'],
          ['Links reference', '- Links:', 'R4'],
          ['plan-ignore keyword', '<!-- plan-ignore', 'plan-ignore'],
        ];
        for (const [what, line, text] of coloured) {
          assert.notEqual(colourFor(theme, line, text).toLowerCase(), base.toLowerCase(), `${theme}: ${what}`);
        }
        const rag = [
          colourFor(theme, '- Status: Red', 'Red'),
          colourFor(theme, '- status:', 'Amber'),
          colourFor(theme, '- RAG:', 'Green'),
          colourFor(theme, '- Progress status:', 'Blue'),
          colourFor(theme, '- Status: Not', 'Not started'),
        ].map((c) => c.toLowerCase());
        assert.ok(!rag.includes(base.toLowerCase()), `${theme}: every RAG value is coloured (${rag.join(' ')})`);
        assert.equal(new Set(rag).size, 5, `${theme}: RAG colours are distinct (${rag.join(' ')})`);
      });
    }

    for (const theme of ['dark-plus', 'light-plus']) {
      it(`${theme} sets the IDs apart from the rest of the heading`, () => {
        const title = colourFor(theme, '## R1 ', 'Management information');
        assert.notEqual(colourFor(theme, '## R1 ', 'R1'), title, `${theme}: recommendation ID`);
        assert.notEqual(colourFor(theme, '### A1.1', 'A1.1'), colourFor(theme, '### A1.1', 'Run monthly'), `${theme}: action ID`);
        assert.notEqual(colourFor(theme, '### A1.1', 'A1.1'), colourFor(theme, '## R1 ', 'R1'), `${theme}: action and recommendation IDs`);
        assert.equal(colourFor(theme, '- Links:', 'R4'), colourFor(theme, '## R1 ', 'R1'), `${theme}: a Links ID looks like the recommendation it names`);
      });
    }
  });
});

describe('language-configuration.json', () => {
  const config = JSON.parse(readFileSync(join(root, 'language-configuration.json'), 'utf8')) as {
    comments: { blockComment: [string, string] };
    brackets: [string, string][];
    autoClosingPairs: { open: string; close: string }[];
    wordPattern: { pattern: string; flags: string };
  };

  it('uses HTML block comments', () => {
    assert.deepEqual(config.comments.blockComment, ['<!--', '-->']);
  });

  it('pairs brackets', () => {
    assert.deepEqual(config.brackets, [
      ['{', '}'],
      ['[', ']'],
      ['(', ')'],
    ]);
    assert.ok(config.autoClosingPairs.some((p) => p.open === '[' && p.close === ']'));
  });

  it('keeps IDs, dates and rule codes as one word', () => {
    const word = new RegExp(config.wordPattern.pattern, `${config.wordPattern.flags}g`);
    assert.deepEqual(
      '### A1.2 Run clinics for R1, Action 1.2 by 2026-03-31 (smart-specific) children\u2019s A10'.match(word),
      ['A1.2', 'Run', 'clinics', 'for', 'R1', 'Action', '1.2', 'by', '2026-03-31', 'smart-specific', 'children\u2019s', 'A10'],
    );
  });
});

const SNIPPET_VARIABLES: Record<string, string> = {
  CURRENT_YEAR: '2025',
  CURRENT_YEAR_SHORT: '25',
  CURRENT_MONTH: '11',
  CURRENT_MONTH_NAME: 'November',
  CURRENT_DATE: '22',
};

/** Expands a VS Code snippet body the way the editor does when every placeholder keeps its default. */
function expandSnippet(body: string): string {
  const tabStops = new Map<string, string>();
  let i = 0;
  const parse = (inPlaceholder: boolean): string => {
    let out = '';
    while (i < body.length) {
      const c = body[i]!;
      if (c === '\\' && i + 1 < body.length && '$}\\,|'.includes(body[i + 1]!)) {
        out += body[i + 1];
        i += 2;
        continue;
      }
      if (inPlaceholder && c === '}') return out;
      if (c !== '$') {
        out += c;
        i++;
        continue;
      }
      const simple = /^\$(\d+|[A-Z_]+)/.exec(body.slice(i));
      if (simple) {
        i += simple[0].length;
        out += resolve(simple[1]!, undefined);
        continue;
      }
      const open = /^\$\{(\d+|[A-Z_]+)/.exec(body.slice(i));
      assert.ok(open, `bad snippet syntax at ${JSON.stringify(body.slice(i, i + 20))}`);
      i += open[0].length;
      const name = open[1]!;
      if (body[i] === '}') {
        i++;
        out += resolve(name, undefined);
      } else if (body[i] === ':') {
        i++;
        const inner = parse(true);
        assert.equal(body[i], '}', `unclosed placeholder ${name}`);
        i++;
        out += resolve(name, inner);
      } else if (body[i] === '|') {
        const end = body.indexOf('|}', i);
        assert.notEqual(end, -1, `unclosed choice ${name}`);
        const choices = body.slice(i + 1, end).split(',');
        i = end + 2;
        out += resolve(name, choices[0]!);
      } else {
        assert.fail(`bad snippet syntax after \${${name}`);
      }
    }
    return out;
  };
  const resolve = (name: string, fallback: string | undefined): string => {
    if (/^\d+$/.test(name)) {
      if (fallback !== undefined && !tabStops.has(name)) tabStops.set(name, fallback);
      return tabStops.get(name) ?? fallback ?? '';
    }
    const value = SNIPPET_VARIABLES[name];
    assert.ok(value !== undefined || fallback !== undefined, `unknown snippet variable ${name}`);
    return value ?? fallback!;
  };
  return parse(false);
}

/** A recommendation the standard action answers: its description says what it achieves. */
const recommendationFor = (snippet: Snippet): string => snippet.description;

interface Snippet {
  prefix: string;
  body: string[];
  description: string;
}

describe('snippets/improvement-plan.json', () => {
  const snippets = JSON.parse(readFileSync(join(root, 'snippets', 'improvement-plan.json'), 'utf8')) as Record<
    string,
    Snippet
  >;
  const byPrefix = new Map(Object.values(snippets).map((s) => [s.prefix, s]));
  const standard = Object.values(snippets).filter((s) => s.prefix.startsWith('action-'));
  const STATUS_CHOICE = '|Not started,Red,Amber,Green,Blue|}';
  const VAGUE_START = /^(improve|ensure|support|strengthen|embed|enhance|promote|continue|explore|consider|review|monitor)\b/i;
  const HEDGES = /\b(where possible|as appropriate|as required|as necessary|if possible|etc\b|continue to|ongoing|tbc|tbd|asap)/i;

  it('has the plan, rec and action snippets', () => {
    for (const prefix of ['plan', 'rec', 'action']) assert.ok(byPrefix.has(prefix), prefix);
    assert.equal(byPrefix.get('rec')!.body[0], '## R${1:1} ${2:Title}');
    assert.equal(byPrefix.get('action')!.body[0], '### A${1:1.1} ${2:Verb and named deliverable}');
  });

  it("has a self-evaluation section with the ILACS framework's three questions, which declares nothing", () => {
    const section = expandSnippet(byPrefix.get('self-evaluation')!.body.join('\n'));
    const questions = section.split('\n').filter((line) => line.startsWith('### ')).map((line) => line.slice(4));
    assert.deepEqual(questions, [
      'What do you know about the quality and impact of social work practice in your local authority?',
      'How do you know it?',
      'What are your plans for the next 12 months to maintain or improve practice?',
    ]);
    const action = expandSnippet(byPrefix.get('action-supervision')!.body.join('\n'));
    const text = `---\nas-of: 2025-11-01\n---\n\n${section}\n\n## R1 Supervision\n\n${recommendationFor(byPrefix.get('action-supervision')!)}\n\n${action}\n`;
    const { plan, diagnostics } = lintText(text);
    assert.deepEqual(plan.recommendations.map((r) => r.id), ['R1']);
    assert.deepEqual(plan.actions.map((a) => a.id), ['A1.1']);
    assert.deepEqual(diagnostics.map((d) => `${d.code}: ${d.message}`), []);
  });

  it('has a standard action for each of the twelve common themes', () => {
    const expected = [
      'action-supervision',
      'action-case-file-audit',
      'action-return-home-interviews',
      'action-pathway-plans',
      'action-sufficiency',
      'action-plo-permanence',
      'action-front-door',
      'action-life-story',
      'action-workforce',
      'action-independent-visitors',
      'action-corporate-parenting',
      'action-management-information',
    ];
    assert.deepEqual(standard.map((s) => s.prefix).sort(), [...expected].sort());
  });

  it('gives every action snippet its fields in the same order', () => {
    const keys = (s: Snippet) => s.body.flatMap((l) => /^- (\w+):/.exec(l)?.slice(1) ?? []);
    assert.deepEqual(keys(byPrefix.get('action')!), ['Owner', 'Due', 'Measure', 'Links', 'Status', 'Start', 'Evidence']);
    for (const s of [...standard, byPrefix.get('plan')!]) assert.deepEqual(keys(s), ['Owner', 'Due', 'Measure', 'Status'], s.prefix);
    for (const s of [...standard, byPrefix.get('action')!, byPrefix.get('plan')!]) {
      assert.ok(s.body.find((l) => l.startsWith('- Status: '))!.endsWith(STATUS_CHOICE), s.prefix);
    }
  });

  for (const prefix of ['action', ...Array.from({ length: 12 }, (_, n) => n)]) {
    it(`expands ${typeof prefix === 'string' ? prefix : `standard action ${prefix + 1}`} into an action the grammar recognises`, () => {
      const snippet = typeof prefix === 'string' ? byPrefix.get(prefix)! : standard[prefix]!;
      const doc = expandSnippet(snippet.body.join('\n')).split('\n');
      const toks = tokenize(doc.join('\n'));
      assert.equal(innermost(tokenFor(doc, toks, '### ', 'A1.1')), SCOPE.actionId, snippet.prefix);
      assert.equal(innermost(tokenFor(doc, toks, '- Owner:', 'Owner')), SCOPE.fieldKey);
      assert.equal(innermost(tokenFor(doc, toks, '- Due:', 'November 2025')), DATE_SCOPES.long);
      assert.equal(innermost(tokenFor(doc, toks, '- Status:', 'Not started')), SCOPE.rag.notStarted);
    });
  }

  for (const [n, snippet] of standard.entries()) {
    it(`standard action ${n + 1} (${snippet.prefix}) is SMART`, () => {
      const heading = snippet.body[0]!;
      const statement = heading.replace(/^### A\$\{1:1\.1\} /, '');
      assert.notEqual(statement, heading, `${snippet.prefix} heading starts with the action ID tab stop`);
      assert.doesNotMatch(statement, VAGUE_START);
      assert.ok(statement.split(/\s+/).length >= 6, `${snippet.prefix} names a deliverable`);
      assert.doesNotMatch(snippet.body.join('\n'), HEDGES);
      const owner = /^- Owner: \$\{2:([^}]+)\}$/.exec(snippet.body.find((l) => l.startsWith('- Owner:'))!);
      assert.ok(owner && owner[1]!.length > 5, `${snippet.prefix} Owner defaults to a role`);
      assert.equal(snippet.body.find((l) => l.startsWith('- Due:')), '- Due: ${3:${CURRENT_MONTH_NAME} ${CURRENT_YEAR}}');
      const measure = /^- Measure: \$\{4:([^}]+)\}$/.exec(snippet.body.find((l) => l.startsWith('- Measure:'))!);
      assert.ok(measure, `${snippet.prefix} Measure is a tab stop`);
      assert.ok((measure[1]!.match(/\d+%?/g) ?? []).length >= 2, `${snippet.prefix} Measure has numbers`);
      assert.equal(snippet.body.find((l) => l.startsWith('- Status:')), `- Status: \${5${STATUS_CHOICE}`);
      assert.ok(snippet.description.length >= 40, `${snippet.prefix} says what it achieves`);
    });

    it(`standard action ${n + 1} (${snippet.prefix}) gets no diagnostics from the engine under a recommendation`, () => {
      const plan = `---\nas-of: 2025-11-01\n---\n\n## R1 Recommendation\n\n${recommendationFor(snippet)}\n\n${expandSnippet(snippet.body.join('\n'))}\n`;
      assert.deepEqual(lintText(plan).diagnostics.map((d) => `${d.code}: ${d.message}`), []);
    });
  }

  it('expands the plan skeleton into valid ILACS front matter', () => {
    const text = expandSnippet(byPrefix.get('plan')!.body.join('\n'));
    const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
    assert.ok(match, 'front matter');
    const front = parseYaml(match[1]!) as {
      title: string;
      inspection: { framework: string; judgements: Record<string, string> };
      period: { start: string; end: string };
    };
    assert.equal(front.inspection.framework, 'ILACS');
    assert.deepEqual(Object.keys(front.inspection.judgements), [
      'leaders',
      'help-and-protection',
      'children-in-care',
      'care-leavers',
      'overall-effectiveness',
    ]);
    for (const grade of Object.values(front.inspection.judgements)) assert.equal(grade, 'good');
    assert.ok(String(front.period.start) < String(front.period.end));
    assert.match(text, /\n# Children's Services Improvement Plan 2025\n/);
    const judgementLines = byPrefix.get('plan')!.body.filter((l) => /^ {4}[a-z-]+: /.test(l));
    for (const line of judgementLines) {
      assert.match(line, /: \$\{\d+\|good,outstanding,requires improvement to be good,inadequate\|\}$/);
    }
    const toks = tokenize(text);
    assert.equal(innermost(toks[0]![0]!), 'punctuation.definition.begin.frontmatter');
    assert.ok(toks.flat().some((t) => innermost(t) === SCOPE.recommendationId && t.text === 'R1'));
  });
});

describe('package.json contributions', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    contributes?: {
      languages?: { id: string; extensions?: string[]; configuration?: string }[];
      grammars?: { language?: string; scopeName: string; path: string; embeddedLanguages?: Record<string, string> }[];
      snippets?: { language: string; path: string }[];
    };
  };

  it('registers the language, grammar and snippets with the files in this repository', () => {
    const language = pkg.contributes!.languages!.find((l) => l.id === 'improvement-plan')!;
    assert.deepEqual(language.extensions, ['.plan.md']);
    assert.equal(language.configuration, './language-configuration.json');
    const contributed = pkg.contributes!.grammars!.find((g) => g.language === 'improvement-plan')!;
    assert.equal(contributed.scopeName, PLAN_SCOPE);
    assert.equal(join(root, contributed.path), grammarPath);
    assert.equal(contributed.embeddedLanguages?.['meta.embedded.block.frontmatter'], 'yaml');
    const snippetFile = pkg.contributes!.snippets!.find((s) => s.language === 'improvement-plan')!;
    assert.equal(join(root, snippetFile.path), join(root, 'snippets', 'improvement-plan.json'));
  });
});
