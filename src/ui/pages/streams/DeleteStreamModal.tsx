import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Input, { type InputProps } from '@cloudscape-design/components/input';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useEffect, useRef, useState } from 'react';
import { useNotify } from '../../hooks/errors';
import { hrefFor, navigate } from '../../hooks/route';
import { useDeleteStream } from '../../hooks/useStreams';
import { CliCommand } from '../../components/CliCommand';
import { cli } from './cli';

export function DeleteStreamModal({ stream, visible, onDismiss }: { stream: string; visible: boolean; onDismiss: () => void }) {
  const [typed, setTyped] = useState('');
  const del = useDeleteStream();
  const notify = useNotify();
  const input = useRef<InputProps.Ref>(null);
  useEffect(() => {
    // The modal focuses its close button on opening; the confirmation field is where the user types.
    if (!visible) return;
    const timer = setTimeout(() => input.current?.focus(), 50);
    return () => clearTimeout(timer);
  }, [visible]);
  const confirm = () =>
    del.mutate(stream, {
      onSuccess: () => {
        notify.success(`Deleting data stream ${stream}.`);
        onDismiss();
        navigate(hrefFor('/streams'));
      },
      onError: (e) => notify.error(e),
    });
  return (
    <Modal
      visible={visible}
      onDismiss={onDismiss}
      header={`Delete ${stream}?`}
      closeAriaLabel="Close dialog"
      data-testid="delete-stream-modal"
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={onDismiss}>
              Cancel
            </Button>
            <Button variant="primary" disabled={typed !== stream} loading={del.isPending} onClick={confirm} data-testid="delete-stream-confirm">
              Delete
            </Button>
          </SpaceBetween>
        </Box>
      }
    >
      <SpaceBetween size="m">
        <Alert type="warning">Deleting a stream deletes its records. Producers writing to it get ResourceNotFoundException.</Alert>
        <FormField label={`To confirm, type the stream name "${stream}".`}>
          <Input
            value={typed}
            ariaLabel="Type the stream name to confirm"
            ref={input}
            data-testid="delete-confirm-input"
            onChange={({ detail }) => setTyped(detail.value)}
            onKeyDown={({ detail }) => {
              if (detail.key === 'Enter' && typed === stream) confirm();
            }}
          />
        </FormField>
        <CliCommand command={cli.deleteStream(stream)} />
      </SpaceBetween>
    </Modal>
  );
}
