import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import HelpPanel from '@cloudscape-design/components/help-panel';
import Link from '@cloudscape-design/components/link';
import ProgressBar from '@cloudscape-design/components/progress-bar';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useEffect, useState } from 'react';
import { hrefFor } from '../../hooks/route';
import { useWorkshopActions } from '../../hooks/useWorkshopActions';
import { useWorkshopProgress } from '../../hooks/useWorkshopProgress';
import { DoItButton } from './DoItButton';
import { StepBody, StepTitle, stepState } from './StepView';

/**
 * The walkthrough beside any page (the layout's tools panel): the current step, compact, with
 * its link, text to paste and check. Back and Next look at other steps; it follows the current
 * step again when one ticks.
 */
export default function WalkthroughPanel() {
  const w = useWorkshopProgress();
  const actions = useWorkshopActions();
  const currentId = w.current?.id;
  const [viewing, setViewing] = useState<string | undefined>(currentId);
  useEffect(() => setViewing(currentId), [currentId]);

  const index = Math.max(0, w.steps.findIndex((s) => s.id === (viewing ?? w.steps[w.steps.length - 1].id)));
  const step = w.steps[index];
  const done = w.steps.filter((s) => w.ticked[s.id]).length;
  return (
    <HelpPanel
      header={<h2>Workshop walkthrough</h2>}
      footer={
        <Link href={hrefFor('/workshop')} data-testid="walkthrough-all-steps">
          All steps on the Workshop page
        </Link>
      }
    >
      <div data-testid="walkthrough-panel">
        <SpaceBetween size="m">
          <Box variant="small" color="text-body-secondary" data-testid="walkthrough-scenario">
            {w.scenario.label}
          </Box>
          <ProgressBar value={Math.round((done / w.steps.length) * 100)} additionalInfo={`${done} of ${w.steps.length} steps done`} ariaLabel="Workshop progress" />
          {!w.current && (
            <Box data-testid="walkthrough-finished" variant="strong">
              Every step is done. Well done!
            </Box>
          )}
          <SpaceBetween size="xs">
            <Box variant="small" color="text-body-secondary">
              Step {index + 1} of {w.steps.length}
            </Box>
            <Box variant="h3" data-testid="walkthrough-current-step">
              <StepTitle step={step} state={stepState(step, w.ticked, currentId)} />
            </Box>
          </SpaceBetween>
          <StepBody step={step} check={w.checks[step.id]} ticked={w.ticked[step.id]} remembered={w.remembered} onMarkDone={() => w.markDone(step.id)}
            doIt={<DoItButton step={step} actions={actions} remembered={w.remembered} />}
            compact
          />
          <SpaceBetween direction="horizontal" size="xs">
            <Button iconName="angle-left" disabled={index === 0} onClick={() => setViewing(w.steps[index - 1].id)} ariaLabel="Previous step">
              Back
            </Button>
            <Button iconName="angle-right" iconAlign="right" disabled={index === w.steps.length - 1} onClick={() => setViewing(w.steps[index + 1].id)} ariaLabel="Next step">
              Next
            </Button>
            {viewing !== currentId && currentId && (
              <Button variant="link" onClick={() => setViewing(currentId)}>
                Current step
              </Button>
            )}
          </SpaceBetween>
        </SpaceBetween>
      </div>
    </HelpPanel>
  );
}
