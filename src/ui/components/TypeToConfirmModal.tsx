import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Input, { type InputProps } from '@cloudscape-design/components/input';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ModalFooter } from './ModalFooter';

export interface TypeToConfirmModalProps {
  /** What must be typed to enable the action: the resource's name. */
  name: string;
  /** "stream", "delivery stream": in the prompt. */
  kind: string;
  visible: boolean;
  pending: boolean;
  onConfirm: () => void;
  onDismiss: () => void;
  /** Shown above the field: what deleting does. */
  children?: ReactNode;
  /** Test ids: the modal, the confirm button and the field. */
  testIds: { modal: string; confirm: string; input: string };
}

/** A delete dialog that asks for the resource's name before it enables Delete, as the AWS console does. */
export function TypeToConfirmModal({
  name,
  kind,
  visible,
  pending,
  onConfirm,
  onDismiss,
  children,
  testIds,
}: TypeToConfirmModalProps) {
  const [typed, setTyped] = useState('');
  const input = useRef<InputProps.Ref>(null);
  useEffect(() => {
    // The modal focuses its close button on opening; the confirmation field is where the user types.
    if (!visible) return;
    const timer = setTimeout(() => input.current?.focus(), 50);
    return () => clearTimeout(timer);
  }, [visible]);
  return (
    <Modal
      visible={visible}
      onDismiss={onDismiss}
      header={`Delete ${name}?`}
      closeAriaLabel="Close dialog"
      data-testid={testIds.modal}
      footer={
        <ModalFooter onCancel={onDismiss}>
        <Button
          variant="primary"
          disabled={typed !== name}
          loading={pending}
          onClick={onConfirm}
          data-testid={testIds.confirm}
        >
          Delete
        </Button>
        </ModalFooter>
      }
    >
      <SpaceBetween size="m">
        {children}
        <FormField label={`To confirm, type the ${kind} name "${name}".`}>
          <Input
            value={typed}
            ariaLabel={`Type the ${kind} name to confirm`}
            ref={input}
            data-testid={testIds.input}
            onChange={({ detail }) => setTyped(detail.value)}
            onKeyDown={({ detail }) => {
              if (detail.key === 'Enter' && typed === name) onConfirm();
            }}
          />
        </FormField>
      </SpaceBetween>
    </Modal>
  );
}
