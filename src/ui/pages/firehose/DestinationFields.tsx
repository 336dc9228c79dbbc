import Autosuggest from '@cloudscape-design/components/autosuggest';
import Box from '@cloudscape-design/components/box';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Tiles from '@cloudscape-design/components/tiles';
import Toggle from '@cloudscape-design/components/toggle';
import { hrefFor } from '../../hooks/route';
import { useBucketNames, type Compression, type S3DestinationSettings } from '../../hooks/useFirehose';
import {
  BUFFER_INTERVAL,
  BUFFER_SIZE,
  bufferIntervalProblem,
  bufferSizeProblem,
  DEFAULT_BUFFER_INTERVAL,
  DEFAULT_BUFFER_SIZE,
  hintShapes,
  type DeliveryFormField,
} from '../../lib/firehoseRules';
import { parseWhole } from '../../lib/forms';
import { fieldError } from '../streams/fieldError';
import { problemMessage, type FieldMessage } from '../../lib/fieldMessages';

/** The S3 destination as the form holds it: numbers as typed, so nothing the user typed is lost. */
export interface DestinationDraft {
  bucket: string;
  prefix: string;
  errorPrefix: string;
  size: string;
  interval: string;
  compression: Compression;
  errorLogging: boolean;
}

export const emptyDestination: DestinationDraft = {
  bucket: '',
  prefix: '',
  errorPrefix: '',
  size: String(DEFAULT_BUFFER_SIZE),
  interval: String(DEFAULT_BUFFER_INTERVAL),
  compression: 'UNCOMPRESSED',
  // The AWS console turns error logging on by default, as the workshop asks.
  errorLogging: true,
};

/** The draft as request settings; undefined while a buffer hint is not a number at all. */
export const draftSettings = (d: DestinationDraft): S3DestinationSettings | undefined => {
  const size = parseWhole(d.size);
  const interval = parseWhole(d.interval);
  if (size === undefined || interval === undefined) return undefined;
  return {
    bucket: d.bucket.trim(),
    prefix: d.prefix,
    errorPrefix: d.errorPrefix,
    sizeInMBs: size,
    intervalInSeconds: interval,
    compression: d.compression,
    errorLogging: d.errorLogging,
  };
};

export type FieldErrors = Partial<Record<DeliveryFormField, string | FieldMessage>>;

const PREFIX_HINT = (
  <>
    Optional. Expressions are evaluated at delivery in UTC, e.g.{' '}
    <Box variant="code">{'data/!{timestamp:yyyy/MM/dd}/'}</Box>. Without a timestamp expression Firehose adds{' '}
    <Box variant="code">YYYY/MM/dd/HH/</Box> after the prefix.
  </>
);
const ERROR_PREFIX_HINT = (
  <>
    Optional; required when the S3 prefix has expressions, and it must then contain{' '}
    <Box variant="code">{'!{firehose:error-output-type}'}</Box>, e.g.{' '}
    <Box variant="code">{'errors/!{firehose:error-output-type}/'}</Box>.
  </>
);

/**
 * The S3 destination's fields, shared by the create form and the Edit dialog: bucket, prefixes,
 * buffer hints, compression and error logging. `errors` are AWS's answers (they win) by field.
 */
export function DestinationFields({
  draft,
  onChange,
  errors,
}: {
  draft: DestinationDraft;
  onChange: (next: DestinationDraft, changed?: DeliveryFormField) => void;
  errors: FieldErrors;
}) {
  const buckets = useBucketNames();
  const set =
    <K extends keyof DestinationDraft>(key: K, field?: DeliveryFormField) =>
    (value: DestinationDraft[K]) =>
      onChange({ ...draft, [key]: value }, field);
  const bucket = draft.bucket.trim();
  const unknownBucket = !!bucket && !!buckets.data && !buckets.data.includes(bucket);

  return (
    <SpaceBetween size="l">
      <FormField
        label="S3 bucket"
        description="Where Firehose writes the records, in objects of one buffer each."
        constraintText={
          unknownBucket ? (
            <span data-testid="bucket-unknown">
              There is no bucket named {bucket} in this account yet: deliveries fail until it exists.
            </span>
          ) : undefined
        }
        secondaryControl={
          <Link href={hrefFor('/s3')} data-testid="create-bucket-link">
            Create bucket
          </Link>
        }
        errorText={fieldError('bucket-error', errors.bucket)}
      >
        <Autosuggest
          data-testid="bucket-input"
          ariaLabel="S3 bucket"
          placeholder="Choose or enter a bucket name"
          value={draft.bucket}
          enteredTextLabel={(v) => `Use "${v}"`}
          statusType={buckets.isLoading ? 'loading' : buckets.error ? 'error' : 'finished'}
          loadingText="Loading buckets"
          errorText="Could not list the buckets."
          empty="No buckets yet. Create one on the S3 page."
          options={(buckets.data ?? []).map((b) => ({ value: b }))}
          onChange={({ detail }) => set('bucket', 'bucket')(detail.value)}
        />
      </FormField>
      <ColumnLayout columns={2}>
        <FormField
          label="S3 bucket prefix"
          constraintText={PREFIX_HINT}
          errorText={fieldError('prefix-error', errors.prefix)}
        >
          <Input
            data-testid="prefix-input"
            ariaLabel="S3 bucket prefix"
            placeholder="data/"
            value={draft.prefix}
            onChange={({ detail }) => set('prefix', 'prefix')(detail.value)}
          />
        </FormField>
        <FormField
          label="S3 bucket error output prefix"
          constraintText={ERROR_PREFIX_HINT}
          errorText={fieldError('error-prefix-error', errors.errorPrefix)}
        >
          <Input
            data-testid="error-prefix-input"
            ariaLabel="S3 bucket error output prefix"
            placeholder="errors/"
            value={draft.errorPrefix}
            onChange={({ detail }) => set('errorPrefix', 'errorPrefix')(detail.value)}
          />
        </FormField>
      </ColumnLayout>
      <ColumnLayout columns={2}>
        <FormField
          label="Buffer size (MiB)"
          description="An object is written when this much data has arrived or the interval has passed, whichever comes first."
          constraintText={`${BUFFER_SIZE.min}-${BUFFER_SIZE.max} MiB.`}
          errorText={fieldError('buffer-size-error', errors.size ?? problemMessage(bufferSizeProblem(draft.size), hintShapes.SizeInMBs))}
        >
          <Input
            type="number"
            inputMode="numeric"
            data-testid="buffer-size-input"
            ariaLabel="Buffer size in MiB"
            value={draft.size}
            onChange={({ detail }) => set('size', 'size')(detail.value)}
          />
        </FormField>
        <FormField
          label="Buffer interval (seconds)"
          description="The longest a record waits in the buffer before it is written."
          constraintText={`${BUFFER_INTERVAL.min}-${BUFFER_INTERVAL.max} seconds. The workshop uses 60.`}
          errorText={fieldError(
            'buffer-interval-error',
            errors.interval ?? problemMessage(bufferIntervalProblem(draft.interval), hintShapes.IntervalInSeconds),
          )}
        >
          <Input
            type="number"
            inputMode="numeric"
            data-testid="buffer-interval-input"
            ariaLabel="Buffer interval in seconds"
            value={draft.interval}
            onChange={({ detail }) => set('interval', 'interval')(detail.value)}
          />
        </FormField>
      </ColumnLayout>
      <FormField
        label="Compression for data records"
        errorText={fieldError('compression-error', errors.compression)}
      >
        <Tiles
          ariaLabel="Compression for data records"
          value={draft.compression}
          onChange={({ detail }) => set('compression', 'compression')(detail.value as Compression)}
          items={[
            {
              value: 'UNCOMPRESSED',
              label: 'Not enabled',
              description: 'Objects hold the records as they were sent.',
            },
            {
              value: 'GZIP',
              label: 'GZIP',
              description: 'Objects are gzipped and named with a .gz extension.',
            },
          ]}
        />
      </FormField>
      <FormField
        label="Amazon CloudWatch error logging"
        description="Delivery errors are logged to the log group /aws/kinesisfirehose/<delivery stream name>."
      >
        <Toggle
          data-testid="error-logging-toggle"
          checked={draft.errorLogging}
          onChange={({ detail }) => set('errorLogging')(detail.checked)}
        >
          {draft.errorLogging ? 'Enabled' : 'Disabled'}
        </Toggle>
      </FormField>
    </SpaceBetween>
  );
}
