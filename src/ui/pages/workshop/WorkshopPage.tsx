import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import Header from '@cloudscape-design/components/header';
import Modal from '@cloudscape-design/components/modal';
import FormField from '@cloudscape-design/components/form-field';
import ProgressBar from '@cloudscape-design/components/progress-bar';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useEffect, useRef, useState } from 'react';
import { useWorkshopActions } from '../../hooks/useWorkshopActions';
import { useWorkshopProgress } from '../../hooks/useWorkshopProgress';
import { usePreferences } from '../../state/preferences';
import { SCENARIOS, type ScenarioId } from '../../workshop/scenarios';
import { CatchUp } from './CatchUp';
import { CostPanel } from './CostPanel';
import { DoItButton } from './DoItButton';
import { ReviewAnswer, StepBody, StepTitle, stepState } from './StepView';
import { WorkshopFileActions } from './WorkshopFileActions';
import { ModalFooter } from '../../components/ModalFooter';

/** A scenario (Activities 1-3 of the immersion day by default), step by step, each step ticking itself as the console sees it done. */
export default function WorkshopPage() {
  const w = useWorkshopProgress();
  const actions = useWorkshopActions();
  const setWalkthroughOpen = usePreferences((s) => s.setWalkthroughOpen);
  const [confirmReset, setConfirmReset] = useState(false);
  const currentId = w.current?.id;
  const [open, setOpen] = useState<Record<string, boolean>>(() => (currentId ? { [currentId]: true } : {}));
  // When a step ticks it folds and the next one opens (the others keep the state the user gave them).
  const previous = useRef(currentId);
  useEffect(() => {
    const was = previous.current;
    previous.current = currentId;
    if (was === currentId) return;
    setOpen((o) => ({ ...o, ...(was ? { [was]: false } : {}), ...(currentId ? { [currentId]: true } : {}) }));
  }, [currentId]);

  // Another scenario opens at its own current step.
  const shown = useRef(w.scenario.id);
  useEffect(() => {
    if (shown.current === w.scenario.id) return;
    shown.current = w.scenario.id;
    setOpen(currentId ? { [currentId]: true } : {});
  }, [w.scenario.id, currentId]);

  const done = w.steps.filter((s) => w.ticked[s.id]).length;
  const option = (id: ScenarioId) => ({ value: id, label: SCENARIOS.find((s) => s.id === id)!.label });
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={w.scenario.description}
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <WorkshopFileActions />
              <Button href="#/present" data-testid="open-presenter" iconName="expand">
                Presenter view
              </Button>
              <Button data-testid="reset-progress" onClick={() => setConfirmReset(true)}>
                Reset progress
              </Button>
              <Button variant="primary" data-testid="open-walkthrough" onClick={() => setWalkthroughOpen(true)}>
                Open beside every page
              </Button>
            </SpaceBetween>
          }
        >
          {w.scenario.title}
        </Header>
      }
    >
      <SpaceBetween size="l">
        <FormField label="Scenario" description="Each scenario keeps its own progress; the walkthrough beside every page follows the one chosen here.">
          <Select
            data-testid="scenario-select"
            selectedOption={option(w.scenario.id)}
            onChange={({ detail }) => w.selectScenario(detail.selectedOption.value as ScenarioId)}
            options={SCENARIOS.map((s) => option(s.id))}
          />
        </FormField>
        <ProgressBar
          data-testid="workshop-progress"
          value={Math.round((done / w.steps.length) * 100)}
          label="Progress"
          description={w.current ? `Next: ${w.current.id} ${w.current.title}` : 'All steps are done.'}
          additionalInfo={`${done} of ${w.steps.length} steps done`}
          ariaLabel="Workshop progress"
        />
        {w.problems.length > 0 && (
          <Alert type="warning" header="Some of the console's state could not be read" data-testid="workshop-problems">
            Steps that depend on it cannot tick until it can: {w.problems.join('; ')}
          </Alert>
        )}
        <CatchUp steps={w.steps} ticked={w.ticked} remembered={w.remembered} actions={actions} />
        {w.scenario.activities.map((a) => (
          <SpaceBetween size="s" key={a.id}>
            <Header variant="h2" description={a.goal}>
              {a.title}
            </Header>
            {w.steps
              .filter((s) => s.activity === a.id)
              .map((s) => (
                <div key={s.id} data-testid={`workshop-step-${s.id}`}>
                  <ExpandableSection
                    variant="container"
                    headerText={<StepTitle step={s} state={stepState(s, w.ticked, currentId)} />}
                    expanded={!!open[s.id]}
                    onChange={({ detail }) => setOpen((o) => ({ ...o, [s.id]: detail.expanded }))}
                  >
                    <StepBody
                      step={s}
                      check={w.checks[s.id]}
                      ticked={w.ticked[s.id]}
                      remembered={w.remembered}
                      onMarkDone={() => w.markDone(s.id)}
                      doIt={<DoItButton step={s} actions={actions} remembered={w.remembered} />}
                    />
                  </ExpandableSection>
                </div>
              ))}
          </SpaceBetween>
        ))}
        <SpaceBetween size="s">
          <Header
            variant="h2"
            description={`${w.scenario.id === 'immersion' ? "The lab's questions" : "This scenario's questions"}, answered for this console, each with a link to the live thing.`}
          >
            Review questions
          </Header>
          <Box>
            {w.scenario.reviews.map((q) => (
              <ReviewAnswer key={q.id} q={q} remembered={w.remembered} />
            ))}
          </Box>
        </SpaceBetween>
        {w.scenario.id === 'immersion' && <CostPanel />}
      </SpaceBetween>
      <Modal
        visible={confirmReset}
        onDismiss={() => setConfirmReset(false)}
        header="Reset workshop progress?"
        footer={
          <ModalFooter onCancel={() => setConfirmReset(false)}>
          <Button
            variant="primary"
            data-testid="confirm-reset-progress"
            onClick={() => {
              w.reset();
              setOpen({});
              setConfirmReset(false);
            }}
          >
            Reset progress
          </Button>
          </ModalFooter>
        }
      >
        Every step goes back to not done, and the walkthrough forgets the names of your stream, application and delivery stream. Your streams,
        applications, delivery streams and buckets stay as they are: steps whose check still passes tick again.
      </Modal>
    </ContentLayout>
  );
}
