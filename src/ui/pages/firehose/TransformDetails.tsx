import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { describeError, fieldForError, formatError, useNotify } from '../../hooks/errors';
import { transformOf, type DeliveryStreamDescription } from '../../hooks/useFirehose';
import {
  FUNCTION_ERROR_FIELDS,
  functionByArn,
  useTransformFunctions,
  type TransformFunctionInfo,
} from '../../hooks/useTransformFunctions';
import { parseWhole } from '../../lib/forms';
import { fieldError } from '../streams/fieldError';
import { FunctionSourceEditor, SOURCE_HINT, TIMEOUT_HINT } from './TransformFields';
import { ModalFooter } from '../../components/ModalFooter';

/** The delivery stream's record transformation: on or off, the function it names, its code (emulated mode). */
export function TransformDetails({ stream }: { stream: DeliveryStreamDescription }) {
  const { enabled, lambdaArn } = transformOf(stream);
  const fns = useTransformFunctions();
  const fn = functionByArn(fns.list.data, lambdaArn);
  const [editing, setEditing] = useState(false);
  const missing = enabled && fns.available && fns.list.isSuccess && !fn;

  return (
    <Container
      data-testid="transform-details"
      header={
        <Header
          variant="h2"
          description="The function Firehose hands each batch of records to before delivery."
          actions={
            fn && (
              <Button onClick={() => setEditing(true)} data-testid="edit-function">
                Edit function
              </Button>
            )
          }
        >
          Transform source records
        </Header>
      }
    >
      <SpaceBetween size="m">
        <KeyValuePairs
          columns={3}
          items={[
            {
              label: 'Data transformation',
              value: <span data-testid="transform-status">{enabled ? 'Enabled' : 'Disabled'}</span>,
            },
            ...(enabled
              ? [
                  {
                    label: 'Lambda function ARN',
                    value: (
                      <Box variant="code">
                        <span data-testid="transform-arn">{lambdaArn}</span>
                      </Box>
                    ),
                  },
                ]
              : []),
            ...(fn
              ? [
                  { label: 'Function name', value: <span data-testid="transform-function">{fn.name}</span> },
                  {
                    label: 'Timeout',
                    value: <span data-testid="transform-timeout">{fn.timeoutSeconds} seconds</span>,
                  },
                ]
              : []),
          ]}
        />
        {missing && (
          <Alert type="warning" data-testid="transform-missing">
            No function of this ARN exists in the emulator: each batch fails with
            Lambda.ResourceNotFoundException and its records are written under the error output prefix.
          </Alert>
        )}
        {fn && (
          <ExpandableSection headerText="Function code" data-testid="transform-source-section">
            <pre
              data-testid="transform-source"
              style={{ margin: 0, whiteSpace: 'pre-wrap', fontFamily: 'monospace', fontSize: 13 }}
            >
              {fn.source}
            </pre>
          </ExpandableSection>
        )}
      </SpaceBetween>
      {editing && fn && <EditFunctionModal fn={fn} onDismiss={() => setEditing(false)} />}
    </Container>
  );
}

/** Replaces a function's code and timeout (put again under its name): the next batch runs the new code. */
function EditFunctionModal({ fn, onDismiss }: { fn: TransformFunctionInfo; onDismiss: () => void }) {
  const { put } = useTransformFunctions();
  const notify = useNotify();
  const [source, setSource] = useState(fn.source);
  const [timeout, setTimeoutText] = useState(String(fn.timeoutSeconds));
  const [errors, setErrors] = useState<{ timeout?: string; other?: string }>({});
  const seconds = parseWhole(timeout);

  const save = () => {
    if (seconds === undefined) return;
    setErrors({});
    put.mutate(
      { name: fn.name, source, timeoutSeconds: seconds },
      {
        onSuccess: () => {
          notify.success(`Saved function ${fn.name}.`);
          onDismiss();
        },
        onError: (e) => {
          const shown = describeError(e);
          if (fieldForError(shown, FUNCTION_ERROR_FIELDS) === 'timeoutSeconds')
            setErrors({ timeout: formatError(shown) });
          else setErrors({ other: formatError(shown) });
        },
      },
    );
  };

  return (
    <Modal
      visible
      onDismiss={onDismiss}
      size="large"
      header={`Edit function ${fn.name}`}
      closeAriaLabel="Close dialog"
      data-testid="edit-function-modal"
      footer={
        <ModalFooter onCancel={onDismiss}>
        <Button
          variant="primary"
          loading={put.isPending}
          disabled={seconds === undefined}
          onClick={save}
          data-testid="save-function"
        >
          Save function
        </Button>
        </ModalFooter>
      }
    >
      <SpaceBetween size="l">
        <FormField
          label="Timeout (seconds)"
          constraintText={TIMEOUT_HINT}
          errorText={fieldError(
            'edit-function-timeout-error',
            errors.timeout ?? (seconds === undefined ? 'Enter a whole number of seconds.' : undefined),
          )}
        >
          <Input
            type="number"
            inputMode="numeric"
            data-testid="edit-function-timeout-input"
            ariaLabel="Function timeout in seconds"
            value={timeout}
            onChange={({ detail }) => setTimeoutText(detail.value)}
          />
        </FormField>
        <FormField label="Function code" description={SOURCE_HINT} stretch>
          <FunctionSourceEditor testId="edit-function-editor" defaultValue={fn.source} onChange={setSource} />
        </FormField>
        {errors.other && (
          <Alert type="error" data-testid="edit-function-error">
            {errors.other}
          </Alert>
        )}
      </SpaceBetween>
    </Modal>
  );
}
