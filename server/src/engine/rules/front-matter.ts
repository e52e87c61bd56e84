import type { Rule } from './types.js';

export const frontMatter: Rule = {
  code: 'front-matter',
  defaultSeverity: 'error',
  summary: 'The front matter does not parse, or names an unknown framework, grade, judgement or date.',
  *check({ plan, analysis }) {
    const problems = [...(plan.frontMatter?.problems ?? []), ...(analysis.externalProblem ? [analysis.externalProblem] : [])];
    for (const problem of problems) {
      yield problem.maxSeverity
        ? { message: problem.message, range: problem.range, maxSeverity: problem.maxSeverity }
        : { message: problem.message, range: problem.range };
    }
  },
};
