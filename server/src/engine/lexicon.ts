/**
 * Words that make an action vague or a measure unobservable, tuned to children's services plans.
 * Phrases are lower case, words separated by one space; they are matched against the words of a
 * statement (server/src/engine/smart/tokens.ts), never inside a word. Documented with examples in
 * docs/rules/smart-specific.md and docs/rules/smart-measurable.md: change both together.
 */

/** Verbs (and verb phrases) that say what should become true rather than what will be done. */
export const VAGUE_VERBS: readonly string[] = [
  'continue to', 'continue', 'work towards', 'work toward', 'seek to', 'aim to', 'endeavour to', 'strive to', 'focus on',
  'improve', 'ensure', 'support', 'strengthen', 'embed', 'enhance', 'promote', 'explore', 'consider',
  'raise awareness of', 'raise awareness', 'raise the profile of', 'raise the profile', 'raise the standard of', 'raise the standard', 'raise standards', 'further develop', 'further embed', 'further improve', 'build on', 'look at', 'look into', 'keep an eye on',
  'maximise', 'optimise', 'reinforce', 'encourage', 'facilitate', 'drive', 'progress', 'tackle', 'address', 'stabilise',
  'work closely with', 'work with', 'liaise with', 'engage with', 'accelerate', 'consolidate',
  'bolster', 'sharpen', 'deepen', 'broaden', 'empower', 'champion', 'prioritise', 'galvanise', 'reinvigorate', 'revitalise',
  'make sure', 'try to', 'look to', 'commit to',
  'maintain and enhance', 'maintain and improve', 'maintain and develop', 'maintain and strengthen',
  'tighten up', 'speed up', 'hold * to account', 'hold * * to account', 'hold * * * to account',
  'look again at', 'bed in', 'refine', 'rationalise', 'minimise', 'grow',
  'use the learning', 'use learning', 'apply the learning', 'apply learning', 'learn the lessons', 'learn lessons', 'get the message',
];

/**
 * Verbs that name an activity with no product of its own: specific only with a named output
 * ("and publish the revised protocol", "report to the board") or a frequency ("each month").
 */
export const OPEN_ACTIVITY_VERBS: readonly string[] = ['review', 'monitor', 'refresh', 'revisit', 'oversee', 'track', 'scrutinise', 'keep under review', 'keep under regular review'];

/** What makes an open activity specific: the output it produces or how often it happens. */
export const NAMED_OUTPUT: readonly string[] = [
  'publish', 'published', 'report', 'reports', 'reported', 'reporting', 'present', 'presented', 'produce', 'issue', 'issued',
  'revise', 'revised', 'update', 'updated', 'rewrite', 'replace', 'relaunch', 'sign off', 'signed off', 'approve', 'approved',
  'findings', 'recommendations', 'action plan', 'new', 'refreshed', 'board', 'panel', 'committee', 'partnership', 'paper',
  'setting out', 'sets out', 'set out',
];

export const FREQUENCY: readonly string[] = [
  'daily', 'weekly', 'fortnightly', 'monthly', 'bimonthly', 'quarterly', 'termly', 'annually', 'annual', 'yearly', 'biannually',
  'six-monthly', 'six monthly', 'every', 'each', 'per month', 'per quarter', 'per year', 'a month', 'a week', 'a year', 'a quarter',
];

/** A statement that reports progress ("Review of training initiated") is a status, not an action. */
export const PROGRESS_WORDS: readonly string[] = [
  'initiated', 'commenced', 'started', 'under way', 'underway', 'ongoing', 'on-going', 'in progress', 'completed', 'complete',
  'delivered', 'held', 'undertaken', 'agreed', 'achieved', 'established', 'in place', 'taking place', 'took place', 'being developed',
  'being reviewed', 'being undertaken', 'progressing', 'progressing well', 'on track', 'done', 'implemented', 'launched', 'published', 'updated',
  'arranged', 'planned', 'scheduled', 'put in place', 'set up', 'drafted', 'developed',
];

/** Auxiliaries that turn a statement into a report of what happened ("Training has been delivered"). */
export const PROGRESS_AUXILIARIES: readonly string[] = ['has been', 'have been', 'had been', 'is being', 'are being', 'was', 'were', 'is now', 'are now', 'has now'];

/** Abstract nouns that name an aim rather than a deliverable: "Build expertise", "Create a culture of ...". */
export const ABSTRACT_AIMS: readonly string[] = [
  'culture', 'ethos', 'expertise', 'awareness', 'understanding', 'confidence', 'ownership', 'resilience', 'mindset', 'grip',
  'values', 'aspiration', 'aspirations', 'ambition', 'curiosity', 'morale', 'knowledge',
];

/** Escape clauses that let an action off. */
export const ESCAPE_CLAUSES: readonly string[] = [
  'where possible', 'where appropriate', 'where necessary', 'where required', 'where needed', 'where practicable', 'where relevant',
  'as appropriate', 'as necessary', 'as required', 'as needed', 'as far as possible', 'as and when',
  'if necessary', 'if appropriate', 'if required', 'if possible', 'if needed', 'when possible', 'when appropriate', 'when required',
  'wherever possible', 'whenever possible', 'subject to funding', 'subject to approval', 'subject to agreement', 'subject to capacity',
  'subject to resources', 'subject to budget', 'subject to availability', 'as soon as possible',
  'if * allow', 'if * allows', 'if * permit', 'if * permits', 'where * allows', 'where * allow', 'where * permits', 'where * permit', 'capacity permitting', 'resources permitting', 'time permitting',
  'when necessary', 'when needed', 'if and when', 'as quickly as possible', 'as soon as practicable',
  'where absolutely necessary', 'where strictly necessary', 'if absolutely necessary', 'when absolutely necessary', 'where reasonably practicable',
  'at the earliest opportunity', 'as early as possible', 'in due course',
  'when * allows', 'as * allows', 'when * permits', 'as * permits', 'if available', 'where available', 'when available',
  'wherever relevant', 'wherever appropriate', 'wherever practicable', 'wherever necessary', 'wherever needed',
  'unless * prevent', 'unless * prevents', 'unless * * prevent', 'unless * * prevents',
  'unless * * not possible', 'unless * not possible', 'unless * * not practicable', 'unless * not practicable',
  // "subject to team capacity", "subject to panel member availability": who or what the condition is on.
  ...['capacity', 'funding', 'approval', 'availability', 'resources', 'budget'].flatMap((condition) => [`subject to * ${condition}`, `subject to * * ${condition}`]),
  'as far as is reasonably practicable', 'as far as reasonably practicable', 'as far as is practicable', 'as far as practicable',
  'as far as is possible', 'as far as is reasonably possible', 'as far as reasonably possible',
  'judges it necessary', 'judge it necessary', 'deems it necessary', 'deem it necessary', 'deemed necessary', 'deemed appropriate',
];

/** Standards that sound checkable but say nothing to check against: "the right help at the right time". */
export const UNDEFINED_STANDARDS: readonly string[] = [
  'at the right time', 'the right help', 'the right support', 'the right service', 'the right services', 'right for them', 'right for the child',
  'right for each child', 'too long', 'too late', 'fully informed', 'meet their needs', 'meets their needs', 'meet his or her needs',
  'meets his or her needs', 'meet the needs of', 'meets the needs of', 'employer of choice',
];

/** Open-ended lists. */
export const OPEN_ENDED: readonly string[] = [
  'etc', 'including but not limited to', 'and so on', 'and so forth', 'amongst others', 'among others', 'amongst other things', 'among other things',
  'e.g', 'eg', 'for example', 'and others', 'and the like', 'or similar', 'and similar', 'and other *', 'and any other', 'or any other', 'and anything else',
];

/** Qualities nobody can check unless something says what they mean (a number, a threshold, a standard). */
export const UNMEASURABLE_QUALITIES: readonly string[] = [
  'quality', 'timely', 'timeliness', 'effective', 'effectively', 'effectiveness', 'robust', 'robustly', 'robustness',
  'appropriate', 'appropriately', 'consistent', 'consistently', 'consistency', 'sufficient', 'sufficiently', 'high-quality',
  'meaningful', 'meaningfully', 'better', 'good', 'promptly', 'purposefully', 'thorough', 'thoroughly', 'thoroughness', 'rigorous', 'rigorously',
  'adequate', 'adequately', 'proportionate',
  'clearly', 'accessible', 'comprehensive', 'comprehensively', 'holistic', 'proactive', 'proactively', 'responsive', 'child-centred', 'purposeful', 'swift', 'swiftly', 'seamless', 'accurate', 'accurately', 'analytical', 'inclusive', 'tailored', 'well-coordinated', 'coordinated', 'strong', 'suitable',
  'regular', 'regularly', 'routinely', 'systematically', 'frequently', 'periodically', 'quickly', 'urgently',
  'flexible', 'flexibly', 'needs-led', 'realistic', 'realistically', 'manageable',
];

/** Compounds in which a quality word names a thing, not a quality: "quality assurance framework". */
export const QUALITY_COMPOUNDS: readonly string[] = [
  'quality assurance', 'quality assured', 'quality assure', 'quality audit', 'quality audits', 'quality and performance', 'performance and quality',
  'good practice', 'examples of good', 'example of good', 'good or better', 'good or outstanding', 'quality of practice audit', 'quality assurance framework', 'flexible working',
];

/**
 * What a careful reviewer counts as something observable in a measure, besides numbers:
 * number words, thresholds and comparisons, artefacts that will exist, and named indicators.
 */
export const NUMBER_WORDS: readonly string[] = [
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'fifteen', 'twenty',
  'thirty', 'forty', 'fifty', 'sixty', 'hundred', 'half', 'quarter', 'every', 'each', 'zero', 'none', 'no', 'single', 'both',
];

export const THRESHOLDS: readonly string[] = [
  'percent', 'per cent', 'percentage', 'proportion', 'at least', 'no more than', 'no fewer than', 'fewer than', 'more than',
  'less than', 'below', 'above', 'within', 'baseline', 'target', 'from * to', 'increase from', 'reduce from', 'rate', 'rates',
  'number of', 'average', 'median', 'ratio', 'all',
];

export const ARTEFACTS: readonly string[] = [
  'published', 'publish', 'signed off', 'sign-off', 'sign off', 'approved', 'agreed by', 'ratified', 'endorsed', 'reported to',
  'presented to', 'in place', 'launched', 'live', 'go-live', 'implemented', 'appointed', 'in post', 'recruited', 'commissioned',
  'awarded', 'registered', 'opened', 'issued', 'adopted', 'minutes', 'minuted', 'register', 'attendance', 'contract', 'contract signed',
  'audit', 'audits', 'audited', 'audit findings', 'dip sample', 'dip samples', 'dip-sample', 'inspection', 'survey', 'surveys',
  'surveyed', 'scorecard', 'dashboard', 'indicator', 'indicators', 'kpi', 'kpis', 'performance report', 'performance data',
  'completed', 'delivered', 'trained', 'held', 'recorded', 'on file', 'in use', 'signed', 'rag rated', 'ofsted',
  'report', 'reports', 'paper', 'briefing', 'produced', 'board',
  'agreed', 'sent to', 'updated', 'filled', 'received', 'logged', 'written into', 'named in', 'terms of reference',
];

/** Phrases that look like measures and are not: they name a hope, not something to check. */
export const NON_MEASURES: readonly string[] = [
  'improved outcomes', 'better outcomes', 'positive outcomes', 'outcomes improved', 'outcomes for children', 'evidence of impact',
  'evidence of', 'evident in', 'evidenced in', 'evidenced by', 'as required', 'as appropriate', 'as needed', 'improved practice',
  'better practice', 'improved experiences', 'improvement in', 'improvements in', 'improved', 'increased', 'reduced', 'better',
  'more', 'fewer', 'greater', 'stronger', 'positive feedback', 'feedback',
];

/** Verbs that open an action statement with something that will be done (base forms). */
export const ACTION_VERBS: readonly string[] = `add adopt agree align allocate amend analyse appoint apply arrange assess attend audit benchmark brief build
  buy carry cease cascade change check circulate clarify close coach collate collect commission compile complete conduct confirm consult
  convene co-design co-locate co-produce create cut decommission define deliver deploy design develop devise distribute document draft end
  establish evaluate expand extend finalise fund gather give hold host identify implement increase induct install integrate introduce
  invest invite involve issue launch lead map measure meet mentor merge moderate move obtain offer open organise pilot plan prepare
  present procure produce provide publish purchase put recruit redesign reduce refer register relaunch replace report require research
  reshape restructure retrain revise rewrite roll run schedule secure send set share sign source start stop streamline survey test train
  transfer undertake update upgrade use visit write hire recommission reconfigure relocate remodel rename reorganise repeat restart
  resume create enable appoint dip-sample embed extend target trial convert reset make respond take keep clear
  tell inform notify provide hold allocate visit contact see escalate negotiate re-audit`
  .split(/\s+/)
  .filter((verb) => verb !== '');

/** Verbs that follow a deliverable through rather than add a second one ("Audit 40 files and report the findings"). */
export const FOLLOW_THROUGH_VERBS: readonly string[] = `act agree apply brief cascade communicate disseminate embed evaluate feed implement include
  launch learn monitor pilot present publish record report respond review roll share sign test track update use circulate
  discuss consult present track refresh revise amend adjust adapt add evidence support embed explain produce issue`
  .split(/\s+/)
  .filter((verb) => verb !== '');

/** Verbs of checking: "Audit the quality of 40 files" names an audit, not a quality. */
export const CHECKING_VERBS: readonly string[] = `audit review assess evaluate measure survey dip-sample inspect moderate scrutinise benchmark
  track monitor analyse test check examine report`
  .split(/\s+/)
  .filter((verb) => verb !== '');

/**
 * Words left out when comparing an action with recommendations: function words, and words so common
 * in children's services plans that sharing them says nothing about the subject.
 */
export const RELEVANCE_STOP_WORDS: readonly string[] = `a about above after again all also am an and any are as at be been before being between both but by can
  could did do does doing down during each few for from further had has have having he her here hers him his how i if in into is it
  its itself just more most no nor not now of off on once only or other our out over own same she should so some such than that the
  their them then there these they this those through to too under until up very was we were what when where which while who whom why
  will with would you your per via etc within across including
  child children young people person family families social work worker workers service services plan plans planning
  ensure improve improvement improved quality effective effectively consistent consistently timely appropriate good better
  practice practitioner practitioners level levels make made use using well new local authority council action actions
  recommendation recommendations every all number increase reduce deliver develop support strengthen embed enhance
  monthly quarterly weekly annual annually month months week weeks year years staff team teams
  senior head director assistant principal officer lead`.split(/\s+/).filter((word) => word !== '');

/** Abbreviations plans use for the report's words: "RHI" is "return home interview". */
export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  rhi: 'return home interview', rhis: 'return home interviews', pep: 'personal education plan', peps: 'personal education plans',
  lado: 'designated officer', mash: 'multi-agency safeguarding hub', cin: 'child in need', cp: 'child protection',
  cpp: 'child protection plan', cla: 'children in care looked after', lac: 'looked after children in care', cic: 'children in care',
  eet: 'education employment training', neet: 'education employment training', iro: 'independent reviewing officer',
  iros: 'independent reviewing officers', sgo: 'special guardianship order', sgos: 'special guardianship orders',
  pa: 'personal adviser', pas: 'personal advisers', ehcp: 'education health care plan', ehcps: 'education health care plans',
  uasc: 'unaccompanied asylum seeking children', plo: 'public law outline', qa: 'quality assurance', dsl: 'designated safeguarding lead',
  cse: 'child sexual exploitation', cce: 'child criminal exploitation', dv: 'domestic abuse', da: 'domestic abuse',
  sw: 'social worker', sws: 'social workers', eh: 'early help', ehm: 'early help',
  camhs: 'child adolescent mental health services', dcs: 'director children services', ssw: 'supervising social worker',
};

/**
 * Topics of children's services that plans and reports name in different words: a foster carer is
 * about placements even when the recommendation says "sufficiency of homes". Each word counts,
 * for relevance, also as its topic. Words are matched before stemming, lower case; a word is in one
 * topic at most, and only words that mean the topic on their own are listed.
 */
export const TOPICS: Readonly<Record<string, readonly string[]>> = {
  placements: ['placement', 'placements', 'foster', 'fostering', 'carers', 'residential', 'accommodation', 'sufficiency', 'homes', 'commissioning', 'matching'],
  exploitation: ['exploitation', 'exploited', 'extra-familial', 'contextual', 'trafficking', 'gangs', 'county', 'missing', 'radicalisation'],
  'mental health': ['mental', 'emotional', 'wellbeing', 'well-being', 'therapeutic', 'psychological'],
  workforce: ['recruit', 'recruitment', 'retention', 'retain', 'agency', 'vacancies', 'vacancy', 'turnover', 'caseloads', 'caseload', 'workforce', 'staffing'],
  records: ['records', 'recording', 'recorded', 'notes', 'chronologies', 'chronology', 'case-recording'],
  leadership: ['director', 'leadership', 'leaders', 'governance', 'scrutiny', 'councillors', 'members', 'corporate'],
  permanence: ['permanence', 'permanency', 'adoption', 'guardianship', 'proceedings', 'court', 'legal', 'gateway', 'pre-proceedings', 'reunification'],
  'care leavers': ['leavers', 'adviser', 'advisers', 'pathway', 'leaving', 'independence', 'staying'],
  'front door': ['front', 'contacts', 'referrals', 'referral', 'thresholds', 'threshold', 'mash', 'triage'],
  oversight: ['supervision', 'oversight', 'supervisions'],
  education: ['school', 'schools', 'education', 'attendance', 'exclusions', 'exclusion', 'virtual'],
  'voice of the child': ['voice', 'voices', 'participation', 'advocacy', 'wishes', 'feelings', 'views'],
  'domestic abuse': ['domestic', 'abuse', 'violence'],
  neglect: ['neglect', 'graded'],
  disability: ['disabled', 'disabilities', 'disability'],
  health: ['health', 'dental', 'immunisations', 'medical', 'nurse', 'nurses'],
  'allegations against adults': ['lado', 'allegations'],
  homelessness: ['homeless', 'homelessness', 'housing'],
};
