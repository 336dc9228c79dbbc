/*
 * The immersion day's Activities 1-3 as data: for each step, what to do and why (the console's
 * own words), where it is done, the text to paste, and how the console knows it is done.
 * Pure: no React, no SDK; the Workshop page and the walkthrough panel render it.
 */
import { hrefFor } from '../hooks/route';
import { SENSOR_TEMPLATE } from '../hooks/useGeneratorTemplates';
import { WORKSHOP_SQL_STEPS } from '../hooks/workshopSql';
import {
  aggregatePumpRunning,
  applicationStopped,
  applicationWithSource,
  cleanedUp,
  dedupPumpRunning,
  deliveryStreamToS3,
  filteredToFirehose,
  filterRowsSeen,
  generatorWroteRecords,
  incomingRecordsSeen,
  objectsInS3,
  streamWithTwoShards,
  WORKSHOP_RATE,
  type Detector,
  type Remembered,
} from './detectors';
import { workshopPolicy } from './policy';

/** A part of a scenario (the immersion day's Activities 1-3). */
export type ActivityId = number;

export interface Activity {
  id: ActivityId;
  title: string;
  goal: string;
}

export const ACTIVITIES: Activity[] = [
  { id: 1, title: 'Activity 1: Create and fill a data stream', goal: 'A stream of two shards, fed with IoT sensor readings by the data generator, watched on its metrics.' },
  { id: 2, title: 'Activity 2: Process the stream with SQL', goal: 'An analytics application that removes duplicates, keeps the interesting readings and counts them per sensor every 10 seconds.' },
  { id: 3, title: 'Activity 3: Deliver the results to S3', goal: 'A Firehose delivery stream that writes the filtered rows to a bucket as CSV, then everything cleaned away.' },
];

export interface StepLink {
  text: string;
  href: string;
}

export interface PasteText {
  label: string;
  text: string;
  /** Shown as code (SQL, JSON) rather than as a short value. */
  block?: boolean;
}

export type StepCheck =
  /** Ticks itself when the detector passes. */
  | { kind: 'auto'; detector: Detector; describe: string }
  /** Ticks when the user says so (nothing in the console's state shows it). */
  | { kind: 'manual'; describe: string };

export interface WorkshopStep {
  id: string;
  activity: ActivityId;
  title: string;
  /** What to do, one instruction a line. */
  what: string[];
  why: string;
  link?: StepLink;
  paste: PasteText[];
  check: StepCheck;
  /** Review questions answered beside this step. */
  reviews: ReviewId[];
}

export interface StepContext {
  mode: 'emulated' | 'aws';
  region: string;
  remembered: Remembered;
}

/** Names the steps suggest (any name works: the checks follow what the user made). */
export const SUGGESTED = {
  stream: 'iot-sensor-stream',
  application: 'iot-sensor-analytics',
  deliveryStream: 'iot-filtered-delivery',
  bucket: 'filtered-iot-data',
} as const;

const enc = encodeURIComponent;
export const streamLink = (r: Remembered, tab?: string): StepLink =>
  r.stream ? { text: `Open ${r.stream}`, href: hrefFor(`/streams/${enc(r.stream)}`, { tab }) } : { text: 'Open Data streams', href: hrefFor('/streams') };
export const appLink = (r: Remembered, tab: 'source' | 'sql' | 'destination'): StepLink =>
  r.application
    ? { text: `Open ${r.application}`, href: hrefFor(`/analytics/${enc(r.application)}`, { tab }) }
    : { text: 'Open SQL applications', href: hrefFor('/analytics') };

export const workshopSteps = ({ mode, region, remembered: r }: StepContext): WorkshopStep[] => [
  {
    id: '1-A',
    activity: 1,
    title: 'Create a data stream with 2 shards',
    what: [
      'On Data streams, choose Create data stream.',
      `Name it (for example ${SUGGESTED.stream}), keep the provisioned capacity mode and set the number of shards to 2.`,
      'Create it and wait until its status turns from CREATING to ACTIVE.',
    ],
    why: 'A shard is the unit of a stream\'s capacity: two shards take twice the writes of one, and the stream splits the key space between them. With two you can watch records spread out.',
    link: { text: 'Create data stream', href: hrefFor('/create-stream') },
    paste: [{ label: 'Stream name', text: SUGGESTED.stream }],
    check: { kind: 'auto', detector: streamWithTwoShards, describe: 'A data stream with 2 open shards is ACTIVE.' },
    reviews: [],
  },
  {
    id: '1-B',
    activity: 1,
    title: 'Credentials for the producer',
    what:
      mode === 'emulated'
        ? [
            'Nothing to create here: in emulated mode every call is answered inside this page, and the emulator signs and checks requests with built-in keys.',
            'On AWS you would create an IAM user for the producer (say kinesis_producer), give it a policy that allows writing to the stream, and keep its access key for the generator.',
            'Choose Mark as done to move on.',
          ]
        : [
            'In the IAM console, create a user (or a role you can assume) for this workshop and attach the policy below.',
            'Create an access key for it, then enter the key in this console\'s connection settings (the mode button in the top bar).',
            'The key stays in this browser and only signs requests to AWS. Choose Mark as done when the console is connected with it.',
          ],
    why:
      mode === 'emulated'
        ? 'A producer signs every PutRecords call with a key. Giving it its own user with only the permissions it needs keeps a leaked key from doing more than writing sensor data.'
        : 'The policy allows exactly what the three activities do (streams, delivery streams, the SQL application, the bucket and the metrics) and lets Firehose and Analytics assume only roles passed to them.',
    paste: mode === 'aws' ? [{ label: 'IAM policy for the workshop', text: workshopPolicy(region), block: true }] : [],
    check: { kind: 'manual', describe: mode === 'emulated' ? 'Mark as done once you have read how it would be on AWS.' : 'Mark as done once the console uses the new key.' },
    reviews: [],
  },
  {
    id: '1-C',
    activity: 1,
    title: 'Write sensor data with the generator',
    what: [
      `Open the Data generator and pick ${r.stream ?? 'your stream'} as the destination.`,
      'Paste the sensor template below as the record template (the built-in "Sensor readings" template is the same text). Test it to see sample records.',
      `Set a rate between ${WORKSHOP_RATE.min} and ${WORKSHOP_RATE.max} records a second and choose Send. Leave it running for the next activities.`,
    ],
    why: 'The generator renders the template for each record and writes them in PutRecords batches, as a fleet of sensors would. Each record gets a random partition key, so the records spread over both shards.',
    link: { text: 'Open the Data generator', href: hrefFor('/generator', { stream: r.stream }) },
    paste: [{ label: 'Sensor record template', text: SENSOR_TEMPLATE, block: true }],
    check: { kind: 'auto', detector: generatorWroteRecords, describe: `The stream has acknowledged records from the generator, sent at ${WORKSHOP_RATE.min}-${WORKSHOP_RATE.max} records a second.` },
    reviews: [],
  },
  {
    id: '1-R',
    activity: 1,
    title: 'Review: shards and partition keys',
    what: [
      `Open the Shards tab of ${r.stream ?? 'your stream'}: the bar shows the hash key space and the part each shard owns.`,
      'Type a partition key into the bar\'s field to see which shard would take it. Then read the answers below.',
    ],
    why: 'How keys map to shards decides whether a stream\'s capacity is really used: a few busy keys can overload one shard while the other idles.',
    link: { ...streamLink(r, 'shards'), text: r.stream ? `Shards of ${r.stream}` : 'Open Data streams' },
    paste: [],
    check: { kind: 'manual', describe: 'Mark as done when you can answer the three questions.' },
    reviews: ['shard-throughput', 'which-shard', 'partition-key'],
  },
  {
    id: '1-M',
    activity: 1,
    title: 'Monitor IncomingRecords',
    what: [
      `Open Monitoring for ${r.stream ?? 'your stream'}.`,
      'Find the IncomingRecords chart: each point is the SUM of records written in one minute.',
      'Turn on shard-level metrics to see the same count per shard: that is how you see which records went to which shard.',
    ],
    why: 'IncomingRecords as a 1-minute sum is the first thing to look at when a producer misbehaves: it shows whether data arrives and how much, next to throttled writes.',
    link: { text: 'Open Monitoring', href: hrefFor('/monitoring', { stream: r.stream }) },
    paste: [],
    check: { kind: 'auto', detector: incomingRecordsSeen, describe: 'IncomingRecords for the stream shows records in its 1-minute sums.' },
    reviews: [],
  },
  {
    id: '2-A',
    activity: 2,
    title: 'Create the application and discover the schema',
    what: [
      `Create an SQL application (for example ${SUGGESTED.application}).`,
      `On its Source tab, choose ${r.stream ?? 'your stream'} and Discover schema: the console reads records from the stream and proposes columns (sensorId, eventTimeStamp, ambientTemp, measuredTemp).`,
      'Check the column types and save the source.',
    ],
    why: 'SQL needs columns. Schema discovery samples the JSON records and maps each field to a typed column of SOURCE_SQL_STREAM_001, the in-application stream the input feeds.',
    link: r.application ? appLink(r, 'source') : { text: 'Create application', href: hrefFor('/create-application') },
    paste: [{ label: 'Application name', text: SUGGESTED.application }],
    check: { kind: 'auto', detector: applicationWithSource, describe: 'An application reads the stream with a discovered schema.' },
    reviews: [],
  },
  {
    id: '2-B',
    activity: 2,
    title: 'Remove duplicates (DEDUP_PUMP)',
    what: [
      'On the SQL tab, paste the stream and then the pump below, and choose Save and run.',
      'Watch CLEAN_IOT_STREAM fill in the real-time analytics below the editor.',
    ],
    why: 'A producer that retries after a timeout can send a record twice. SELECT STREAM DISTINCT over a one-second window (FLOOR of ROWTIME to the second) lets each copy through only once. The quoted names keep the JSON fields\' mixed case.',
    link: appLink(r, 'sql'),
    paste: [
      { label: 'CLEAN_IOT_STREAM', text: WORKSHOP_SQL_STEPS.dedup.stream, block: true },
      { label: 'DEDUP_PUMP', text: WORKSHOP_SQL_STEPS.dedup.pump, block: true },
    ],
    check: { kind: 'auto', detector: dedupPumpRunning, describe: 'The application runs DEDUP_PUMP and rows reach CLEAN_IOT_STREAM.' },
    reviews: [],
  },
  {
    id: '2-C',
    activity: 2,
    title: 'Add a continuous filter (FILTERED_STREAM)',
    what: ['Add the stream and the pump below after the ones of 2-B, and save and run again.', 'Open FILTERED_STREAM in the real-time analytics and wait for rows.'],
    why: 'A WHERE clause on a stream runs forever: only readings whose measured and ambient temperatures differ by more than 20 degrees pass. Activity 3 sends these rows to S3.',
    link: appLink(r, 'sql'),
    paste: [
      { label: 'FILTERED_STREAM', text: WORKSHOP_SQL_STEPS.filter.stream, block: true },
      { label: 'FILTER_PUMP', text: WORKSHOP_SQL_STEPS.filter.pump, block: true },
    ],
    check: { kind: 'auto', detector: filterRowsSeen, describe: 'Rows appear in FILTERED_STREAM.' },
    reviews: [],
  },
  {
    id: '2-D',
    activity: 2,
    title: 'Aggregate over a tumbling window',
    what: [
      'Add the aggregate stream and pump below, save and run.',
      'A row per sensor appears in AGGREGATE_STREAM when each 10-second window closes (the clock menu can skip ahead).',
    ],
    why: 'A tumbling window cuts time into back-to-back slices that never overlap. Grouping by FLOOR((ROWTIME - epoch) SECOND / 10) gives one average and count per sensor per 10 seconds, like a periodic report.',
    link: appLink(r, 'sql'),
    paste: [
      { label: 'AGGREGATE_STREAM', text: WORKSHOP_SQL_STEPS.aggregate.stream, block: true },
      { label: 'AGGREGATE_PUMP', text: WORKSHOP_SQL_STEPS.aggregate.pump, block: true },
    ],
    check: { kind: 'auto', detector: aggregatePumpRunning, describe: 'Windows close into AGGREGATE_STREAM.' },
    reviews: [],
  },
  {
    id: '2-E',
    activity: 2,
    title: 'Stop the application',
    what: [`On ${r.application ?? 'the application'}'s page, choose Stop and wait for READY.`, 'Its code, source and streams stay; Activity 3 runs it again.'],
    why: 'A running application reads its source continuously (and on AWS bills for its processing units). Stopping keeps the configuration and frees the rest.',
    link: appLink(r, 'sql'),
    paste: [],
    check: { kind: 'auto', detector: applicationStopped, describe: 'The application is READY again after running the pumps.' },
    reviews: ['in-application-streams'],
  },
  {
    id: '3-A',
    activity: 3,
    title: 'Create a Firehose delivery stream to S3',
    what: [
      `Create a delivery stream with a name other than your data stream's (for example ${SUGGESTED.deliveryStream}), source Direct PUT.`,
      `Destination Amazon S3: create a new bucket (for example <yourname>-${SUGGESTED.bucket}).`,
      'Buffer size 5 MB, buffer interval 60 seconds, no compression, error logging on.',
    ],
    why: 'Firehose gathers records and writes one object when either limit is reached first: 5 MB of data or 60 seconds since the first record. Larger buffers mean fewer, bigger objects; shorter intervals mean fresher data.',
    link: r.deliveryStream ? { text: `Open ${r.deliveryStream}`, href: hrefFor(`/firehose/${enc(r.deliveryStream)}`) } : { text: 'Create delivery stream', href: hrefFor('/create-delivery-stream') },
    paste: [
      { label: 'Delivery stream name', text: SUGGESTED.deliveryStream },
      { label: 'Bucket name', text: `yourname-${SUGGESTED.bucket}` },
    ],
    check: { kind: 'auto', detector: deliveryStreamToS3, describe: 'A delivery stream to S3 with 5 MB / 60 s buffering is ACTIVE.' },
    reviews: [],
  },
  {
    id: '3-B',
    activity: 3,
    title: 'Connect FILTERED_STREAM to the delivery stream',
    what: [
      `On ${r.application ?? 'the application'}'s Destination tab, add a destination: the delivery stream ${r.deliveryStream ?? 'of 3-A'}.`,
      'Set the in-application stream to FILTERED_STREAM and the output format to CSV, save.',
      'Run the application again.',
    ],
    why: 'A destination pumps one in-application stream out of the application. Only FILTERED_STREAM goes: the interesting readings, one CSV line each.',
    link: appLink(r, 'destination'),
    paste: [{ label: 'In-application stream', text: 'FILTERED_STREAM' }],
    check: { kind: 'auto', detector: filteredToFirehose, describe: 'FILTERED_STREAM goes to the delivery stream as CSV and the application runs.' },
    reviews: [],
  },
  {
    id: '3-C',
    activity: 3,
    title: 'Find the results in S3',
    what: [
      `Open the bucket ${r.bucket ?? 'of 3-A'} and go down the year/month/day/hour folders.`,
      'Open an object: each line is a filtered reading in CSV.',
      'Nothing yet? The first object comes when the buffer\'s 60 seconds are up (skip ahead with the clock menu).',
    ],
    why: 'Firehose names objects by the UTC hour of their oldest record, so a day of data lands in 24 folders, ready for tools that read by date.',
    link: r.bucket ? { text: `Open s3://${r.bucket}`, href: hrefFor(`/s3/${enc(r.bucket)}`) } : { text: 'Open S3', href: hrefFor('/s3') },
    paste: [],
    check: { kind: 'auto', detector: objectsInS3, describe: 'An object from the delivery stream is in the bucket.' },
    reviews: ['firehose-delivery'],
  },
  {
    id: '3-D',
    activity: 3,
    title: 'Clean up',
    what: [
      'Stop the data generator.',
      'Delete the application, then the data stream and the delivery stream.',
      'Empty and delete the bucket. The Clean up page lists what is left.',
    ],
    why: mode === 'aws' ? 'Shards, running applications and stored objects cost money by the hour on AWS: leave nothing behind.' : 'A clean slate for the next run. On AWS, shards and running applications are billed by the hour.',
    link: { text: 'Open Clean up', href: hrefFor('/cleanup') },
    paste: [],
    check: { kind: 'auto', detector: cleanedUp, describe: 'The generator has stopped and the stream, application, delivery stream and bucket are gone.' },
    reviews: [],
  },
];

/** A review question's id, unique over every scenario. */
export type ReviewId = string;

export interface ReviewQuestion {
  id: ReviewId;
  question: string;
  answer: string[];
  showMe: (r: Remembered) => StepLink;
}

/** The lab's review questions, answered for this console, each with a link to the live thing. */
export const REVIEWS: ReviewQuestion[] = [
  {
    id: 'shard-throughput',
    question: 'How much can one shard take?',
    answer: [
      'Writes: 1 MiB a second or 1,000 records a second, whichever comes first. Reads: 2 MiB a second and 5 GetRecords calls a second, shared by every consumer of the shard.',
      'Your 2-shard stream takes 2 MiB or 2,000 records a second. Past that, the emulator answers as AWS does: the record fails inside PutRecords with ProvisionedThroughputExceededException and the generator retries it.',
    ],
    showMe: (r) => ({ text: 'Throttled writes on Monitoring', href: hrefFor('/monitoring', { stream: r.stream }) }),
  },
  {
    id: 'which-shard',
    question: 'How is the shard of a record chosen?',
    answer: [
      'The stream takes the MD5 of the partition key as a 128-bit number. Each shard owns a range of those numbers; the record goes to the shard whose range holds it (or to the range of its ExplicitHashKey, if it has one).',
      'A new stream splits the range evenly, so with 2 shards each owns half. The hash-space bar on the Shards tab draws the ranges and places any key you type.',
    ],
    showMe: (r) => ({ text: 'The hash-space bar', href: r.stream ? hrefFor(`/streams/${enc(r.stream)}`, { tab: 'shards' }) : hrefFor('/streams') }),
  },
  {
    id: 'partition-key',
    question: 'What makes a good partition key?',
    answer: [
      'Many distinct values, each with a modest share of the traffic: a device or user id rather than a country or a status. Then the hash spreads records evenly over the shards.',
      'Records with the same key keep their order in one shard, so choose the key by what must stay in order (all readings of one sensor). A key shared by most records makes one shard hot while the others idle.',
    ],
    showMe: (r) => ({ text: 'Records per shard', href: hrefFor('/monitoring', { stream: r.stream }) }),
  },
  {
    id: 'in-application-streams',
    question: 'What else is special about an in-application stream?',
    answer: [
      'It lives only inside the running application: you cannot read it from outside except through a destination, and its rows are gone when they have passed through. Nothing is stored; querying it means a pump or a destination reading rows as they come.',
      'Every row carries ROWTIME, the time it entered the application, kept in order; windows are defined on it. And the application writes rows it could not process to its error stream instead of stopping.',
    ],
    showMe: (r) => ({ text: 'The streams and error stream of your application', href: r.application ? hrefFor(`/analytics/${enc(r.application)}`, { tab: 'sql' }) : hrefFor('/analytics') }),
  },
  {
    id: 'firehose-delivery',
    question: 'What can stop Firehose from delivering, and where do you look?',
    answer: [
      'The bucket is deleted or its policy (or Firehose\'s role) no longer lets Firehose write; a transformation fails; the data is not what the destination expects. Firehose retries, and what it still cannot deliver goes under the error prefix in the bucket.',
      'Look at the delivery stream\'s error log and metrics (DeliveryToS3.Success, DataFreshness), then at the error prefix in the bucket. Nothing at all in S3 after a minute may just mean the buffer has not filled or timed out yet.',
    ],
    showMe: (r) => (r.deliveryStream ? { text: `${r.deliveryStream}: errors and error prefix`, href: hrefFor(`/firehose/${enc(r.deliveryStream)}`) } : { text: 'Delivery streams', href: hrefFor('/firehose') }),
  },
];
