import { ModalFooter } from '../../components/ModalFooter';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { describeError, formatError, useNotify } from '../../hooks/errors';
import {
  deliveryFieldOf,
  s3DestinationOf,
  useUpdateDeliveryDestination,
  type DeliveryStreamDescription,
} from '../../hooks/useFirehose';
import { bucketOfArn } from '../../lib/firehoseRules';
import {
  DestinationFields,
  draftSettings,
  type DestinationDraft,
  type FieldErrors,
} from './DestinationFields';

/** The form's draft from a described destination. */
export const draftOf = (d: DeliveryStreamDescription): DestinationDraft => {
  const s3 = s3DestinationOf(d);
  return {
    bucket: bucketOfArn(s3?.BucketARN) ?? '',
    prefix: s3?.Prefix ?? '',
    errorPrefix: s3?.ErrorOutputPrefix ?? '',
    size: String(s3?.BufferingHints?.SizeInMBs ?? ''),
    interval: String(s3?.BufferingHints?.IntervalInSeconds ?? ''),
    compression: s3?.CompressionFormat === 'GZIP' ? 'GZIP' : 'UNCOMPRESSED',
    errorLogging: !!s3?.CloudWatchLoggingOptions?.Enabled,
  };
};

/** Edits the S3 destination with UpdateDestination, naming the version the dialog was opened on. */
export function EditDestinationModal({
  stream,
  visible,
  onDismiss,
}: {
  stream: DeliveryStreamDescription;
  visible: boolean;
  onDismiss: () => void;
}) {
  const name = stream.DeliveryStreamName ?? '';
  // The version and settings as they were when the dialog opened: a change made elsewhere since is AWS's to report.
  const [opened] = useState(() => ({
    version: stream.VersionId ?? '1',
    destinationId: stream.Destinations?.[0]?.DestinationId ?? '',
  }));
  const [draft, setDraft] = useState<DestinationDraft>(() => draftOf(stream));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | undefined>();
  const update = useUpdateDeliveryDestination();
  const notify = useNotify();
  const settings = draftSettings(draft);

  const save = () => {
    if (!settings || !settings.bucket) return;
    setErrors({});
    setProblem(undefined);
    update.mutate(
      { name, versionId: opened.version, destinationId: opened.destinationId, ...settings },
      {
        onSuccess: () => {
          notify.success(`Updated the destination of ${name}.`);
          onDismiss();
        },
        onError: (e) => {
          const shown = describeError(e);
          const field = deliveryFieldOf(shown);
          if (field) setErrors({ [field]: formatError(shown) });
          else setProblem(formatError(shown));
        },
      },
    );
  };

  return (
    <Modal
      visible={visible}
      onDismiss={onDismiss}
      size="large"
      header={`Edit destination settings of ${name}`}
      closeAriaLabel="Close dialog"
      data-testid="edit-destination-modal"
      footer={
        <ModalFooter onCancel={onDismiss}>
        <Button
          variant="primary"
          loading={update.isPending}
          disabled={!settings || !settings.bucket}
          onClick={save}
          data-testid="save-destination"
        >
          Save changes
        </Button>
        </ModalFooter>
      }
    >
      <SpaceBetween size="l">
        <Box variant="p" color="text-body-secondary">
          Objects written from now on carry the next version number in their names (version{' '}
          {Number(opened.version) + 1}).
        </Box>
        <DestinationFields
          draft={draft}
          errors={errors}
          onChange={(next, field) => {
            setDraft(next);
            setProblem(undefined);
            if (field) setErrors((e) => ({ ...e, [field]: undefined }));
          }}
        />
        {problem && (
          <Alert type="error" data-testid="edit-destination-error">
            {problem}
          </Alert>
        )}
      </SpaceBetween>
    </Modal>
  );
}
