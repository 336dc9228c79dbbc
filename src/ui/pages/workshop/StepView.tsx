import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import type { ReactNode } from 'react';
import { CliCommand } from '../../components/CliCommand';
import type { Check, Remembered } from '../../workshop/detectors';
import type { Ticked } from '../../workshop/progress';
import { reviewById } from '../../workshop/scenarios';
import type { ReviewQuestion, WorkshopStep } from '../../workshop/steps';

export type StepState = 'done' | 'current' | 'waiting';

export const stepState = (step: WorkshopStep, ticked: Record<string, Ticked>, currentId: string | undefined): StepState =>
  ticked[step.id] ? 'done' : step.id === currentId ? 'current' : 'waiting';

const indicator: Record<StepState, StatusIndicatorProps.Type> = { done: 'success', current: 'in-progress', waiting: 'pending' };
const stateText: Record<StepState, string> = { done: 'Done', current: 'Current step', waiting: 'To do' };

/** The step's title after its status icon; the status is also said in words for screen readers. */
export function StepTitle({ step, state }: { step: WorkshopStep; state: StepState }) {
  return (
    <span data-testid={`step-title-${step.id}`} style={{ display: 'inline-flex', gap: 6, alignItems: 'baseline' }}>
      <StatusIndicator type={indicator[state]} iconAriaLabel={stateText[state]} />
      <span data-testid={`step-status-${step.id}`} data-state={state}>
        {step.id} {step.title}
      </span>
    </span>
  );
}

/** What the console sees for the step: its tick, or what is still missing. */
function CheckLine({ step, check, ticked, onMarkDone }: { step: WorkshopStep; check?: Check; ticked?: Ticked; onMarkDone: () => void }) {
  if (ticked)
    return (
      <Box data-testid={`step-check-${step.id}`}>
        <StatusIndicator type="success">{ticked.manual ? 'Marked as done.' : `Done: ${ticked.detail}`}</StatusIndicator>
      </Box>
    );
  return (
    <SpaceBetween size="xs">
      <Box variant="small" color="text-body-secondary">
        Check: {step.check.describe}
      </Box>
      {step.check.kind === 'auto' ? (
        <Box data-testid={`step-check-${step.id}`}>
          <StatusIndicator type="pending">{check?.detail ?? 'Checking…'}</StatusIndicator>
        </Box>
      ) : (
        <Button data-testid={`mark-done-${step.id}`} onClick={onMarkDone}>
          Mark as done
        </Button>
      )}
    </SpaceBetween>
  );
}

export function ReviewAnswer({ q, remembered }: { q: ReviewQuestion; remembered: Remembered }) {
  const show = q.showMe(remembered);
  return (
    <ExpandableSection headerText={q.question} variant="footer" data-testid={`review-${q.id}`}>
      <SpaceBetween size="xs">
        {q.answer.map((p, i) => (
          <Box key={i}>{p}</Box>
        ))}
        <Link href={show.href} data-testid={`show-me-${q.id}`}>
          Show me: {show.text}
        </Link>
      </SpaceBetween>
    </ExpandableSection>
  );
}

/** One step's body: what to do, why, where, what to paste, and its check. */
export function StepBody({
  step,
  check,
  ticked,
  remembered,
  onMarkDone,
  doIt,
  compact = false,
}: {
  step: WorkshopStep;
  check?: Check;
  ticked?: Ticked;
  remembered: Remembered;
  onMarkDone: () => void;
  /** "Do this step for me", shown while the step is not done. */
  doIt?: ReactNode;
  compact?: boolean;
}) {
  return (
    <SpaceBetween size="s">
      <ol style={{ margin: 0, paddingInlineStart: 20 }} data-testid={`step-what-${step.id}`}>
        {step.what.map((w, i) => (
          <li key={i}>{w}</li>
        ))}
      </ol>
      {!compact && (
        <Box color="text-body-secondary">
          <Box variant="strong" color="inherit">
            Why:{' '}
          </Box>
          {step.why}
        </Box>
      )}
      {step.link && (
        <Button href={step.link.href} iconName="arrow-right" iconAlign="right" data-testid={`step-link-${step.id}`}>
          {step.link.text}
        </Button>
      )}
      {step.paste.map((p) => (
        <CliCommand
          key={p.label}
          label={p.label}
          command={p.text}
          testId={`paste-${step.id}-${p.label.replace(/\W+/g, '-')}`}
          copyLabel={`Copy ${p.label}`}
          copiedText={`${p.label} copied`}
        />
      ))}
      <CheckLine step={step} check={check} ticked={ticked} onMarkDone={onMarkDone} />
      {!ticked && doIt}
      {step.reviews.length > 0 && (
        <SpaceBetween size="xxs">
          <Box variant="h4">Review</Box>
          {step.reviews.map((id) => (
            <ReviewAnswer key={id} q={reviewById(id)} remembered={remembered} />
          ))}
        </SpaceBetween>
      )}
    </SpaceBetween>
  );
}
