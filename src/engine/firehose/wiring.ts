import type { EngineContext } from '../protocol/context';
import { S3Service } from '../s3/service';
import type { FirehoseEnvironment } from './environment';
import { FirehoseService } from './service';

/** The content type of the objects Firehose writes to S3. */
const FIREHOSE_OBJECT_TYPE = 'application/octet-stream';

/**
 * S3 and Firehose, Firehose delivering into that S3: all the wiring the emulator needs for them, in one
 * place. `env` supplies what comes from elsewhere (a Kinesis source reader, the transformation runner).
 */
export const firehoseAndS3 = (ctx: EngineContext, env: Omit<FirehoseEnvironment, 'putObject'> = {}) => {
  const s3 = new S3Service(ctx);
  const firehose = new FirehoseService(ctx, {
    ...env,
    putObject: (bucket, key, body) =>
      void s3.store.putObject(bucket, key, body, { contentType: FIREHOSE_OBJECT_TYPE }),
  });
  return { s3, firehose };
};
