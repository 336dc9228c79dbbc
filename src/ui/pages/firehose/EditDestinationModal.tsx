import { ModalFooter } from '../../components/ModalFooter';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { useNotify } from '../../hooks/errors';
import { useFormErrors } from '../../hooks/useFormErrors';
import { requestShapes } from '../../lib/requestShapes';
import { DELIVERY_FORM_FIELDS } from '../../lib/firehoseRules';
import { fieldError } from '../streams/fieldError';
import {
  s3DestinationOf,
  useUpdateDeliveryDestination,
  type DeliveryStreamDescription,
} from '../../hooks/useFirehose';
import { bucketOfArn } from '../../lib/firehoseRules';
import {
  DestinationFields,
  draftSettings,
  type DestinationDraft,
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
  // In a dialog every answer stays in it: a notification would show behind it.
  const server = useFormErrors(DELIVERY_FORM_FIELDS, { shapes: requestShapes.updateDestination, inline: true });
  const update = useUpdateDeliveryDestination();
  const notify = useNotify();
  const settings = draftSettings(draft);

  const save = () => {
    if (!settings || !settings.bucket) return;
    server.reset();
    update.mutate(
      { name, versionId: opened.version, destinationId: opened.destinationId, ...settings },
      {
        onSuccess: () => {
          notify.success(`Updated the destination of ${name}.`);
          onDismiss();
        },
        onError: server.onError,
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
          errors={server.fields}
          onChange={(next, field) => {
            setDraft(next);
            server.clear(field);
          }}
        />
        {server.form && (
          <Alert type="error" data-testid="edit-destination-alert">
            {fieldError('edit-destination-error', server.form)}
          </Alert>
        )}
      </SpaceBetween>
    </Modal>
  );
}
