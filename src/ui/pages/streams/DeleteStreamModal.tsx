import Alert from '@cloudscape-design/components/alert';
import { useNotify } from '../../hooks/errors';
import { hrefFor, navigate } from '../../hooks/route';
import { useDeleteStream } from '../../hooks/useStreams';
import { CliCommand } from '../../components/CliCommand';
import { TypeToConfirmModal } from '../../components/TypeToConfirmModal';
import { cli } from './cli';

export function DeleteStreamModal({ stream, visible, onDismiss }: { stream: string; visible: boolean; onDismiss: () => void }) {
  const del = useDeleteStream();
  const notify = useNotify();
  const confirm = () =>
    del.mutate(stream, {
      onSuccess: () => {
        notify.track({
          content: `Deleting data stream ${stream}`,
          watch: { kind: 'stream', name: stream, until: 'GONE', done: `Data stream ${stream} deleted.` },
          scope: ['/streams'],
        });
        onDismiss();
        navigate(hrefFor('/streams'));
      },
      onError: (e) => notify.error(e),
    });
  return (
    <TypeToConfirmModal
      name={stream}
      kind="stream"
      visible={visible}
      pending={del.isPending}
      onConfirm={confirm}
      onDismiss={onDismiss}
      testIds={{ modal: 'delete-stream-modal', confirm: 'delete-stream-confirm', input: 'delete-confirm-input' }}
    >
      <Alert type="warning">Deleting a stream deletes its records. Producers writing to it get ResourceNotFoundException.</Alert>
      <CliCommand command={cli.deleteStream(stream)} />
    </TypeToConfirmModal>
  );
}
