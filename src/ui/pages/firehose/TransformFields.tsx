import Box from '@cloudscape-design/components/box';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import Tiles from '@cloudscape-design/components/tiles';
import Toggle from '@cloudscape-design/components/toggle';
import { lazy, Suspense } from 'react';
import {
  FUNCTION_TIMEOUT,
  TRANSFORM_FUNCTION_TEMPLATE,
  type TransformFunctionInfo,
} from '../../hooks/useTransformFunctions';
import { parseWhole } from '../../lib/forms';
import { usePreferences } from '../../state/preferences';
import { fieldError } from '../streams/fieldError';
import type { FieldMessage } from '../../lib/fieldMessages';

const JavaScriptEditor = lazy(() => import('../../components/editor/JavaScriptEditor'));

/** The transformation as the form holds it: everything as typed, so nothing is lost on an error or a toggle. */
export interface TransformDraft {
  enabled: boolean;
  choice: 'existing' | 'new';
  /** The chosen existing function's name. */
  existing: string;
  name: string;
  timeout: string;
  source: string;
  /** AWS mode: a real Lambda function's ARN. */
  lambdaArn: string;
}

export const emptyTransform: TransformDraft = {
  enabled: false,
  choice: 'new',
  existing: '',
  name: '',
  timeout: String(FUNCTION_TIMEOUT.default),
  source: TRANSFORM_FUNCTION_TEMPLATE,
  lambdaArn: '',
};

export type TransformErrors = Partial<
  Record<'existing' | 'name' | 'timeout' | 'lambdaArn' | 'transform', string | FieldMessage>
>;

/** What the form can tell before sending anything: a choice or a name missing, a timeout that is no number. */
export const transformProblems = (
  d: TransformDraft,
  aws: boolean,
  taken: (name: string) => boolean,
): TransformErrors => {
  if (!d.enabled) return {};
  if (aws) return { lambdaArn: d.lambdaArn.trim() ? undefined : 'Enter the ARN of a Lambda function.' };
  if (d.choice === 'existing') return { existing: d.existing ? undefined : 'Choose a function.' };
  return {
    name: !d.name
      ? 'Enter a function name.'
      : taken(d.name)
        ? `A function named ${d.name} already exists: choose it under "Use an existing function", or give this one another name.`
        : undefined,
    timeout: parseWhole(d.timeout) === undefined ? 'Enter a whole number of seconds.' : undefined,
  };
};

/** The draft's function timeout as a number (only called once transformProblems found none). */
export const draftTimeout = (d: TransformDraft): number => parseWhole(d.timeout) ?? FUNCTION_TIMEOUT.default;

export const SOURCE_HINT = (
  <>
    Define <Box variant="code">handler(event)</Box>: it gets <Box variant="code">event.records</Box> (each
    with <Box variant="code">recordId</Box> and base64 <Box variant="code">data</Box>) and returns{' '}
    <Box variant="code">{'{ records }'}</Box> with every <Box variant="code">recordId</Box> and a{' '}
    <Box variant="code">result</Box> of Ok (with base64 data), Dropped or ProcessingFailed. It runs in a
    worker of its own, with no access to the console, the network or storage.
  </>
);

export const TIMEOUT_HINT = `${FUNCTION_TIMEOUT.min}-${FUNCTION_TIMEOUT.max} seconds (Lambda's range; 3 is its default). For a real Lambda function Firehose's guidance is a minute or more (it waits up to 5 minutes for an invocation); the emulator's small batches need far less.`;

/** The function's source in the JavaScript editor (lazy: Monaco loads only once the section is open). */
export function FunctionSourceEditor({
  defaultValue,
  onChange,
  testId,
}: {
  defaultValue: string;
  onChange: (source: string) => void;
  testId: string;
}) {
  const dark = usePreferences((s) => s.theme) === 'dark';
  return (
    <Suspense
      fallback={
        <Box padding="l" textAlign="center">
          <Spinner /> Loading the editor
        </Box>
      }
    >
      <JavaScriptEditor
        testId={testId}
        ariaLabel="Function code (JavaScript)"
        defaultValue={defaultValue}
        onChange={onChange}
        dark={dark}
        height={300}
      />
    </Suspense>
  );
}

/**
 * "Transform source records": off by default. Emulated mode: an existing console function or a new one
 * (name, timeout, source); AWS mode: a Lambda function's ARN.
 */
export function TransformFields({
  draft,
  onChange,
  onSource,
  errors,
  aws,
  functions,
  loading,
}: {
  draft: TransformDraft;
  onChange: (next: TransformDraft, changed?: keyof TransformErrors) => void;
  /** The editor's changes (a state update of their own: the editor keeps its first onChange between renders). */
  onSource: (source: string) => void;
  errors: TransformErrors;
  aws: boolean;
  functions: readonly TransformFunctionInfo[];
  loading: boolean;
}) {
  const set =
    <K extends keyof TransformDraft>(key: K, field?: keyof TransformErrors) =>
    (value: TransformDraft[K]) =>
      onChange({ ...draft, [key]: value }, field);
  const chosen = functions.find((f) => f.name === draft.existing);

  return (
    <SpaceBetween size="l">
      <FormField
        label="Data transformation"
        description="Firehose hands each batch of source records to a function, which returns them transformed, dropped or failed. Failed records are written under the error output prefix (processing-failed/ by default)."
        errorText={fieldError('transform-error', errors.transform)}
      >
        <Toggle
          data-testid="transform-toggle"
          checked={draft.enabled}
          onChange={({ detail }) => set('enabled', 'transform')(detail.checked)}
        >
          {draft.enabled ? 'Turned on' : 'Turned off'}
        </Toggle>
      </FormField>
      {draft.enabled && aws && (
        <FormField
          label="Lambda function ARN"
          description="The function Firehose invokes; Firehose's role must be allowed to invoke it."
          errorText={fieldError('lambda-arn-error', errors.lambdaArn)}
        >
          <Input
            data-testid="lambda-arn-input"
            ariaLabel="Lambda function ARN"
            placeholder="arn:aws:lambda:us-east-1:123456789012:function:my-transform"
            value={draft.lambdaArn}
            onChange={({ detail }) => set('lambdaArn', 'lambdaArn')(detail.value)}
          />
        </FormField>
      )}
      {draft.enabled && !aws && (
        <>
          <FormField label="Function">
            <Tiles
              ariaLabel="Function"
              value={draft.choice}
              onChange={({ detail }) => set('choice')(detail.value as TransformDraft['choice'])}
              items={[
                {
                  value: 'existing',
                  label: 'Use an existing function',
                  description: functions.length
                    ? `${functions.length} function${functions.length === 1 ? '' : 's'} in the emulator.`
                    : 'No functions yet.',
                  disabled: !functions.length,
                },
                {
                  value: 'new',
                  label: 'Write a new function',
                  description: 'Created in the emulator before the delivery stream.',
                },
              ]}
            />
          </FormField>
          {draft.choice === 'existing' ? (
            <FormField
              label="Existing function"
              description={chosen ? <Box variant="code">{chosen.arn}</Box> : undefined}
              errorText={fieldError('function-existing-error', errors.existing)}
            >
              <Select
                data-testid="function-select"
                placeholder="Choose a function"
                statusType={loading ? 'loading' : 'finished'}
                selectedOption={draft.existing ? { value: draft.existing, label: draft.existing } : null}
                options={functions.map((f) => ({
                  value: f.name,
                  label: f.name,
                  description: `Timeout ${f.timeoutSeconds} s`,
                }))}
                empty="No functions yet: write a new one."
                onChange={({ detail }) => set('existing', 'existing')(detail.selectedOption.value ?? '')}
              />
            </FormField>
          ) : (
            <>
              <ColumnLayout columns={2}>
                <FormField
                  label="Function name"
                  constraintText="1-64 characters: letters, digits, hyphen (-) and underscore (_)."
                  errorText={fieldError('function-name-error', errors.name)}
                >
                  <Input
                    data-testid="function-name-input"
                    ariaLabel="Function name"
                    placeholder="my-transform"
                    value={draft.name}
                    onChange={({ detail }) => set('name', 'name')(detail.value)}
                  />
                </FormField>
                <FormField
                  label="Timeout (seconds)"
                  constraintText={TIMEOUT_HINT}
                  errorText={fieldError('function-timeout-error', errors.timeout)}
                >
                  <Input
                    type="number"
                    inputMode="numeric"
                    data-testid="function-timeout-input"
                    ariaLabel="Function timeout in seconds"
                    value={draft.timeout}
                    onChange={({ detail }) => set('timeout', 'timeout')(detail.value)}
                  />
                </FormField>
              </ColumnLayout>
              <FormField label="Function code" description={SOURCE_HINT} stretch>
                <FunctionSourceEditor
                  testId="function-editor"
                  defaultValue={draft.source}
                  onChange={onSource}
                />
              </FormField>
            </>
          )}
        </>
      )}
    </SpaceBetween>
  );
}
