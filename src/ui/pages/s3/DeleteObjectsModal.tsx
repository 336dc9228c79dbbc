import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { describeError, useNotify, type ShownError } from '../../hooks/errors';
import { useDeleteObjects, type KeyError } from '../../hooks/useS3';
import { ModalFooter } from '../../components/ModalFooter';

/** Confirms and deletes objects; keys S3 refused are listed with its error. */
export function DeleteObjectsModal({ bucket, keys, onDismiss, onDeleted }: { bucket: string; keys: string[]; onDismiss: () => void; onDeleted?: () => void }) {
  const del = useDeleteObjects();
  const notify = useNotify();
  const [error, setError] = useState<ShownError | undefined>();
  const [failed, setFailed] = useState<KeyError[]>([]);
  const what = keys.length === 1 ? keys[0] : `${keys.length} objects`;
  const confirm = () => {
    setError(undefined);
    del.mutate(
      { bucket, keys },
      {
        onSuccess: (r) => {
          if (r.errors.length > 0) {
            setFailed(r.errors);
            return;
          }
          notify.success(`Deleted ${what}.`);
          onDeleted?.();
          onDismiss();
        },
        onError: (e) => setError(describeError(e)),
      },
    );
  };
  return (
    <Modal
      visible
      onDismiss={onDismiss}
      header={`Delete ${what}?`}
      closeAriaLabel="Close dialog"
      data-testid="delete-objects-modal"
      footer={
        <ModalFooter onCancel={onDismiss}>
        <Button variant="primary" loading={del.isPending} onClick={confirm} data-testid="delete-objects-confirm">
          Delete
        </Button>
        </ModalFooter>
      }
    >
      <SpaceBetween size="m">
        <Box variant="p">The bucket has no versioning: deleted objects cannot be brought back.</Box>
        {keys.length > 1 && (
          <Box variant="pre">
            {keys.slice(0, 10).join('\n')}
            {keys.length > 10 ? `\n... and ${keys.length - 10} more` : ''}
          </Box>
        )}
        {error && (
          <Alert type="error" header={error.type}>
            {error.message}
          </Alert>
        )}
        {failed.length > 0 && (
          <Alert type="error" header={`${failed.length} not deleted`}>
            {failed.slice(0, 10).map((f) => (
              <div key={f.key}>
                {f.key}: {f.code}: {f.message}
              </div>
            ))}
          </Alert>
        )}
      </SpaceBetween>
    </Modal>
  );
}
