/*
 * The guided scenarios the Workshop page offers: the immersion day's Activities 1-3 (steps.ts)
 * and two more built from the same material, each with the same step/check structure. Pure: no
 * React, no SDK.
 */
import { hrefFor } from '../hooks/route';
import { CLICKSTREAM_SQL_STEPS, CLICKSTREAM_TEMPLATE, CLOUDTRAIL_SQL_STEPS, CLOUDTRAIL_TEMPLATE, type SqlStep } from '../hooks/workshopSql';
import { applicationReading, cleanedUpAfter, generatorWrote, pumpRunning, streamActive, type Remembered } from './detectors';
import { ACTIVITIES, appLink, REVIEWS, SUGGESTED, workshopSteps, type Activity, type ReviewQuestion, type StepContext, type WorkshopStep } from './steps';

export type ScenarioId = 'immersion' | 'cloudtrail' | 'clickstream';

export interface Scenario {
  id: ScenarioId;
  /** The picker's label. */
  label: string;
  /** The Workshop page's heading and description. */
  title: string;
  description: string;
  activities: Activity[];
  steps: (ctx: StepContext) => WorkshopStep[];
  reviews: ReviewQuestion[];
  /** Names its steps suggest (and "Do this step for me" uses). */
  suggested: { stream: string; application: string; deliveryStream?: string; bucket?: string };
}

const createStreamLink = { text: 'Create data stream', href: hrefFor('/create-stream') };
const generatorLink = (r: Remembered) => ({ text: 'Open the Data generator', href: hrefFor('/generator', { stream: r.stream }) });
const createAppLink = (r: Remembered) => (r.application ? appLink(r, 'source') : { text: 'Create application', href: hrefFor('/create-application') });
const appSql = (r: Remembered) => (r.application ? hrefFor(`/analytics/${encodeURIComponent(r.application)}`, { tab: 'sql' }) : hrefFor('/analytics'));

/** The SQL tab's instruction, the same for every pump step. */
const pasteAndRun = 'On the SQL tab, add the stream and then the pump below after what is there, and choose Save and run.';

/** The steps every scenario starts with: a stream, the generator with the scenario's template, an application reading it. */
const setupSteps = (
  prefix: string,
  r: Remembered,
  o: { stream: string; application: string; streamWhy: string; templateLabel: string; template: string; rate: number; templateWhy: string; columns: string[]; sourceWhy: string },
): WorkshopStep[] => [
  {
    id: `${prefix}-1`,
    activity: 1,
    title: 'Create a data stream',
    what: [
      'On Data streams, choose Create data stream.',
      `Name it (for example ${o.stream}); one provisioned shard takes this scenario's records easily.`,
      'Create it and wait until it is ACTIVE.',
    ],
    why: o.streamWhy,
    link: createStreamLink,
    paste: [{ label: 'Stream name', text: o.stream }],
    check: { kind: 'auto', detector: streamActive(o.stream), describe: 'A data stream is ACTIVE.' },
    reviews: [],
  },
  {
    id: `${prefix}-2`,
    activity: 1,
    title: `Send ${o.templateLabel} with the generator`,
    what: [
      `Open the Data generator and pick ${r.stream ?? 'your stream'} as the destination.`,
      'Paste the template below as the record template and test it to see a few records.',
      `Set a rate of about ${o.rate} records a second and choose Send. Leave it running.`,
    ],
    why: o.templateWhy,
    link: generatorLink(r),
    paste: [{ label: 'Record template', text: o.template, block: true }],
    check: { kind: 'auto', detector: generatorWrote(), describe: 'The stream has acknowledged records from the generator.' },
    reviews: [],
  },
  {
    id: `${prefix}-3`,
    activity: 2,
    title: 'Create the application and discover the schema',
    what: [
      `Create an SQL application (for example ${o.application}).`,
      `On its Source tab, choose ${r.stream ?? 'your stream'} and Discover schema. The columns include ${o.columns.join(', ')}.`,
      'Save the source.',
    ],
    why: o.sourceWhy,
    link: createAppLink(r),
    paste: [{ label: 'Application name', text: o.application }],
    check: { kind: 'auto', detector: applicationReading(o.columns), describe: `An application reads the stream with a schema that has ${o.columns.join(', ')}.` },
    reviews: [],
  },
];

/** A step that adds an in-application stream and its pump, and ticks when rows come through. */
const pumpStep = (
  id: string,
  r: Remembered,
  o: { title: string; what: string[]; why: string; sql: SqlStep; appStep: string; reviews?: string[] },
): WorkshopStep => ({
  id,
  activity: 2,
  title: o.title,
  what: [pasteAndRun, ...o.what],
  why: o.why,
  link: appLink(r, 'sql'),
  paste: [
    { label: o.sql.into, text: o.sql.stream, block: true },
    { label: o.sql.pumpName, text: o.sql.pump, block: true },
  ],
  check: { kind: 'auto', detector: pumpRunning(o.sql.pumpName, o.sql.into, true, o.appStep), describe: `The application runs ${o.sql.pumpName} and rows reach ${o.sql.into}.` },
  reviews: o.reviews ?? [],
});

const cleanUpStep = (id: string, after: string, what: string, mode: StepContext['mode']): WorkshopStep => ({
  id,
  activity: 3,
  title: 'Clean up',
  what: ['Stop the data generator.', 'Delete the application, then the data stream. The Clean up page lists what is left.'],
  why: mode === 'aws' ? 'A running application and an open shard are billed by the hour on AWS: leave nothing behind.' : 'A clean slate for the next scenario. On AWS, shards and running applications are billed by the hour.',
  link: { text: 'Open Clean up', href: hrefFor('/cleanup') },
  paste: [],
  check: { kind: 'auto', detector: cleanedUpAfter(after, what), describe: 'The generator has stopped and the stream and application are gone.' },
  reviews: [],
});

/* ---------------------------------------------------------------- CloudTrail: API calls per source IP */

const CT = { stream: 'cloudtrail-events', application: 'cloudtrail-analytics' } as const;
/** Records a second the CloudTrail steps suggest (and "Do this step for me" sends). */
export const CLOUDTRAIL_RATE = 50;

const cloudtrailSteps = ({ mode, remembered: r }: StepContext): WorkshopStep[] => [
  ...setupSteps('CT', r, {
    ...CT,
    streamWhy:
      'CloudTrail logs every call made to the AWS APIs of an account: who called, from which address, which operation. Sent to a stream, these events can be counted while they arrive rather than hours later from log files. In this scenario the generator stands in for CloudTrail.',
    templateLabel: 'CloudTrail-like events',
    template: CLOUDTRAIL_TEMPLATE,
    rate: CLOUDTRAIL_RATE,
    templateWhy:
      'Each record has the fields of a CloudTrail event: eventTime, eventSource, eventName, awsRegion, sourceIPAddress, userIdentity. Five source addresses keep the per-address counts easy to follow. About one event in seven gets an eventTime up to six minutes old, as CloudTrail delivers some events late: that is what makes counting by event time differ from counting by arrival.',
    columns: ['eventTime', 'eventName', 'sourceIPAddress'],
    sourceWhy:
      'Discovery reads eventTime as text (a VARCHAR column), since it is not in the form KDA reads as a TIMESTAMP; step CT-5 turns it into a timestamp with CHAR_TO_TIMESTAMP. The nested userIdentity fields become columns of their own (type, userName).',
  }),
  pumpStep('CT-4', r, {
    title: 'Count calls per source IP each minute (ROWTIME)',
    what: ['A row per source address appears in CALLS_PER_IP_STREAM each time a minute closes (the clock menu can skip ahead).'],
    why: "STEP(ROWTIME BY INTERVAL '1' MINUTE) puts every row in the minute it reached the application, and the GROUP BY counts the rows of each address in it: a one-minute tumbling window. ROWTIME only moves forward, so a minute closes for good when the next one starts and each count is final.",
    sql: CLOUDTRAIL_SQL_STEPS.perIp,
    appStep: 'CT-3',
  }),
  pumpStep('CT-5', r, {
    title: 'Count by event time: late events and amendments',
    what: [
      'Open CALLS_BY_EVENT_TIME_STREAM below the editor: eventMinute is the minute in which the calls were made.',
      'Look for an eventMinute that comes again a minute or more later, with a small count: that row is an amendment for late events.',
    ],
    why: "The event time is the record's own eventTime, parsed with CHAR_TO_TIMESTAMP. It cannot decide when a result is emitted, because events arrive out of order; so the GROUP BY keeps STEP on ROWTIME as the trigger and adds STEP on the event time as a grouping key. An event that arrives late falls into a later ROWTIME minute, which then emits one more row for its earlier eventMinute holding only the late calls.",
    sql: CLOUDTRAIL_SQL_STEPS.byEventTime,
    appStep: 'CT-3',
    reviews: ['late-amendments'],
  }),
  pumpStep('CT-6', r, {
    title: 'Top 10 API calls each minute',
    what: ['TOP_CALLS_STREAM gets up to ten rows a minute, the most frequent eventName first, with its count.'],
    why: 'TOP_K_ITEMS_TUMBLING counts the values of one column (eventName) over a tumbling window (60 seconds) and emits the K most frequent (10) with their counts. Like every table function it reads its rows through CURSOR(SELECT STREAM ...).',
    sql: CLOUDTRAIL_SQL_STEPS.topCalls,
    appStep: 'CT-3',
  }),
  cleanUpStep('CT-7', 'CT-6', 'the top calls have come', mode),
];

const CLOUDTRAIL_REVIEWS: ReviewQuestion[] = [
  {
    id: 'late-amendments',
    question: 'A minute was reported already, and a row for it comes again. Which count is right?',
    answer: [
      'Both rows are parts of the answer: the later row counts only the events of that minute that arrived after it was reported. The minute\'s total for an address is the sum of its rows with that eventMinute.',
      'A table keyed by minute and address keeps the total right if each row adds to it (an upsert that increments the count) rather than replaces it. Counting by ROWTIME alone never amends, but it counts a late call in the wrong minute.',
    ],
    showMe: (r) => ({ text: 'CALLS_BY_EVENT_TIME_STREAM in your application', href: appSql(r) }),
  },
];

/* ---------------------------------------------------------------- Clickstream anomaly scores */

const CS = { stream: 'clickstream', application: 'clickstream-anomalies' } as const;
/** Records a second the clickstream steps suggest (and "Do this step for me" sends). */
export const CLICKSTREAM_RATE = 50;

const clickstreamSteps = ({ mode, remembered: r }: StepContext): WorkshopStep[] => [
  ...setupSteps('CS', r, {
    ...CS,
    streamWhy:
      "A website's clicks, streamed as they happen, show a problem while it is going on: a page that suddenly answers slowly, a session clicking far more than people do. Nobody can watch every click; a model that scores each one can.",
    templateLabel: 'clicks',
    template: CLICKSTREAM_TEMPLATE,
    rate: CLICKSTREAM_RATE,
    templateWhy:
      'Each record is one click: who (userId), where (page), what (action), how long the page took (latencyMs) and how many clicks its session has had (clicksInSession). About one record in a hundred gets an extra digit on its latency or its click count: a burst of slow pages or a runaway session, the rare thing to find.',
    columns: ['latencyMs', 'clicksInSession'],
    sourceWhy: 'The two numbers become INTEGER columns, the text fields VARCHAR. Only the numeric columns go into the anomaly score of the next step; the others ride along.',
  }),
  pumpStep('CS-4', r, {
    title: 'Score every click with RANDOM_CUT_FOREST',
    what: ['Open SCORED_CLICKS_STREAM below the editor: every click comes out with an ANOMALY_SCORE.'],
    why: 'RANDOM_CUT_FOREST keeps a sample of recent rows and builds random trees over their numeric columns (latencyMs and clicksInSession). A row that the trees would have to cut off early, far from the others, gets a high ANOMALY_SCORE. Until the sample holds 256 rows every score is 0; after that ordinary clicks score around 1 or below.',
    sql: CLICKSTREAM_SQL_STEPS.score,
    appStep: 'CS-3',
  }),
  pumpStep('CS-5', r, {
    title: 'Keep the unusual clicks, highest score first',
    what: [
      'Open CLICK_ANOMALIES_STREAM below the editor: each row is a click scoring above 2.',
      'Compare its latencyMs and clicksInSession with the rows of SCORED_CLICKS_STREAM: one of them is far from the usual range.',
    ],
    why: 'A WHERE on the score keeps the rare rows, and ORDER BY the second of ROWTIME, then the score descending, puts the worst of each second first. A stream never ends, so it can only be sorted within a slice of time that starts with ROWTIME. The threshold is a choice: lower it and more ordinary clicks come through.',
    sql: CLICKSTREAM_SQL_STEPS.anomalies,
    appStep: 'CS-3',
    reviews: ['anomaly-score'],
  }),
  cleanUpStep('CS-6', 'CS-5', 'the unusual clicks have come', mode),
];

const CLICKSTREAM_REVIEWS: ReviewQuestion[] = [
  {
    id: 'anomaly-score',
    question: 'What does an ANOMALY_SCORE of 4 say?',
    answer: [
      'That the row is much further from the recent rows than usual, not that it is wrong: the score has no unit and no fixed scale. Read it against the scores of ordinary rows (here below 1) and pick a threshold from that.',
      'The forest learns from the stream itself and forgets old rows, so a burst that goes on becomes normal and its scores fall. Scores of 0 at the start only mean the sample is not full yet.',
    ],
    showMe: (r) => ({ text: 'The scores in your application', href: appSql(r) }),
  },
];

/* ---------------------------------------------------------------- the list */

export const SCENARIOS: Scenario[] = [
  {
    id: 'immersion',
    label: 'Immersion day (Activities 1-3)',
    title: 'Workshop: Building a streaming data platform',
    description:
      "The Kinesis immersion day's Activities 1-3, done in this console. Each step says what to do and why, takes you to where it is done, and ticks itself when the console sees it done.",
    activities: ACTIVITIES,
    steps: workshopSteps,
    reviews: REVIEWS,
    suggested: SUGGESTED,
  },
  {
    id: 'cloudtrail',
    label: 'CloudTrail: API calls per source IP',
    title: 'Workshop: API calls per source IP',
    description:
      'Count CloudTrail-like API calls per source address every minute, first by arrival time, then by the time of the call, where late events come back as amendments; then rank the ten most frequent calls.',
    activities: [
      { id: 1, title: 'Part 1: Stream the events', goal: 'A stream fed with CloudTrail-shaped events by the data generator, some of them late.' },
      { id: 2, title: 'Part 2: Count and rank the calls', goal: 'An application that counts calls per source IP by ROWTIME and by event time, and ranks the top 10 calls each minute.' },
      { id: 3, title: 'Part 3: Clean up', goal: 'Everything the scenario made, deleted.' },
    ],
    steps: cloudtrailSteps,
    reviews: CLOUDTRAIL_REVIEWS,
    suggested: CT,
  },
  {
    id: 'clickstream',
    label: 'Clickstream anomaly scores',
    title: 'Workshop: Clickstream anomaly scores',
    description: 'Score every click of a website with RANDOM_CUT_FOREST and keep the rare ones: slow pages and runaway sessions, highest score first.',
    activities: [
      { id: 1, title: 'Part 1: Stream the clicks', goal: 'A stream fed with clicks by the data generator, with a rare burst among them.' },
      { id: 2, title: 'Part 2: Score the clicks', goal: 'An application that gives every click an anomaly score and keeps the unusual ones.' },
      { id: 3, title: 'Part 3: Clean up', goal: 'Everything the scenario made, deleted.' },
    ],
    steps: clickstreamSteps,
    reviews: CLICKSTREAM_REVIEWS,
    suggested: CS,
  },
];

export const DEFAULT_SCENARIO: ScenarioId = 'immersion';

export const scenarioById = (id: string): Scenario => SCENARIOS.find((s) => s.id === id) ?? SCENARIOS[0];

/** A review question of any scenario. */
export const reviewById = (id: string): ReviewQuestion => SCENARIOS.flatMap((s) => s.reviews).find((q) => q.id === id)!;
