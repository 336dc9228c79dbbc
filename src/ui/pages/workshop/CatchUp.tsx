import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import FormField from '@cloudscape-design/components/form-field';
import Modal from '@cloudscape-design/components/modal';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useState } from 'react';
import { STEP_ACTIONS, type CatchUpState, type WorkshopActions } from '../../hooks/useWorkshopActions';
import type { Remembered } from '../../workshop/detectors';
import type { Ticked } from '../../workshop/progress';
import type { WorkshopStep } from '../../workshop/steps';
import { ModalFooter } from '../../components/ModalFooter';

function CatchUpLine({ step, state }: { step: WorkshopStep; state: CatchUpState }) {
  const label = `${step.id} ${step.title}`;
  const body =
    state.status === 'waiting' ? (
      <StatusIndicator type="pending">{label}</StatusIndicator>
    ) : state.status === 'working' ? (
      <StatusIndicator type="loading">
        {label}
        {state.progress ? `: ${state.progress}…` : ''}
      </StatusIndicator>
    ) : state.status === 'done' ? (
      <StatusIndicator type="success">
        {label}: {state.detail}
      </StatusIndicator>
    ) : (
      <StatusIndicator type="error">
        {label}: {state.error.type}: {state.error.message}
      </StatusIndicator>
    );
  return (
    <li data-testid={`catch-up-${step.id}`} data-state={state.status}>
      {body}
    </li>
  );
}

/**
 * "Catch me up to step N" for an attendee who joins late: runs every earlier step's action in
 * order after a confirmation that lists them, with each step's progress, stopping at the first failure.
 */
export function CatchUp({ steps, ticked, remembered, actions }: { steps: WorkshopStep[]; ticked: Record<string, Ticked>; remembered: Remembered; actions: WorkshopActions }) {
  const options: SelectProps.Option[] = steps.slice(1).map((s) => ({ value: s.id, label: `${s.id} ${s.title}` }));
  const [target, setTarget] = useState<SelectProps.Option | null>(null);
  const [confirm, setConfirm] = useState(false);
  const [open, setOpen] = useState(false);
  const targetIndex = steps.findIndex((s) => s.id === target?.value);
  const before = targetIndex > 0 ? steps.slice(0, targetIndex) : [];
  const todo = before.filter((s) => !ticked[s.id]);
  const run = actions.catchUpRun;
  const failed = run && Object.values(run.states).some((s) => s.status === 'failed');
  return (
    // Folded by default: most attendees do the steps themselves. Open while a catch-up runs.
    <ExpandableSection
      variant="container"
      data-testid="catch-up"
      expanded={open || !!run}
      onChange={({ detail }) => setOpen(detail.expanded)}
      headerText="For instructors and late arrivals: catch me up"
      headerDescription="The console does the steps before the one you pick, with the same requests the pages send."
    >
      <SpaceBetween size="m">
        <SpaceBetween direction="horizontal" size="xs" alignItems="end">
          <FormField label="Catch me up to step">
            <Select
              data-testid="catch-up-select"
              selectedOption={target}
              onChange={({ detail }) => setTarget(detail.selectedOption)}
              options={options}
              placeholder="Choose a step"
            />
          </FormField>
          <Button data-testid="catch-up-button" disabled={!target || !!run?.running} loading={!!run?.running} onClick={() => setConfirm(true)}>
            Catch me up
          </Button>
          {run && !run.running && (
            <Button variant="link" onClick={actions.dismissCatchUp}>
              Clear
            </Button>
          )}
        </SpaceBetween>
        {run && (
          <SpaceBetween size="xs">
            <Box variant="strong" data-testid="catch-up-summary">
              {run.running ? `Catching up to ${run.target}…` : failed ? `Stopped before ${run.target}: a step failed.` : `Caught up to ${run.target}.`}
            </Box>
            <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label="Catch-up progress">
              {run.steps.map((id) => {
                const s = steps.find((x) => x.id === id);
                return s ? <CatchUpLine key={id} step={s} state={run.states[id] ?? { status: 'waiting' }} /> : null;
              })}
            </ul>
          </SpaceBetween>
        )}
      </SpaceBetween>
      <Modal
        visible={confirm}
        onDismiss={() => setConfirm(false)}
        header={`Catch up to ${target?.label ?? ''}?`}
        footer={
          <ModalFooter onCancel={() => setConfirm(false)}>
          <Button
            variant="primary"
            data-testid="confirm-catch-up"
            onClick={() => {
              setConfirm(false);
              if (target?.value) void actions.catchUp(target.value, todo.map((s) => s.id));
            }}
          >
            Do {todo.length} step{todo.length === 1 ? '' : 's'}
          </Button>
          </ModalFooter>
        }
      >
        {todo.length === 0 ? (
          <Box>Every step before {target?.value} is done already.</Box>
        ) : (
          <SpaceBetween size="xs">
            <Box>The console will do these steps, in order, and stop at the first that fails:</Box>
            <ol style={{ margin: 0, paddingInlineStart: 20 }} data-testid="catch-up-plan">
              {todo.map((s) => (
                <li key={s.id}>
                  <Box variant="strong" display="inline">
                    {s.id}
                  </Box>{' '}
                  {STEP_ACTIONS[s.id]?.plan(remembered, actions.mode) ?? s.title}
                </li>
              ))}
            </ol>
            {actions.mode === 'aws' && (
              <Alert type="warning">This creates resources in your AWS account, which AWS bills for until the clean-up (step 3-D).</Alert>
            )}
          </SpaceBetween>
        )}
      </Modal>
    </ExpandableSection>
  );
}
