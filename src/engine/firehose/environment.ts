/**
 * What Firehose needs of the rest of the emulator, as narrow interfaces: S3 to deliver to, a Kinesis
 * stream to read from (KinesisStreamAsSource), and a runner for the user's transformation function
 * (the stand-in for Lambda). The emulator wires them; tests pass fakes.
 */

/** One record read from the source stream: its data (bytes, or Base64 text) and arrival time (epoch ms). */
export interface SourceRecord {
  data: Uint8Array | string;
  arrival: number;
}

/** A reader of a Kinesis stream, within the stream's read limits. */
export interface SourceReader {
  /** Records available now, oldest first, at most `limit`. `gone` when the stream no longer exists. */
  read(limit: number): { records: SourceRecord[]; gone?: boolean };
  /** Where reading stands: plain JSON, handed back to `openSource` after a reload. */
  checkpoint(): unknown;
}

/** A record as the transformation function receives it (the Lambda event's `records`). */
export interface TransformInputRecord {
  recordId: string;
  /** Epoch ms. */
  approximateArrivalTimestamp: number;
  /** Base64. */
  data: string;
}

/** A record as the function returns it. */
export interface TransformOutputRecord {
  recordId: string;
  result: 'Ok' | 'Dropped' | 'ProcessingFailed' | string;
  /** Base64; required with Ok. */
  data?: string;
}

/**
 * A failed invocation, as the runner rejects with it: the function threw, or ran past its timeout. Its
 * code and text go into each record's entry under the error prefix.
 */
export class TransformFailure extends Error {
  constructor(
    readonly errorCode: string,
    message: string,
  ) {
    super(message);
    this.name = 'TransformFailure';
  }
}

/** The failures a runner reports, with the codes and texts Firehose writes for them (seen in processing-failed objects). */
export const transformFailure = {
  functionError: () =>
    new TransformFailure(
      'Lambda.FunctionError',
      'The Lambda function was successfully invoked but it returned an error result.',
    ),
  /** The function's answer is not `{ records: [...] }` (Firehose's code and text for a response it cannot read). */
  badResponse: () =>
    new TransformFailure(
      'Lambda.JsonProcessingException',
      'There was an error parsing returned records from the Lambda function. Ensure that the returned records follow the status model required by Firehose.',
    ),
  timedOut: () =>
    new TransformFailure(
      'Lambda.FunctionTimedOut',
      'The Lambda function invocation timed out. Increase the Timeout setting in the Lambda function.',
    ),
};

export interface FirehoseEnvironment {
  /** Writes an object to S3; throws an AwsError (NoSuchBucket, say) when it cannot. */
  putObject(bucket: string, key: string, body: Uint8Array): void;
  /**
   * A reader over a Kinesis stream from `startAt` (epoch ms: records that arrived from then on), or
   * from `checkpoint` when one is given; undefined when the stream does not exist.
   */
  openSource?(
    streamArn: string,
    region: string,
    startAt: number,
    checkpoint?: unknown,
  ): SourceReader | undefined;
  /**
   * Runs the transformation function `lambdaArn` names on a batch of records of delivery stream
   * `stream`; rejects with a {@link TransformFailure} when the invocation fails.
   */
  transform?(
    lambdaArn: string,
    records: TransformInputRecord[],
    stream: { deliveryStreamArn: string; region: string },
  ): Promise<TransformOutputRecord[]>;
  /** Called when asynchronous work (a transformation) has finished, so the host calls `advance` soon. */
  wake?(): void;
}
