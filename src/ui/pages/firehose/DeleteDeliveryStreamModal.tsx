import Alert from '@cloudscape-design/components/alert';
import { useNotify } from '../../hooks/errors';
import { hrefFor, navigate } from '../../hooks/route';
import { useDeleteDeliveryStream } from '../../hooks/useFirehose';
import { TypeToConfirmModal } from '../../components/TypeToConfirmModal';

/** Deletes a delivery stream once its name is typed; goes back to the list. */
export function DeleteDeliveryStreamModal({
  name,
  visible,
  onDismiss,
}: {
  name: string;
  visible: boolean;
  onDismiss: () => void;
}) {
  const del = useDeleteDeliveryStream();
  const notify = useNotify();
  const confirm = () =>
    del.mutate(name, {
      onSuccess: () => {
        notify.track({
          content: `Deleting delivery stream ${name}`,
          watch: { kind: 'delivery-stream', name, until: 'GONE', done: `Delivery stream ${name} deleted.` },
          scope: ['/firehose'],
        });
        onDismiss();
        navigate(hrefFor('/firehose'));
      },
      onError: (e) => notify.error(e),
    });
  return (
    <TypeToConfirmModal
      name={name}
      kind="delivery stream"
      visible={visible}
      pending={del.isPending}
      onConfirm={confirm}
      onDismiss={onDismiss}
      testIds={{
        modal: 'delete-delivery-modal',
        confirm: 'delete-delivery-confirm',
        input: 'delete-delivery-confirm-input',
      }}
    >
      <Alert type="warning">
        Records still in its buffer are not delivered, and producers writing to it get
        ResourceNotFoundException. Objects already in the bucket stay.
      </Alert>
    </TypeToConfirmModal>
  );
}
