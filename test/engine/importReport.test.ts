/** Importing Ofsted reports: real report texts from test/fixtures/reports → facts, recommendations, plan skeleton. */
import assert from 'node:assert/strict';
import { lintText, parsePlan } from '../../server/src/engine/index.js';
import { importPlan, importReport, titleOf, type ImportedReport } from '../../server/src/engine/import/index.js';
import { reportLines } from '../../server/src/engine/import/layout.js';
import { layoutText } from '../../server/src/engine/import/pdfLayout.js';
import { comparableText, joinLines } from '../../server/src/engine/import/recommendations.js';
import { markdownText } from '../../server/src/engine/newPlan.js';
import { expectedTexts, labelsOf, REPORT_FILES, reportFile, reportText } from '../fixtures/reports.js';

function imported(file: string): ImportedReport {
  const result = importReport(reportText(file));
  assert.ok('report' in result, `${file}: ${'problem' in result ? result.problem : ''}`);
  return result.report;
}

const councilTexts = (report: ImportedReport): string[] => report.recommendations.filter((r) => r.body === 'local authority').map((r) => comparableText(r.text));

describe('importing a report', () => {
  describe('ILACS from January 2023 (Leicester, January 2025)', () => {
    const file = reportFile('80482_leicester_children-s_services_inspection_-_29_january_2025');
    const report = imported(file);

    it('reads the framework, council, inspection dates and five judgements with their grades', () => {
      assert.equal(report.framework, 'ILACS');
      assert.equal(report.authority, 'Leicester City Council');
      assert.deepEqual(report.inspected, { first: '2024-09-23', last: '2024-09-27', days: 5 });
      assert.equal(report.inspectionType, 'short inspection');
      assert.equal(report.published, undefined, 'ILACS reports do not print their publication date');
      const ri = 'requires improvement to be good';
      assert.deepEqual(report.judgements, [
        { key: 'leaders', grade: ri },
        { key: 'help-and-protection', grade: ri },
        { key: 'children-in-care', grade: ri },
        { key: 'care-leavers', grade: ri },
        { key: 'overall-effectiveness', grade: ri },
      ]);
    });

    it('finds the "What needs to improve?" list word for word, as R1 to R5', () => {
      assert.deepEqual(report.recommendations.map((r) => r.id), ['R1', 'R2', 'R3', 'R4', 'R5']);
      assert.deepEqual(report.recommendations.map((r) => r.kind), labelsOf(file).map((label) => label.kind));
      assert.deepEqual(councilTexts(report), labelsOf(file).map((label) => comparableText(label.text)));
    });
  });

  describe('ILACS 2018 to 2022', () => {
    it('Calderdale (2018): Wingdings bullets, a grade that wraps beside its label, children in care with care leavers', () => {
      const file = reportFile('80444_calderdale');
      const report = imported(file);
      assert.equal(report.authority, 'Calderdale Metropolitan Borough Council');
      assert.equal(report.inspectionType, 'standard inspection');
      assert.deepEqual(report.judgements, [
        { key: 'leaders', grade: 'good' },
        { key: 'help-and-protection', grade: 'requires improvement to be good' },
        { key: 'children-in-care', grade: 'outstanding' },
        { key: 'overall-effectiveness', grade: 'good' },
      ]);
      // The labels ran the three bullets into one; see label-corrections.json.
      assert.deepEqual(councilTexts(report), expectedTexts(file).map(comparableText));
      assert.equal(report.recommendations.length, 3);
    });

    it('Derbyshire (2019): a list across a page break, and a grade printed above and below its label', () => {
      const file = reportFile('80460_derbyshire');
      const report = imported(file);
      assert.deepEqual(councilTexts(report), expectedTexts(file).map(comparableText));
      assert.equal(report.recommendations.length, 5);
      assert.deepEqual(report.judgements.at(-1), { key: 'overall-effectiveness', grade: 'requires improvement to be good' });
      // Two separate weeks on site, 7 days in all.
      assert.equal(report.inspected?.days, 7);
    });

    it('Manchester (2022): an item with sub-bullets keeps them in its text', () => {
      const report = imported(reportFile('80521_manchester'));
      assert.match(report.recommendations[0]!.text, /to demonstrate: - an understanding of the impact .+; - communication .+; - the ambition for disabled children to achieve to their potential\.$/);
      assert.equal(report.recommendations.length, 4);
    });
  });

  describe('SIF (Buckinghamshire, 2014)', () => {
    const file = reportFile('80442_buckinghamshire');
    const report = imported(file);

    it('reads the publication date and the seven judgements, the LSCB included', () => {
      assert.equal(report.framework, 'SIF');
      assert.equal(report.inspectionType, 'single inspection');
      assert.equal(report.published, '2014-08-08');
      assert.deepEqual(
        report.judgements.map((j) => `${j.key}: ${j.grade}`),
        [
          'help-and-protection: inadequate',
          'children-in-care: inadequate',
          'adoption: requires improvement to be good',
          'care-leavers: requires improvement to be good',
          'leaders: inadequate',
          'overall-effectiveness: inadequate',
          'lscb: inadequate',
        ],
      );
    });

    it('keeps the paragraph numbers: priority and immediate actions are P, areas for improvement R', () => {
      const council = report.recommendations.filter((r) => r.body === 'local authority');
      assert.deepEqual(council.map((r) => r.id), [...Array.from({ length: 15 }, (_, i) => `P${12 + i}`), ...Array.from({ length: 18 }, (_, i) => `R${27 + i}`)]);
      assert.deepEqual(council.map((r) => r.kind), labelsOf(file).map((label) => label.kind));
      assert.deepEqual(councilTexts(report), labelsOf(file).map((label) => comparableText(label.text)));
    });

    it("marks the LSCB review's recommendations as the board's", () => {
      const board = report.recommendations.filter((r) => r.body === 'LSCB');
      assert.deepEqual(board.map((r) => r.id), ['P147', 'P148', 'P149', 'P150', 'P151', 'P152', 'R153', 'R154', 'R155', 'R156']);
    });
  });

  it('SIF with subheadings in the list and a "no priority actions" line (Bexley, Enfield)', () => {
    for (const prefix of ['80488_bexley', '80494_enfield', '80538_plymouth_children-s_services_inspection_-_06']) {
      const file = reportFile(prefix);
      assert.deepEqual(councilTexts(imported(file)), labelsOf(file).map((label) => comparableText(label.text)), file);
    }
  });

  it('a focused visit letter: areas for priority action become P1, P2', () => {
    // A short letter in the layout of Ofsted's focused visit letters (none is among the fixtures).
    const letter = [
      'Focused visit to Example Council children’s services',
      '',
      'Areas for priority action',
      '',
      '◼ The timeliness of strategy meetings when children are at risk of',
      '  significant harm.',
      '◼ Management oversight of children’s plans.',
      '',
      'Areas for improvement',
      '',
      '◼ The quality of return home interviews.',
      '',
      'Yours sincerely',
    ].join('\n');
    const result = importReport(letter);
    assert.ok('report' in result);
    assert.equal(result.report.framework, 'focused visit');
    assert.equal(result.report.authority, 'Example Council');
    assert.deepEqual(
      result.report.recommendations.map((r) => `${r.id} ${r.kind}: ${r.text}`),
      [
        'P1 area for priority action: The timeliness of strategy meetings when children are at risk of significant harm.',
        'P2 area for priority action: Management oversight of children’s plans.',
        'R1 area for improvement: The quality of return home interviews.',
      ],
    );
  });

  it('finds every labelled recommendation in every fixture, and nothing else (after the label corrections)', () => {
    for (const file of REPORT_FILES) {
      assert.deepEqual(councilTexts(imported(file)).sort(), expectedTexts(file).map(comparableText).sort(), file);
    }
  });

  it('reads the framework and a full set of grades from every fixture', () => {
    for (const file of REPORT_FILES) {
      const report = imported(file);
      assert.equal(report.framework, labelsOf(file)[0]!.framework, file);
      const keys = report.judgements.map((j) => j.key);
      assert.ok(keys.includes('leaders') && keys.includes('help-and-protection') && keys.includes('children-in-care'), `${file}: ${keys.join(', ')}`);
    }
  });
});

describe('the imported plan skeleton', () => {
  it('lints with no front-matter problem, and reads back the recommendations word for word, for every fixture', () => {
    for (const file of REPORT_FILES) {
      for (const published of [undefined, '2025-01-29']) {
        const result = importPlan(reportText(file), { published });
        assert.ok('text' in result, file);
        const { plan, diagnostics } = lintText(result.text, { today: '2025-11-01' });
        assert.deepEqual(diagnostics.filter((d) => d.code === 'front-matter' || d.code === 'duplicate-id'), [], `${file}\n${result.text}`);
        assert.deepEqual(plan.recommendations.map((r) => r.id), result.report.recommendations.map((r) => r.id), file);
        assert.deepEqual(plan.recommendations.map((r) => r.text), result.report.recommendations.map((r) => r.text), file);
        assert.equal(plan.frontMatter?.framework?.value, result.report.framework, file);
        assert.equal(plan.frontMatter?.judgements.length, result.report.judgements.length, file);
      }
    }
  });

  it('writes the front matter the report states, the period after the publication date given, and a heading per recommendation', () => {
    const result = importPlan(reportText(reportFile('2733698_westmorland')), { published: '12 July 2024' });
    assert.ok('text' in result);
    assert.equal(result.published, '2024-07-12');
    assert.ok(
      result.text.startsWith(`---
title: Children's Services Improvement Plan 2024-25
authority: Westmorland and Furness
inspection:
  framework: ILACS
  type: standard inspection
  published: 2024-07-12
  judgements:
    leaders: good
    help-and-protection: good
    children-in-care: good
    care-leavers: requires improvement to be good
    overall-effectiveness: good
period:
  start: 2024-08-01
  end: 2025-07-31
---

# Westmorland and Furness: Children's Services Improvement Plan 2024-25

## R1 The quality of written records about child protection enquiries

The quality of written records about child protection enquiries.

## R2 The quality of child in need, child protection, personal…

The quality of child in need, child protection, personal education and pathway plans.
`),
      result.text,
    );
    assert.equal(result.summary, 'Found 5 recommendations in the ILACS standard inspection report on Westmorland and Furness.');
    assert.deepEqual(result.notes, []);
  });

  it('without a publication date, says so and leaves a hint in the front matter', () => {
    const result = importPlan(reportText(reportFile('80482_leicester_children-s_services_inspection_-_29')));
    assert.ok('text' in result);
    assert.equal(result.published, undefined);
    assert.match(result.text, /\n {2}# published: the report does not give its publication date/);
    assert.ok(!result.text.includes('period:'));
    assert.deepEqual(result.notes, ['The report does not give its publication date: add it to the front matter as inspection.published (this also sets the plan period).']);
  });

  it("puts the LSCB's recommendations under a heading of their own", () => {
    const result = importPlan(reportText(reportFile('80442_buckinghamshire')));
    assert.ok('text' in result);
    assert.match(result.text, /\n## R44 [^\n]+\n\n[^\n]+\n\n# Recommendations for the Local Safeguarding Children Board\n\n## P147 /);
    assert.equal(result.summary, 'Found 22 recommendations and 21 priority actions in the SIF single inspection report on Buckinghamshire County Council.');
  });
});

describe('bad input', () => {
  it('empty text, or white space only', () => {
    for (const text of ['', '  \n\f\n ']) {
      assert.deepEqual(importReport(text), { problem: 'The report is empty: paste the text of an Ofsted report, or choose its .pdf or .txt file.' });
    }
  });

  it('text that is not an Ofsted report', () => {
    const result = importPlan('# Minutes of the board\n\nThe board met on 3 March.\n\n- Item 1: apologies\n');
    assert.ok('problem' in result);
    assert.match(result.problem, /^This does not look like an Ofsted report/);
  });

  it('a publication date that cannot be read', () => {
    const result = importPlan(reportText(reportFile('80482_leicester')), { published: 'soon' });
    assert.deepEqual(result, { problem: 'The publication date "soon" cannot be read. Enter a date, such as 2025-06-28 or 28 June 2025.' });
  });

  it('a report with a list heading and nothing recognisable otherwise still imports; one with no list gets a recommendation to fill in', () => {
    const result = importPlan('What needs to improve?\n\n◼ The quality of plans.\n');
    assert.ok('text' in result);
    assert.deepEqual(result.report.recommendations.map((r) => r.text), ['The quality of plans.']);
    assert.ok(result.notes.some((note) => note.includes('which framework')));

    const noList = importPlan(reportText(reportFile('80482_leicester')).replace(/What needs to improve\?/, 'Summary'));
    assert.ok('text' in noList);
    assert.deepEqual(parsePlan(noList.text).recommendations.map((r) => r.id), ['R1']);
    assert.ok(noList.notes[0]!.startsWith('No "What needs to improve?"'));
  });

  it('binary-looking and hostile text ends quickly with a problem or a plan, never a throw', () => {
    const inputs = ['\u0000\u0001\u0002'.repeat(10_000), '◼'.repeat(100_000), `What needs to improve?\n${'◼ x\n'.repeat(20_000)}`, '1. '.repeat(50_000), `${' '.repeat(100_000)}Grade`];
    for (const input of inputs) {
      const started = Date.now();
      const result = importPlan(input);
      assert.ok('text' in result || 'problem' in result);
      assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
    }
  });
});

describe('report layout', () => {
  it('drops page numbers and running headers and footers, so a list continues across the page break', () => {
    const footer = (page: number) => ['', 'Inspection of Example Council local authority children’s services', `2 to 6 June 2025                                           ${page}`];
    const pages = [
      ['Title page', ...footer(1)],
      ['What needs to improve?', '◼ The quality of plans for', ...footer(2)],
      ['  children in need.', '◼ Supervision.', ...footer(3)],
      ['Next section', ...footer(4)],
    ];
    const lines = reportLines(pages.map((page) => page.join('\n')).join('\n\f'));
    assert.deepEqual(
      lines.map((line) => line.text),
      ['Title page', 'What needs to improve?', '◼ The quality of plans for', '  children in need.', '◼ Supervision.', 'Next section'],
    );
  });

  it('joins a line-end hyphen without a space, except before "and", "or" and "to"', () => {
    assert.equal(joinLines(['the multi-', 'agency team and 16-', 'and 17-year-olds']), 'the multi-agency team and 16- and 17-year-olds');
  });

  it('lays out PDF text items by position: indentation and column gaps as pdftotext prints them', () => {
    const item = (str: string, x: number, y: number) => ({ str, x, y, width: str.length * 5, fontSize: 10 });
    const text = layoutText([
      [item('Judgement', 50, 700), item('Grade', 300, 700), item('Overall effectiveness', 50, 680), item('Good', 300, 680)],
      [item('◼ The quality of', 50, 700), item('plans.', 60, 688)],
    ]);
    assert.equal(text, `Judgement${' '.repeat(41)}Grade\n\nOverall effectiveness${' '.repeat(29)}Good\n\f◼ The quality of\n  plans.`);
  });
});

describe('titles and Markdown', () => {
  it('titles: a short first sentence whole, a long one cut after a word, never on a small word or a comma', () => {
    assert.equal(titleOf('The quality of child in need plans. Second sentence.'), 'The quality of child in need plans');
    assert.equal(titleOf('Arrangements to identify, safeguard and support the most vulnerable children in care and care leavers.'), 'Arrangements to identify, safeguard and support the most…');
    assert.equal(titleOf('Ensure that children’s records are accurate and up to date, including ensuring that records are on the file.'), 'Ensure that children’s records are accurate and up to date…');
    assert.ok(!/\s(?:of|the|to|and)…$/.test(titleOf('The range and accuracy of information used by leaders to evaluate service performance.')));
  });

  it('keeps a recommendation one paragraph: a marker at its start is escaped, everything else kept as printed', () => {
    for (const text of ['Ensure that *all* plans_are_ <b>reviewed</b> [now].', '16- and 17-year-olds who are homeless.']) {
      assert.equal(parsePlan(`## R1 Title\n\n${markdownText(text)}\n`).recommendations[0]!.text, text);
    }
    for (const text of ['1. Ensure plans are reviewed.', '- a list', '# Not a heading', '+ plus', '> quote', '<div>', '```fence']) {
      const [recommendation] = parsePlan(`## R1 Title\n\n${markdownText(text)}\n`).recommendations;
      assert.equal(recommendation!.text.replace('\\', ''), text, text);
    }
  });
});
