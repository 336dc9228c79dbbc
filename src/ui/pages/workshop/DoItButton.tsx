import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { STEP_ACTIONS, type WorkshopActions } from '../../hooks/useWorkshopActions';
import type { Remembered } from '../../workshop/detectors';
import type { WorkshopStep } from '../../workshop/steps';
import { ModalFooter } from '../../components/ModalFooter';

/**
 * "Do this step for me" under a step that is not done yet: runs the step's action (a spinner and
 * what it is doing meanwhile), and shows AWS's error if it fails. Manual steps keep their own
 * Mark as done; a step with nothing to create opens its page.
 */
export function DoItButton({ step, actions, remembered }: { step: WorkshopStep; actions: WorkshopActions; remembered: Remembered }) {
  const [confirm, setConfirm] = useState(false);
  const a = STEP_ACTIONS[step.id];
  if (!a || a.mark) return null;
  const busy = actions.busy[step.id];
  const error = actions.errors[step.id];
  const plan = a.plan(remembered, actions.mode);
  if (a.open)
    return (
      <SpaceBetween size="xxs">
        <Box variant="small" color="text-body-secondary">
          {plan}
        </Box>
      </SpaceBetween>
    );
  const run = () => (a.deletes ? setConfirm(true) : void actions.doStep(step.id));
  return (
    <SpaceBetween size="xs">
      <SpaceBetween direction="horizontal" size="xs" alignItems="center">
        <Button data-testid={`do-it-${step.id}`} loading={!!busy} disabled={!!actions.catchUpRun?.running} onClick={run} ariaLabel={`Do step ${step.id} for me`}>
          Do this step for me
        </Button>
        <Box variant="small" color="text-body-secondary" data-testid={`do-it-status-${step.id}`}>
          {typeof busy === 'string' ? `${busy}…` : plan}
        </Box>
      </SpaceBetween>
      {error && (
        <Alert type="error" header={error.type} data-testid={`do-it-error-${step.id}`}>
          {error.message}
        </Alert>
      )}
      <Modal
        visible={confirm}
        onDismiss={() => setConfirm(false)}
        header={`Do step ${step.id} for you?`}
        footer={
          <ModalFooter onCancel={() => setConfirm(false)}>
          <Button
            variant="primary"
            data-testid={`confirm-do-it-${step.id}`}
            onClick={() => {
              setConfirm(false);
              void actions.doStep(step.id);
            }}
          >
            Delete
          </Button>
          </ModalFooter>
        }
      >
        {plan} Only what the walkthrough made is deleted; your other resources stay.
      </Modal>
    </SpaceBetween>
  );
}
