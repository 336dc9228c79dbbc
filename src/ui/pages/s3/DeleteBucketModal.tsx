import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Input, { type InputProps } from '@cloudscape-design/components/input';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useEffect, useRef, useState } from 'react';
import { describeError, useNotify, type ShownError } from '../../hooks/errors';
import { useDeleteBucket } from '../../hooks/useS3';
import { EmptyBucketPanel } from './EmptyBucketPanel';
import { ModalFooter } from '../../components/ModalFooter';

/**
 * Deletes a bucket after the user types its name. S3 refuses a bucket with objects in it
 * (BucketNotEmpty): its error shows here, with the way out, emptying the bucket first.
 */
export function DeleteBucketModal({ bucket, onDismiss, onDeleted }: { bucket: string; onDismiss: () => void; onDeleted?: () => void }) {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<ShownError | undefined>();
  // Once S3 has said BucketNotEmpty, the way to empty it stays on screen (with its result).
  const [offerEmpty, setOfferEmpty] = useState(false);
  const del = useDeleteBucket();
  const notify = useNotify();
  const input = useRef<InputProps.Ref>(null);
  useEffect(() => {
    // The modal focuses its close button on opening; the confirmation field is where the user types.
    const timer = setTimeout(() => input.current?.focus(), 50);
    return () => clearTimeout(timer);
  }, []);
  const confirm = () => {
    setError(undefined);
    del.mutate(bucket, {
      onSuccess: () => {
        notify.success(`Deleted bucket ${bucket}.`);
        onDeleted?.();
        onDismiss();
      },
      onError: (e) => {
        const shown = describeError(e);
        setError(shown);
        if (shown.type === 'BucketNotEmpty') setOfferEmpty(true);
      },
    });
  };
  const notEmpty = error?.type === 'BucketNotEmpty';
  return (
    <Modal
      visible
      onDismiss={onDismiss}
      header={`Delete bucket ${bucket}?`}
      closeAriaLabel="Close dialog"
      data-testid="delete-bucket-modal"
      footer={
        <ModalFooter onCancel={onDismiss}>
        <Button variant="primary" disabled={typed !== bucket} loading={del.isPending} onClick={confirm} data-testid="delete-bucket-confirm">
          Delete bucket
        </Button>
        </ModalFooter>
      }
    >
      <SpaceBetween size="m">
        <Box variant="p">S3 deletes only empty buckets. A deleted bucket's name can be taken again.</Box>
        <FormField label={`To confirm, type the bucket name "${bucket}".`}>
          <Input
            value={typed}
            ariaLabel="Type the bucket name to confirm"
            ref={input}
            data-testid="delete-bucket-confirm-input"
            onChange={({ detail }) => setTyped(detail.value)}
            onKeyDown={({ detail }) => {
              if (detail.key === 'Enter' && typed === bucket) confirm();
            }}
          />
        </FormField>
        {error && (
          <Alert type="error" header={error.type} data-testid="delete-bucket-error">
            <span data-testid="delete-bucket-error-message">{error.message}</span>
            {notEmpty && <Box variant="p">Empty the bucket (delete every object in it) first, then delete it.</Box>}
          </Alert>
        )}
        {offerEmpty && <EmptyBucketPanel bucket={bucket} onEmptied={() => setError(undefined)} />}
      </SpaceBetween>
    </Modal>
  );
}
