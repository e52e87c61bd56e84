/**
 * The SMART rules' language analysis (server/src/engine/smart): what makes a statement vague, what
 * makes a measure observable, how BM25 ranks recommendations, the allow list, and the scorecard
 * the hover and the code lens show.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixesFor, applyEdits } from '../../server/src/engine/fixes/index.js';
import { lintText, parsePlan } from '../../server/src/engine/index.js';
import { smartScoreLenses } from '../../server/src/engine/lenses.js';
import { AllowList, readAllowList } from '../../server/src/engine/smart/allow.js';
import { readMeasure } from '../../server/src/engine/smart/measurable.js';
import { RelevanceIndex, termsOf } from '../../server/src/engine/smart/relevance.js';
import { TOPICS } from '../../server/src/engine/lexicon.js';
import { scorecard, scorecardTitle } from '../../server/src/engine/smart/scorecard.js';
import { statementIssues, type StatementIssueKind } from '../../server/src/engine/smart/specific.js';
import { readSettings } from '../../server/src/lsp/settings.js';
import { readPlanrc } from '../../server/src/node/planrc.js';
import { RETURN_HOME_AND_CARE_LEAVERS } from '../fixtures/plans.js';

const kinds = (statement: string): string[] => statementIssues(statement).map((issue) => `${issue.kind}:${issue.phrase}`);

describe('SMART: what makes a statement not specific', () => {
  const cases: [string, string[]][] = [
    ['Ensure data quality on missing episodes', ['vague-verb:Ensure']],
    ['To ensure partners understand the thresholds', ['vague-verb:ensure']],
    ['Continue to improve the uptake of return home interviews where possible', ['vague-verb:Continue to improve', 'escape:where possible']],
    ['Strengthening of corporate support services.', ['vague-verb:Strengthening']],
    ['Sharper focus on narrow set of priorities.', ['vague-verb:Sharper focus']],
    ['Review the missing children protocol with the police', ['open-activity:Review']],
    ['reviewing the local missing protocol', ['open-activity:reviewing']],
    ['Review and strengthen the front door arrangements', ['open-activity:Review', 'vague-verb:strengthen']],
    ['Build expertise in direct work with adolescents', ['aim:expertise']],
    ['Creation of a culture of shared ownership', ['aim:culture']],
    ['Care leavers are fully aware of our pledge', ['aim:are']],
    ['Review of training initiated', ['progress:initiated']],
    ['Training has been delivered to team managers', ['progress:has been delivered']],
    ['work continues to redesign the family support offer', ['progress:continues']],
    ['Share learning with schools, police, health etc.', ['open-ended:etc.']],
    ['Brief partners, including but not limited to schools', ['open-ended:including but not limited to']],
    ['Publish the strategy and recruit 6 social workers', ['bundle:recruit']],
    ['Produce timely and robust records of section 47 enquiries', ['quality:timely and robust']],
    ['Respond to referrals in a timely way', ['quality:timely']],
    ['Audits', ['too-short:Audits']],
    ['Timely decisions at the multi-agency threshold meeting', ['quality:Timely']],
    ['Strengthen the practice response to 16 and 17 year olds', ['vague-verb:Strengthen']],
    ['Short breaks review under way; draft findings presented to the board', ['progress:under way']],
    ['Develop the learning culture so that audit findings inform practice', ['aim:culture']],
    ['Convert 20 agency posts to permanent and launch a new induction programme', ['bundle:launch']],
    ['Plans to be SMART', ['aim:SMART']],
    ['PAs to be more ambitious for care leavers', ['aim:ambitious']],
    ['Placement stability to be monitored', ['open-activity:monitored']],
    ['Decisions to enter the PLO to be made in a timely manner', ['quality:timely']],
    ['Supervision policy refreshed and relaunched', ['progress:refreshed and relaunched']],
    ['Visits recorded in a timely manner', ['quality:timely']],
    ['Improve outcomes for care leavers by working closely with partners', ['vague-verb:Improve']],
    ['Accelerate plans for early help', ['vague-verb:Accelerate']],
    ['Core group records to go on the system as soon as possible', ['escape:as soon as possible']],
    ['Increase placement sufficiency', ['aim:sufficiency']],
    ['Management oversight audit completed in March', ['progress:completed']],
    ['Corporate parenting board set up in October 2019 to oversee the plan', ['progress:set up']],
    ['Assessment practice had been looked at in a sample of cases', ['progress:had been looked']],
    ['Quarterly case file audit now includes a conversation with the child', ['progress:now includes']],
    ['Initial health assessments for children placed outside the county to be timely', ['quality:timely']],
    ['Scrutiny of the Trust to be strengthened', ['vague-verb:strengthened']],
    ['Leadership capacity to be increased', ['vague-verb:increased']],
    ['SDQs to be used purposefully in planning', ['quality:purposefully']],
    ["Each child's plan discussed at least every 6 weeks if caseloads allow", ['escape:if caseloads allow']],
    ['Recruit an additional medical adviser and implement the redesigned health pathway', ['bundle:implement']],
    ['Complete an assessment for each young person within 10 working days and set up an advocacy offer for them', ['bundle:set']],
    ['Review of the short breaks offer', ['open-activity:Review']],
    ['Staffing consistency', ['quality:consistency']],
    ['Robust management decision trail on every file', ['quality:Robust']],
    ["Demand forecasting model for children's services and a revised early help strategy", ['bundle:a revised early help strategy']],
    ['Audit 40 files, report findings and train 20 managers', ['bundle:train']],
    ['Produce a dashboard that is timely', ['quality:timely']],
    ['Stop using bed and breakfast and commission 4 supported beds', ['bundle:commission']],
    ['End bed and breakfast use for care leavers and extend supported accommodation to age 22', ['bundle:extend']],
    ['Raise the profile of contingency planning at core groups', ['vague-verb:Raise the profile of']],
    ['Update the strategy discussion procedure and also set up a quarterly multi-agency panel', ['bundle:set']],
    ['Risk assessment training for all social workers, plus a new perpetrator programme', ['bundle:a new perpetrator programme']],
    ['Audit to be more outcome-focused', ['aim:outcome-focused']],
    ['Child and family assessments that are timely and thorough', ['quality:timely and thorough']],
    ['Letter on visit timing went out to all headteachers in the autumn term', ['progress:went']],
    ['The local authority has also engaged with external partners', ['progress:has also engaged']],
    ['All staff to receive effective supervision at regular intervals', ['quality:effective']],
    ['Life story work for children with a permanence plan to start promptly', ['quality:promptly']],
    ['Introduce a supervision policy; launch a supervision audit tool', ['bundle:launch']],
    ['Monitor case audit findings', ['open-activity:Monitor']],
    ["Refresh partnership arrangements for children's emotional well-being", ['open-activity:Refresh']],
    ['Care leavers over 21 feel they can come back to the service whenever they need', ['aim:feel']],
    ['Close the gap at KS4', ['vague-verb:Close']],
    ['Sharpen the focus on neglect in supervision', ['vague-verb:Sharpen']],
    ['Deliver thorough and rigorous assessments of need', ['quality:thorough and rigorous']],
    ['Update Jun 22: bid submitted to the DfE; awaiting outcome', ['progress:Update']],
    ['Supervision audit completed Nov; 62% of files rated requires improvement', ['progress:completed']],
    ['Complex Safeguarding Hub launched 1 April; 3 police officers co-located', ['progress:launched']],
    ['Support for over-21s', ['vague-verb:Support']],
    ['PAs to write sections on housing, work and friendships into pathway plans, amongst other things', ['open-ended:amongst other things']],
    ["Open a care leavers' drop-in at the hub and publish a mental health pathway", ['bundle:publish']],
    ['Develop a shared partnership culture around extra-familial harm', ['aim:culture']],
    ['Open a hub for care leavers and, alongside this, negotiate a new housing agreement', ['bundle:negotiate']],
    ['Make sure managers know the threshold document', ['vague-verb:Make sure']],
    ['Narrow the GCSE gap for looked after pupils', ['vague-verb:Narrow']],
    ['Audit quality to be robust and consistent', ['quality:robust']],
    ['Children experience more stable relationships with their workers', ['aim:more stable']],
    ['Partners have a better shared picture of children at risk outside the home', ['aim:better shared']],
    ['Work towards all children in need having a plan reviewed every 3 months', ['vague-verb:Work towards']],
    ['Parents to receive letters before proceedings that are clear and accessible', ['quality:accessible']],
    ['Recruitment and retention of experienced social workers', ['aim:Recruitment and retention']],
    ['Culturally competent practice', ['aim:Culturally competent practice']],
    ["Children and young people's experiences evaluated systematically", ['quality:systematically']],
    ['Support carers with a stronger focus on identity', ['vague-verb:Support']],
    ["Launch a missing children's scorecard for SLT alongside a new RHI quality audit", ['bundle:a new RHI quality audit']],
    ['Restructure the legal gateway panel as well as appointing a PLO coordinator', ['bundle:appointing']],
    ['Young people who present as homeless to be seen jointly by a social worker and a housing officer, and offered an independent advocate', ['bundle:offered an independent advocate']],
    ["A safeguarding lead and a monthly safeguarding clinic in the disabled children's team", ['bundle:a monthly safeguarding clinic']],
    ['Escalate children to the legal gateway panel when necessary', ['escape:when necessary']],
    ['Share learning with schools, health and others', ['open-ended:and others']],
    ['Retention offer: flexible working, career progression, well-being days and more', ['open-ended:and more']],
    ['EDT manager has met the police to discuss transport', ['progress:has met']],
    ['PA allocation at 16 now in place following the merger', ['progress:now in place']],
    ['Culture and identity training delivered to CAAS in July', ['progress:delivered']],
    ['Support homeless 16- and 17-year-olds to make informed choices', ['vague-verb:Support']],
    ['A needs-led, flexible housing offer for care leavers', ['quality:needs-led']],
    ['Out-of-hours work with children entering care', ['aim:Out-of-hours work']],
    ['Case audit quality and consistency', ['aim:Case audit quality and consistency']],
    ['Use the learning from RHIs to reduce repeat missing episodes', ['vague-verb:Use the learning']],
    ['Get the message about private fostering out to local communities', ['vague-verb:Get the message']],
    ['Use unregulated provision for 16 and 17 year olds only where absolutely necessary', ['escape:where absolutely necessary']],
    ['Recruit 10 supported lodgings hosts as well as retendering the floating support contract', ['bundle:retendering']],
    ['CIN plan template simplified and core group minutes template redesigned', ['bundle:core group minutes template redesigned']],
    ['Keep timescales in CIN plans under regular review', ['open-activity:Keep']],
    ['Children in private fostering arrangements have their voices heard', ['aim:have']],
    ['Additional Starting Point capacity recruited and in post since October', ['progress:since October']],
    ['Tighten up how strategy meeting decisions are written up', ['vague-verb:Tighten up']],
    ['Children new to care have their health needs identified at the earliest opportunity', ['aim:have', 'escape:at the earliest opportunity']],
    ['Hold district councils to account on council tax exemption', ['vague-verb:Hold district councils to account']],
    ['Ask health providers, district councils and other partners to attend the Board', ['open-ended:and other partners']],
    ['Identity needs in care planning', ['aim:Identity needs']],
    ['Train 45 auditors in evaluative writing and publish a quarterly learning bulletin', ['bundle:publish']],
    ['FGC service restructure agreed by Cabinet; two coordinators appointed in July', ['progress:appointed']],
    ['Strengthen management oversight by working with partners', ['vague-verb:Strengthen']],
    ['Commission emergency provision for older children, e.g. solo homes and crisis foster care', ['open-ended:e.g.']],
    ['Placement sufficiency for older children improved', ['vague-verb:improved']],
    ['Management oversight strengthened across all teams', ['vague-verb:strengthened']],
    ['Performance information accurately evaluated by senior leaders', ['quality:accurately']],
    ['Maintain and enhance joint permanency training', ['vague-verb:Maintain and enhance']],
    ['Emergency placements', ['aim:Emergency placements']],
    ['Private fostering', ['aim:Private fostering']],
    ['Adolescent permanence tracking', ['aim:Adolescent permanence tracking']],
    ['Use Mind of My Own, video calls and other methods to gather views', ['open-ended:and other methods']],
    ['Invite the school nurse, GP, housing and any other agency involved', ['open-ended:and any other']],
    ['Work towards full compliance with Regulation 24 in kinship placements', ['vague-verb:Work towards']],
    ['Increase knowledge of the local offer', ['aim:knowledge']],
    ['Supervision policy refreshed and group supervision introduced in all locality teams', ['bundle:group supervision introduced']],
    ['Gang-related activity', ['aim:Gang-related activity']],
    ["Audit activity now focuses on the quality of children's experiences", ['progress:now focuses']],
    // Verbs the word lists do not know, read from where they stand.
    ['Fully staff the adolescent teams and launch the service-user forum for children in need', ['bundle:launch']],
    ['Publish the neglect strategy and staff the new edge-of-care team', ['bundle:staff']],
    ['Permanency policy with parallel planning from the first LAC review, and an adoption tracker for every child', ['bundle:an adoption tracker']],
    ['The leaving care service will open an EET hub for care leavers and negotiate a new housing nominations agreement', ['bundle:negotiate']],
    ['Look again at the step-down process', ['vague-verb:Look again at']],
    ['Bed in the new practice model', ['vague-verb:Bed in']],
    ['To minimise drift for children on CIN plans', ['vague-verb:minimise']],
    ['Enhance post-18 support for care leavers', ['vague-verb:Enhance']],
    ['Allocate a PA to every 16-year-old in care as capacity allows', ['escape:as capacity allows']],
    ['Offer an advocate at every review if available', ['escape:if available']],
    ['Extend staying put beyond 21 where this is in the young person\'s best interests', ['escape:where this is in the young person\'s best interests']],
    ['Young people aged 16 to 18 feel listened to', ['aim:feel']],
    ['Families get the right help at the right time', ['quality:the right help', 'quality:at the right time']],
    ['Parents do not wait too long for a decision', ['quality:too long']],
    ['Realistic assessments of parenting capacity', ['quality:Realistic']],
    ['Placement moves recorded appropriately on the system', ['quality:appropriately']],
    ['Referrals triaged with sufficient detail', ['quality:sufficient']],
    ['Audit 30 case files; refresh the audit tool', ['bundle:refresh']],
    ['Fostering handbook rewritten and relaunched in May', ['progress:relaunched']],
    ['All children subject to a plan for two years were audited in October', ['progress:were audited']],
    ['Court work guidance updated for team managers and legal tracker rewritten to show each stage', ['bundle:legal tracker rewritten']],
    ['Exploitation screening tool relaunched and return interview guidance rewritten for staff', ['bundle:return interview guidance rewritten']],
    ['Missing children protocol, a return home interview template and a new risk tracker', ['bundle:a new risk tracker']],
    ['Hold a monthly panel to agree each move and record the move date in the plan', []],
    ['Discuss the local offer at every review, noting the entitlements they have claimed', []],
    ['Core group record listing each action the family has agreed', []],
    ['Conference minutes naming each agency invited and each agency that took part', []],
    ['Strengthen the edge-of-care offer with a revised referral flowchart sent to all team managers', []],
    ['Progress against each plan outcome scored at every review meeting', []],
    ['Case record that cannot be closed without the reason and the outcome entered', []],
    ['Leaving care bag (bedding, a kettle and a starter food pack) given to each care leaver moving on', []],
    ['Post-16 aspirations worker for care leavers in college', []],
    ['Youth justice audits extended to the Children with Disabilities team', []],
    // Batches 21 to 24: what must be reported.
    ['Adolescents receive the same protection as younger children', ['quality:the same protection as']],
    ['Children in care live in stable homes that meet their needs', ['quality:meet their needs']],
    ['EDT staff to take children to their placement themselves unless operational pressures prevent this', ['escape:unless operational pressures prevent']],
    ['Escalate children stuck on child in need plans sooner', ['aim:sooner']],
    ['Shorter, sharper PLO letters', ['aim:Shorter, sharper']],
    ['Set up a kinship assessment team and refresh the PLO practice guidance', ['bundle:refresh']],
    ['Rewrite the templates and train the 8 locality team managers in using them', ['bundle:train']],
    ['Audit 20 pathway plans and launch a care leavers\' health passport', ['bundle:launch']],
    ['RHI take-up improved to 58% in the last quarter', ['progress:improved']],
    ['Rights and entitlements workshop run at The Quad in June, with 12 care leavers attending', ['progress:run']],
    ['Audit framework refreshed and relaunched at the practice week in November', ['progress:relaunched']],
    ['Audit programme has been redesigned to look at children\'s experiences rather than compliance', ['progress:has been redesigned']],
    ['All 24 team managers have now completed the reflective supervision course', ['progress:have now completed']],
    ['Voice of the child in assessments', ['aim:Voice']],
    ['Raise the standard of letters before proceedings', ['vague-verb:Raise the standard of']],
    ['Children in care say they have a social worker they trust', ['aim:say']],
    ['Children looked after feel that the council speaks for them', ['aim:feel']],
    ['Develop team managers\' confidence in challenging generic plans in supervision', ['aim:confidence']],
    ['Increase front door capacity where budget permits', ['escape:where budget permits']],
    ['Recruitment to the 5 vacant posts in the safeguarding teams is progressing well', ['progress:progressing well']],
    ['Launch a new supervision template and re-audit all child in need plans', ['bundle:re-audit']],
    // Errors of the leave-one-batch-out reading of the development part (before batches 40 to 47).
    ['PA supervision to take place every 4 weeks, subject to team capacity', ['escape:subject to team capacity']],
    ['Place children in care within 20 miles of Croydon unless this is not possible', ['escape:unless this is not possible']],
    ['Supervision records of a consistent standard', ['quality:consistent standard']],
    ["Children's plans of a consistently good quality", ['quality:consistently good quality']],
    ['Continue to work with the 12 district councils on the housing protocol', ['vague-verb:Continue to work']],
    ['Child permanence reports of a good standard as set out in the practice standards', []],
    ['Evidence of good quality work in 30 audited files', []],
    // Batches 40 to 47 (development halves), after the decisions fixed before they arrived.
    ['Keep an eye on how long stepped-down families wait for early help', ['vague-verb:Keep an eye on']],
    ['Embed the 16/17 homelessness protocol with district councils', ['vague-verb:Embed']],
    ['Every care leaver gets the support that is right for them, up to the age of 25', ['quality:right for them']],
    ['Make AfC an employer of choice for social workers', ['quality:employer of choice']],
    ['Police to pass every missing-found notification to the RHI team within 24 hours, as far as is reasonably practicable', ['escape:as far as is reasonably practicable']],
    ['Hold an extra Permanence panel in the summer, subject to panel member availability, to hear the backlog of adolescent matches', ['escape:subject to panel member availability']],
    ['Assessments to include a full risk analysis when the social worker judges it necessary', ['escape:judges it necessary']],
    ['Commission a 4-bed residential home in north Shropshire for children with complex needs now placed out of county', []],
    ['Homeless 16/17 assessment to include a page signed by the young person showing they were told their rights', []],
    ['Court Progression Manager to tell the team manager of any concern the parent was never told about', []],
  ];
  for (const [statement, expected] of cases) {
    it(`"${statement}" → ${expected.join(', ')}`, () => assert.deepEqual(kinds(statement), expected));
  }

  const specific = [
    'Ensure 95% of return home interviews are offered within 72 hours',
    'Train managers to improve supervision',
    'Review the thresholds document and publish a revised version',
    'Review every open LADO case at the monthly panel',
    'Audit 40 case files and report the findings to the board',
    'Train 60 social workers and 30 kinship carers in life-story work',
    'Agree and publish the multi-agency protocol',
    'Publish a quality assurance framework for children\u2019s social care',
    'An updated Quality Assurance Framework;',
    'Audit the quality of supervision records',
    'Write timely records of section 47 enquiries against the recording standard',
    'Commission an independent return home interview service',
    'Family group conference offered to every family before a child protection plan is made',
    'Pathway plan completed for every young person within 3 months of their 16th birthday',
    'Reduce agency social workers to under 10% of the workforce',
    'Complete the audit and launch it at the conference',
    'Children to be seen alone within 5 working days of the referral',
    'Return home interviews to be recorded on the child\u2019s file',
    'Every child with a plan for adoption has a life-story book started within 3 months of the decision',
    'Every privately fostered child is seen alone at each statutory visit',
    'Life story work for children who are adopted and placed',
    'Strengthen keeping-in-touch arrangements by introducing a monthly panel chaired by the service manager',
    'Improve leaders\u2019 oversight of missing episodes by adding a section to the monthly performance briefing',
    'Every care leaver has been given a copy of the local offer at their last pathway plan review',
    'Named personal adviser allocated to each care leaver at 17 and a half',
    "Improvement plan signed off by the Children's Improvement Board",
    'Review the thresholds document and report the findings to the board',
    'The Children in Care Council will hold a quarterly session with the Lead Member, with a \'you said, we did\' summary published after each one',
    'Each child protection plan will include a written safety plan agreed with the family at the first core group',
    'Each young person aged 16 with an EHCP and a social worker has a transition plan by their 17th birthday',
    'Write a new protocol and publish a summary of it for families',
    'CAMHS protocol with receiving areas so that treatment continues when a looked after child moves out of the county',
    'Neglect practice guidance requiring a 3-year chronology and a parental history section in every neglect assessment',
    'Plain-English guide for parents on what a contingency plan is',
    'Thirty records a quarter sampled for how domestic abuse is written up',
    'Return home interview records to include where the child went and who they were with',
    'When contact with a care leaver has been lost for 4 weeks, the PA follows the lost-contact procedure',
    'Legal planning meetings held within 15 working days of the request',
    'Translated copy of the pre-proceedings letter for every parent whose first language is not English',
    'Private fostering awareness campaign for every school and GP surgery',
    'Quarterly IRO impact report to the board, showing the stage at which each challenge was resolved',
    'Practice evaluation audit tool to include a question on whether supervision has changed the child\u2019s plan',
    'RHI records to include push and pull factors, where the child went and who they were with',
    'Safety plan agreed at a strategy meeting within 1 working day for every child at high risk',
    'Risk assessment for each looked after child updated at every statutory review',
    'Equality impact assessment published with every Cabinet report on a service redesign',
    'Neglect toolkit completed with the family whenever neglect is the presenting issue',
    'Neglect assessment completed with the family of every child on a plan before the first review conference',
    'Missing-from-care protocol agreed with the Metropolitan Police',
    'Revised levels of need document, agreed by the Surrey Safeguarding Children Board',
    'LADO referral pathway published on the LSCB website',
    'IROs to check at every review that identity needs are set out in the care plan, and escalate when they are not',
    'Produce a missing children dashboard showing episodes, return home interview timeliness and repeat episodes',
    "Give each child a card with the IRO's name, photo and contact details at their next review",
    "No single assessment to be closed until a partner agency's contribution is recorded, or the team manager has recorded why none was sought",
    'Increase placement sufficiency to 40 in-house foster carers',
    // A participle alone is the state to reach, unless dated or saying that work has begun.
    'Training delivered to 40 social workers',
    'Protocol agreed with partners',
    'Ethnicity field completed for the 60 children in care whose records lack it',
    'Leadership capacity to be increased by appointing 2 heads of service',
    'Issue the reflective supervision prompt sheet to all managers',
    "Review of services to young people who are hard to engage, ending in an options paper to the Children's Trust",
    'Robust management decision recorded on every file every 3 months',
    'Review every child on a part-time timetable each half-term and agree a return date with the school',
    'Write the missing children protocol and publish the protocol on the website',
    'Redesign pathway plans in plain English and test the new format with 10 young people',
    'Every action in child in need plans has a named person and a date',
    'Strategy discussion form rebuilt so that it records the agencies taking part and a timescale for each action',
    // More of something with a count, or "more than", names what to count; a capital starts a name.
    'Approve 12 more supported lodgings hosts for care leavers',
    'Hold a challenge review for every case open for more than 9 months',
    'Bid to the Better Care Fund for a hospital discharge social worker',
    'Staff the MASH with a police officer and a health visitor',
    // An area with a deed, or a topic with its detail after a colon, is not a bare heading.
    'Health attendance at strategy discussions agreed with the CCG designated nurse',
    'Leadership stability: two permanent heads of service appointed',
    'Send the audit findings to schools and across the partnership',
    'Refresh the strategy discussion procedure with the police, setting out when a strategy discussion must be held',
    'Every young person who presents as homeless is seen by a social worker on the day',
    "Support carers with an 'all about me' pack for every child",
    'Use the new chronology template on every open case',
    'Allegations tracker recording the outcome of every LADO referral and the date each agreed action was closed',
    "Plan-writing masterclass for the 40 social workers whose CIN plans were graded 'requires improvement'",
    '3 same-day supported lodgings beds, available while the assessment is done',
    'Every non-CP contact that needs more information to have a named worker set on the day it is triaged',
    'Entitlements tracker for each care leaver, showing which payments have been claimed and paid',
    'Re-screening of 40 cases closed at the MASH in 2018',
    'Audit of all 23 homeless presentations since April 2018, with findings presented to the Performance Board',
    'Check the contingency plan at every conference and log a challenge when it is missing',
    'Every unaccompanied child has an interpreter at their first statutory visit',
    'Strengthen management oversight by reinstating a weekly allocation meeting',
    'Monthly huddle on every child whose visit or review is overdue, agreeing an action for each',
    "Consistent management oversight, meaning a recorded manager's decision at allocation and before closure",
    'Placements reviewed monthly, each with a plan to move closer to Leicester',
    'A child in care to co-chair every Corporate Parenting Board, supported by the participation worker',
    'CPB sufficiency update',
    'Permanence planning meeting for each child, recording the chosen route and the date the application will be made',
    'Children transferred to the family support teams within 10 working days of the plan being agreed',
    'Review the letter template and produce a revised template for sign-off',
    'Quarterly IRO report showing challenges raised and what changed for the child',
    'Self-assessment rewritten from audit and performance evidence and challenged by the independent chair',
    'Visit every family together with a health visitor',
    'Children to be seen by a social worker and a health visitor',
    'Monthly MASH report listing every contact closed with a safety plan where significant harm was considered',
    'Ethnicity and culture prompt card for social workers',
    'Improve PA practice through a monthly observation visit with written feedback',
    'Every 16- or 17-year-old presenting as homeless is told in writing of their right to be looked after',
    'Offer flexible working to all social workers',
    'Recruit and induct 6 social workers, and record that they have done so on the tracker',
    'Team managers will moderate 10 assessments of children in need of help and protection each month',
    // Batches 21 to 24: what must not be reported.
    'Quarterly letter to every care leaver the service is not in touch with, setting out the local offer',
    'Disruption tracker of every Child Abduction Warning Notice and other disruption tactic used',
    'A GCP2 score in every conference report, repeated at each review so the chair can see whether care has improved',
    'Written LADO advice letter to the employer after every consultation, setting out the threshold decision and the safety actions agreed',
    'Assessment of every homeless 16 or 17 year old completed within 10 working days, with the young person\'s views and a mediation offer recorded',
    'Terms of reference rewritten to give health providers standing membership and a duty to report on their pledges',
    'PLO exit plan for every family stepping down from the PLO, setting out the support that continues for 3 months',
    'Monthly identity clinic run by the Principal Social Worker, open to any social worker with an assessment under way',
    'Life-story work started for every child in care with a plan for long-term fostering',
    'Reunification assessments for the 20 children the reunification project has identified',
    'Rewrite the management oversight guidance with worked examples of good recording',
    'Give each parent a plan on a page, in the same words as the letter',
    'Publish a shorter local offer for care leavers',
    'Same-day placement search for any young person who cannot safely remain at home',
    '\'Your Say\' annual survey of looked after children, reported to the Corporate Parenting Group',
    'Check cases have been closed correctly',
    'Confirm staff have completed the course',
    'Publish the DCS\'s annual report to the scrutiny committee',
    'Social worker to record on every homelessness assessment that the young person was told of their right to be looked after',
    'Review the audit grading descriptors each quarter at the moderation panel and issue a one-page note of any changed descriptor',
    'Role description rewritten so that assistants cannot be allocated a child and family assessment, agreed with the unions',
  ];
  for (const statement of specific) {
    it(`"${statement}" is specific`, () => assert.deepEqual(kinds(statement), []));
  }

  it('gives ranges that are exactly the phrase in the statement', () => {
    const statement = 'We will continue to support families where appropriate';
    for (const issue of statementIssues(statement)) assert.equal(statement.slice(issue.start, issue.end), issue.phrase);
    assert.deepEqual(
      statementIssues(statement).map((issue) => issue.kind as StatementIssueKind),
      ['vague-verb', 'escape'],
    );
  });

  it('does not count years, dates or names such as section 47 as numbers that excuse a vague verb', () => {
    assert.deepEqual(kinds('Ensure section 47 enquiries are recorded by March 2026'), ['vague-verb:Ensure']);
    assert.deepEqual(kinds('Ensure 20 section 47 enquiries are audited'), []);
  });
});

describe('SMART: what makes a measure observable', () => {
  for (const measure of [
    '95% of contacts triaged within 24 hours',
    'backlog down from 640 to 0',
    'protocol signed off by the safeguarding partnership',
    'options paper to the Corporate Parenting Board',
    'audits undertaken',
    'twelve care leavers in supported lodgings',
    'post filled (HR record)',
    'data pack sent to the Lead Member',
    'panel terms of reference agreed',
  ]) {
    it(`"${measure}" is observable`, () => assert.equal(readMeasure(measure).observable, true));
  }

  for (const measure of ['Audit', 'Audit evidence', 'surveys', 'Care plans updated as required']) {
    it(`"${measure}" names a source, not what it will show`, () => assert.equal(readMeasure(measure).observable, false));
  }
  it('an aim is not a measure, and the message can name it', () => {
    assert.deepEqual(readMeasure('Improved outcomes for children'), { observable: false, aim: 'Improved outcomes' });
    assert.deepEqual(readMeasure('Evidence of impact'), { observable: false, aim: 'Evidence of impact' });
    assert.deepEqual(readMeasure('Improved practice evident in audits'), { observable: false, aim: 'Improved practice' });
  });
  it('a date alone is not a measure', () => {
    assert.equal(readMeasure('Improved outcomes by March 2026').observable, false);
    assert.equal(readMeasure('care leavers feel supported by 31/03/2026').observable, false);
  });
});

describe('SMART: relevance by BM25', () => {
  const { recommendations } = parsePlan(`## R1
Return home interviews informing safety plans for children who go missing.

## R2
Sufficiency of accommodation for care leavers.

## R3
The quality of supervision and management oversight.
`);
  const index = new RelevanceIndex(recommendations);

  it('stems words, spells out abbreviations and drops words every plan uses', () => {
    assert.deepEqual(termsOf('RHIs offered to missing children'), ['return', 'home', 'interview', 'offer', 'miss', '#exploitation']);
  });

  it('counts a word of a known topic also as its topic, so different words for one subject fit', () => {
    assert.deepEqual(termsOf('Recruit foster carers'), ['recruit', '#workforce', 'foster', '#placements', 'carer', '#placements']);
    assert.ok(termsOf('CAMHS').includes('#mental health'), 'an abbreviation names its topic through its spelt-out words');
    const words = Object.values(TOPICS).flat();
    assert.deepEqual(words.filter((word, index) => words.indexOf(word) !== index), [], 'a word is in one topic at most');
    const topics = new RelevanceIndex(parsePlan('## R1\nSufficiency of homes for children in care.\n\n## R2\nTimeliness of child protection visits.\n').recommendations);
    const [homes, visits] = topics.fits('Recruit 10 foster carers for teenagers');
    assert.ok(homes!.score > 0 && visits!.score === 0, 'foster carers fit the recommendation about sufficiency of homes');
  });

  it('ranks the recommendation that shares the distinctive words first', () => {
    const fits = index.fits('Deliver return home interview training to 40 social workers');
    const best = [...fits].sort((a, b) => b.score - a.score)[0]!;
    assert.equal(best.id, 'R1');
    assert.equal(best.shared, 3);
    assert.equal(fits.find((fit) => fit.id === 'R2')!.score, 0);
  });

  it('measures thresholds in units of one distinctive word', () => {
    assert.ok(Math.abs(index.distinctiveWeight - Math.log(1 + 2.5 / 1.5)) < 1e-9);
  });
});

describe('SMART: the allow list', () => {
  const list = new AllowList(['Support', ' as required. ', 'Mosaic caseload extract']);
  it('allows a flagged phrase that is an entry, has one, or is part of one', () => {
    assert.equal(list.allows('support'), true);
    assert.equal(list.allows('As required'), true);
    assert.equal(list.allows('continue to support'), true);
    assert.equal(list.allows('ensure'), false);
  });
  it('finds an allowed phrase in a text as whole words', () => {
    assert.equal(list.occursIn('the weekly Mosaic caseload extract, shared with heads of service'), true);
    assert.equal(list.occursIn('supportive supervision'), false);
  });
  it('reads untrusted lists, and says what it ignores', () => {
    assert.deepEqual(readAllowList(['support', 3, ''], 'smart.allow'), {
      allow: ['support'],
      problems: ['smart.allow: 3 is not a word or phrase, and is ignored.', 'smart.allow: "" is not a word or phrase, and is ignored.'],
    });
    assert.deepEqual(readAllowList('support', 'smart.allow').allow, []);
    assert.equal(readAllowList('support', 'smart.allow').problems.length, 1);
  });
  it('is read from the editor settings', () => {
    assert.deepEqual(readSettings({ smart: { allow: ['embed'] } }).settings.smartAllow, ['embed']);
    assert.deepEqual(readSettings({}).settings.smartAllow, []);
    assert.match(readSettings({ smart: { allow: 'embed' } }).problems[0]!, /improvementPlan\.smart\.allow should be a list/);
  });

  it('is read from a .planrc, with problems named', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'smart-allow-'));
    const file = path.join(folder, '.planrc.yaml');
    writeFileSync(file, 'rules:\n  smart-achievable: off\nsmart:\n  allow: [support, "as required"]\n');
    assert.deepEqual(readPlanrc(file).smartAllow, ['support', 'as required']);
    writeFileSync(file, 'smart: [support]\n');
    assert.deepEqual(readPlanrc(file).problems, ['.planrc.yaml: smart should hold an object such as { "allow": ["support"] }.']);
    writeFileSync(file, 'smart: { allow: support }\n');
    assert.deepEqual(readPlanrc(file).problems, ['.planrc.yaml: smart.allow should be a list of words or phrases, such as ["support", "embed"].']);
  });

  const plan = `## R1 Early help

Timeliness of early help support.

### A1.1 Support families waiting for an early help assessment where possible

- Owner: Head of Early Help
- Due: ongoing
- Measure: Mosaic caseload extract
`;
  const codes = (smartAllow?: string[]) => lintText(plan, { today: '2025-11-01', smartAllow }).diagnostics.filter((d) => d.code.startsWith('smart-')).map((d) => `${d.code} ${plan.slice(d.range.start, d.range.end)}`);

  it('silences findings per word or phrase, in every SMART rule', () => {
    assert.deepEqual(codes(), [
      'smart-specific Support',
      'smart-specific where possible',
      'smart-time-bound ongoing',
      'smart-measurable Mosaic caseload extract',
    ]);
    assert.deepEqual(codes(['support', 'Where possible', 'ongoing', 'mosaic caseload extract']), []);
    assert.deepEqual(codes(['support']), ['smart-specific where possible', 'smart-time-bound ongoing', 'smart-measurable Mosaic caseload extract']);
  });
});

describe('SMART: scorecard, code lens and the better-link fix', () => {
  const plan = `---
as-of: 2025-11-01
---

${RETURN_HOME_AND_CARE_LEAVERS}
### A2.1 Deliver return home interview training to 40 social workers

- Owner: Principal Social Worker
- Due: 31 January 2026
- Measure: Improved practice

<!-- plan-ignore smart-achievable -->
### A2.2 Send every care leaver a letter about living arrangements at 17 and a half

- Owner: Head of Corporate Parenting
- Due: 31 January 2026
- Measure: letters sent to 100% of young people reaching 17 and a half
- Links: R7
`;
  const result = lintText(plan, { today: '2025-11-01' });
  const [a11, a21, a22] = result.plan.actions;

  it('passes, fails or leaves unchecked each letter, and counts R as failed for an unknown Links ID', () => {
    assert.equal(scorecardTitle(scorecard(a11!, result.diagnostics)), 'SMART 5/5');
    assert.equal(scorecardTitle(scorecard(a21!, result.diagnostics)), 'SMART 3/5 · fails M, R');
    assert.equal(scorecardTitle(scorecard(a22!, result.diagnostics, (code) => code === 'smart-time-bound')), 'SMART 2/3 · fails R · A, T not checked');
  });

  it('puts one lens on each action heading', () => {
    assert.deepEqual(
      smartScoreLenses(result.plan, result.diagnostics).map((lens) => [plan.slice(lens.range.start, lens.range.end).slice(0, 8), lens.title]),
      [
        ['### A1.1', 'SMART 5/5'],
        ['### A2.1', 'SMART 3/5 · fails M, R'],
        ['### A2.2', 'SMART 3/4 · fails R · A not checked'],
      ],
    );
  });

  it('offers to link the action to the recommendation that fits it better', () => {
    const diagnostic = result.diagnostics.find((d) => d.code === 'smart-relevant')!;
    assert.deepEqual(diagnostic.data?.fix, { kind: 'better-link', from: ['R2'], to: 'R1' });
    const [link, silence] = fixesFor(result, diagnostic);
    assert.equal(link!.title, "Link A2.1 to R1 (Return home interviews)");
    assert.equal(link!.preferred, true);
    assert.equal(silence!.title, 'Silence smart-relevant for A2.1');
    const fixed = applyEdits(plan, link!.edits);
    assert.match(fixed, /- Measure: Improved practice\n- Links: R1\n/);
    assert.equal(lintText(fixed, { today: '2025-11-01' }).diagnostics.filter((d) => d.code === 'smart-relevant').length, 0);
  });

  it('does not call a link poor on words that several recommendations use', () => {
    const plan = (statement: string) => `## R1 Dental health

Dental checks and immunisations for children in care, recorded in health assessments.

## R2 Health of care leavers

Health histories for care leavers, recorded in health assessments.

## R3 Workforce capacity

Capacity in the children in need teams.

### A3.1 ${statement}

- Owner: Head of Service
- Due: 31 January 2026
- Measure: 95% booked within 20 working days
`;
    const relevant = (statement: string) => lintText(plan(statement), { today: '2025-11-01' }).diagnostics.filter((d) => d.code === 'smart-relevant').map((d) => d.message.slice(0, 40));
    // Two words only R1 uses: R1 fits clearly better.
    assert.deepEqual(relevant('Book dental checks and immunisations'), ['A3.1 has nothing in common with R3 (Work']);
    // Only words R1 and R2 both use: too little to call the link poor.
    assert.deepEqual(relevant('Book health assessments'), []);
  });

  it('replaces a Links entry that names the poor fit', () => {
    const crossCutting = `${RETURN_HOME_AND_CARE_LEAVERS}
### A2.1 Send every care leaver a letter about living arrangements at 17 and a half

- Owner: Head of Corporate Parenting
- Due: 31 January 2026
- Measure: letters sent to 100% of young people reaching 17 and a half

# Cross-cutting actions

### A9.1 Deliver return home interview training to 40 social workers

- Owner: Principal Social Worker
- Due: 31 January 2026
- Measure: 40 social workers trained
- Links: R2
`;
    const crossResult = lintText(crossCutting, { today: '2025-11-01' });
    const diagnostic = crossResult.diagnostics.find((d) => d.code === 'smart-relevant')!;
    assert.equal(diagnostic.data?.element?.id, 'A9.1');
    const [replace, link] = fixesFor(crossResult, diagnostic);
    assert.equal(replace!.title, 'Change R2 to R1 (Return home interviews) in the Links of A9.1');
    assert.equal(replace!.preferred, true);
    assert.match(applyEdits(crossCutting, replace!.edits), /- Links: R1\n$/);
    assert.equal(link!.title, 'Link A9.1 to R1 (Return home interviews)');
    assert.equal(link!.preferred, false);
  });
});
