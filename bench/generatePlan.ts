/** Synthetic plans for the benchmark: realistic fields, real-looking wording, any size. */

const THEMES = [
  ['Management oversight', 'supervision', 'Head of Service, Quality Assurance'],
  ['Case file audit', 'audit', 'Principal Social Worker'],
  ['Return home interviews', 'return home interviews', 'Head of Safeguarding'],
  ["Care leavers' entitlements", 'pathway plans', 'Head of Service for Care Leavers'],
  ['Placement sufficiency', 'sufficiency', 'Head of Commissioning'],
  ['Permanence tracking', 'permanence', 'Head of Service, Children in Care'],
  ['Thresholds and the front door', 'MASH thresholds', 'Head of Early Help'],
  ['Life story work', 'life story work', 'Head of Service, Children in Care'],
  ['Workforce and caseloads', 'recruitment', 'Head of Workforce Development'],
  ['Independent visitors', 'independent visitors', 'Head of Participation'],
  ['Corporate parenting', 'corporate parenting', "Director of Children's Services"],
  ['Management information', 'performance reports', 'Head of Business Intelligence'],
  ['Exploitation', 'exploitation risk assessments', 'Head of Safeguarding'],
] as const;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const STATUSES = ['Not started', 'Red', 'Amber', 'Green', 'Blue'];

export function generatePlan(actionCount: number, recommendationCount = 13): string {
  const lines = [
    '---',
    'title: Children\'s Services Improvement Plan (benchmark)',
    'authority: Example Council',
    'inspection:',
    '  framework: ILACS',
    '  type: standard inspection',
    '  published: 2025-06-28',
    'period:',
    '  start: 2025-07-01',
    '  end: 2027-06-30',
    'as-of: 2025-11-01',
    '---',
    '',
    '# Improvement plan',
    '',
  ];
  for (let r = 0; r < recommendationCount; r++) {
    const [title, topic, owner] = THEMES[r % THEMES.length]!;
    lines.push(`## R${r + 1} ${title}`, '', `The quality and consistency of ${topic} for children and families.`, '');
    const perRecommendation = Math.floor(actionCount / recommendationCount) + (r < actionCount % recommendationCount ? 1 : 0);
    for (let a = 0; a < perRecommendation; a++) {
      const month = MONTHS[(r + a) % 12]!;
      const year = 2026;
      const status = STATUSES[(r * 7 + a) % STATUSES.length]!;
      lines.push(
        `### A${r + 1}.${a + 1} Run ${topic} workshops for ${10 + (a % 40)} team managers in ${month}`,
        '',
        `Each workshop covers ${topic} standards and the findings of the last audit.`,
        '',
        // Leads vary, as in a real plan of this size, so that no one carries too many actions a month.
        `- Owner: ${a % 8 === 0 ? owner : `Team Manager ${(a % 30) + 1}, ${title}`}`,
        `- Start: 1 ${MONTHS[(r + a + 11) % 12]} 2025`,
        `- Due: ${a % 3 === 0 ? `28 ${month} ${year}` : a % 3 === 1 ? `${month} ${year}` : `Q3 2026/27`}`,
        `- Measure: ${80 + (a % 20)}% of audited cases meet the ${topic} standard, checked by a monthly audit of 20 files`,
        `- Status: ${status}`,
        ...(status === 'Blue' ? [`- Evidence: [audit report](https://example.org/audit/${r}-${a})`] : []),
        ...(a % 5 === 0 ? ['- Milestones:', `  - 1 ${month} ${year - 1}: workshop plan agreed`, `  - 15 ${month} ${year - 1}: first workshop held`] : []),
        '',
      );
    }
  }
  return lines.join('\n');
}
