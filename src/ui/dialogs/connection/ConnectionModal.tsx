import { ModalFooter } from '../../components/ModalFooter';
import { TextWithCode } from '../../components/TextWithCode';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Checkbox from '@cloudscape-design/components/checkbox';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Modal from '@cloudscape-design/components/modal';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Tiles from '@cloudscape-design/components/tiles';
import { lazy, Suspense, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { PasteCredentials } from './PasteCredentials';
import { TestResult } from './TestResult';
import {
  endpointError,
  KINESIS_REGIONS,
  SERVICES,
  useConnection,
  type ConnectionSettings,
  type ServiceKey,
} from '../../hooks/useConnection';

// The policy generator checks names with the services' own rules (engine modules): loaded when AWS mode is shown.
const PolicyGenerator = lazy(() => import('./PolicyGenerator').then((m) => ({ default: m.PolicyGenerator })));

type EndpointField = 'endpoint' | `endpoint-${ServiceKey}`;

interface Draft {
  mode: 'emulated' | 'aws';
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  endpoint: string;
  /** Each service's own endpoint ('' for "as above"). */
  endpoints: Record<ServiceKey, string>;
  remember: boolean;
}

const endpointsOf = (aws: ConnectionSettings | undefined): Record<ServiceKey, string> =>
  Object.fromEntries(SERVICES.map((s) => [s.key, aws?.endpoints?.[s.key] ?? ''])) as Record<ServiceKey, string>;

const draftOf = (mode: Draft['mode'], aws: ConnectionSettings | undefined, remember: boolean): Draft => ({
  mode,
  region: aws?.region ?? 'us-east-1',
  accessKeyId: aws?.credentials?.accessKeyId ?? '',
  secretAccessKey: aws?.credentials?.secretAccessKey ?? '',
  sessionToken: aws?.credentials?.sessionToken ?? '',
  endpoint: aws?.endpoint ?? '',
  endpoints: endpointsOf(aws),
  remember,
});

const settingsOf = (d: Draft): ConnectionSettings =>
  d.mode === 'emulated'
    ? { mode: 'emulated', region: 'us-east-1' }
    : {
        mode: 'aws',
        region: d.region,
        credentials: {
          accessKeyId: d.accessKeyId.trim(),
          secretAccessKey: d.secretAccessKey.trim(),
          ...(d.sessionToken.trim() ? { sessionToken: d.sessionToken.trim() } : {}),
        },
        ...(d.endpoint.trim() ? { endpoint: d.endpoint.trim() } : {}),
        ...(ownEndpoints(d).length ? { endpoints: Object.fromEntries(ownEndpoints(d)) } : {}),
      };

/** The per-service endpoints that were filled in, trimmed. */
const ownEndpoints = (d: Draft): [ServiceKey, string][] =>
  SERVICES.map((s): [ServiceKey, string] => [s.key, d.endpoints[s.key].trim()]).filter(([, e]) => e);

const problemsOf = (d: Draft) =>
  d.mode === 'emulated'
    ? {}
    : {
        accessKeyId: d.accessKeyId.trim() ? undefined : 'Enter an access key id.',
        secretAccessKey: d.secretAccessKey.trim() ? undefined : 'Enter the secret access key.',
        endpoint: d.endpoint.trim() ? endpointError(d.endpoint) : undefined,
        ...Object.fromEntries(
          SERVICES.map((s) => [`endpoint-${s.key}`, d.endpoints[s.key].trim() ? endpointError(d.endpoints[s.key]) : undefined]),
        ),
      };

/** Where the console's SDK clients send their calls: the emulator in this page, or AWS (or any compatible endpoint). */
export function ConnectionModal() {
  const connection = useConnection();
  const [draft, setDraft] = useState(() =>
    draftOf(connection.settings.mode, connection.awsDefaults, connection.remember),
  );
  const [touched, setTouched] = useState(false);
  const [forgotten, setForgotten] = useState(false);
  /** A new key empties the paste area (and its profile list) when the credentials are forgotten. */
  const [pasteKey, setPasteKey] = useState(0);
  const { test } = connection;
  const update = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setForgotten(false);
    test.reset();
  };
  /** Clears the keys everywhere the console holds them: the store (memory), this tab's storage and these fields. */
  const forget = () => {
    connection.forget();
    setDraft((d) => ({ ...d, accessKeyId: '', secretAccessKey: '', sessionToken: '', remember: false }));
    setTouched(false);
    setForgotten(true);
    setPasteKey((k) => k + 1);
    test.reset();
  };
  const holdsKeys =
    !!(draft.accessKeyId || draft.secretAccessKey || draft.sessionToken) || connection.awsDefaults !== undefined;
  const problems: Partial<Record<'accessKeyId' | 'secretAccessKey' | EndpointField, string>> = problemsOf(draft);
  const valid = !Object.values(problems).some(Boolean);
  /** Key fields are judged once the form is tried; an endpoint as soon as something is typed in it. */
  const shown = (key: keyof typeof problems) =>
    touched || (key.startsWith('endpoint') && endpointText(key as EndpointField)) ? problems[key] : undefined;
  const endpointText = (key: EndpointField): string =>
    key === 'endpoint' ? draft.endpoint : draft.endpoints[key.slice('endpoint-'.length) as ServiceKey];
  const ownCount = ownEndpoints(draft).length;
  const attempt = (action: () => void) => {
    setTouched(true);
    if (valid) action();
  };
  const region = KINESIS_REGIONS.find((r) => r.id === draft.region);
  const save = () =>
    attempt(() => connection.save(settingsOf(draft), draft.mode === 'aws' && draft.remember));
  /** Enter in a text field saves, as in a form; not in the region filter, where Enter picks a region. */
  const saveOnEnter = (e: KeyboardEvent<HTMLDivElement>) => {
    const t = e.target as HTMLInputElement;
    if (e.key !== 'Enter' || e.nativeEvent.isComposing || t.tagName !== 'INPUT') return;
    if (
      t.type === 'checkbox' ||
      t.type === 'radio' ||
      t.getAttribute('role') === 'combobox' ||
      t.hasAttribute('aria-autocomplete')
    )
      return;
    e.preventDefault();
    save();
  };
  // The result sits below the fields: bring it into view when it arrives.
  const resultRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (test.isSuccess || test.isError) resultRef.current?.scrollIntoView({ block: 'nearest' });
  }, [test.isSuccess, test.isError]);

  return (
    <Modal
      visible
      size="medium"
      header="Connection settings"
      closeAriaLabel="Close connection settings"
      onDismiss={connection.close}
      data-testid="connection-settings"
      footer={
        <ModalFooter onCancel={connection.close}>
        <Button
          data-testid="connection-test"
          loading={test.isPending}
          onClick={() => attempt(() => test.mutate(settingsOf(draft)))}
        >
          Test connection
        </Button>
        <Button data-testid="connection-save" variant="primary" onClick={save}>
          Save
        </Button>
        </ModalFooter>
      }
    >
      <div onKeyDown={saveOnEnter}>
        <SpaceBetween size="l">
          <FormField label="Mode">
            <Tiles
              data-testid="connection-mode"
              value={draft.mode}
              onChange={({ detail }) => update({ mode: detail.value as Draft['mode'] })}
              columns={2}
              items={[
                {
                  value: 'emulated',
                  label: 'Emulated',
                  description:
                    'Every call is answered by the emulator inside this page. No account, no network.',
                },
                {
                  value: 'aws',
                  label: 'AWS',
                  description:
                    'Calls go to a real AWS account, or to any Kinesis-compatible endpoint you name below.',
                },
              ]}
            />
          </FormField>

          {draft.mode === 'aws' && (
            <SpaceBetween size="m">
              <Alert type="info" header="Your keys stay in this browser">
                They are held in this page's memory and used only by the AWS SDK to sign requests (the
                signature is sent, never the secret). "Remember for this browser tab" keeps them in session
                storage until the tab closes; never in local storage. "Forget credentials" clears both at once. Prefer short-lived keys; a real stream
                is billed per shard-hour.
              </Alert>
              <FormField label="Region" description={region?.name}>
                <Select
                  data-testid="connection-region"
                  selectedOption={{ value: draft.region, label: draft.region }}
                  onChange={({ detail }) => update({ region: detail.selectedOption.value ?? 'us-east-1' })}
                  options={KINESIS_REGIONS.map((r) => ({ value: r.id, label: r.id, description: r.name }))}
                  filteringType="auto"
                />
              </FormField>
              <PasteCredentials
                key={pasteKey}
                onCredentials={(c) =>
                  update({
                    accessKeyId: c.accessKeyId,
                    secretAccessKey: c.secretAccessKey,
                    sessionToken: c.sessionToken ?? '',
                    ...(c.region && KINESIS_REGIONS.some((r) => r.id === c.region) ? { region: c.region } : {}),
                  })
                }
              />
              <ColumnLayout columns={2}>
                <FormField label="Access key ID" errorText={shown('accessKeyId')}>
                  <Input
                    data-testid="connection-access-key-id"
                    value={draft.accessKeyId}
                    onChange={({ detail }) => update({ accessKeyId: detail.value })}
                    placeholder="AKIA…"
                    autoComplete={false}
                    spellcheck={false}
                  />
                </FormField>
                <FormField label="Secret access key" errorText={shown('secretAccessKey')}>
                  <Input
                    data-testid="connection-secret-access-key"
                    type="password"
                    value={draft.secretAccessKey}
                    onChange={({ detail }) => update({ secretAccessKey: detail.value })}
                    autoComplete={false}
                  />
                </FormField>
              </ColumnLayout>
              <FormField
                label={
                  <>
                    Session token <i>- optional</i>
                  </>
                }
                description="Only for temporary credentials (for example from AWS SSO or sts assume-role)."
              >
                <Input
                  data-testid="connection-session-token"
                  type="password"
                  value={draft.sessionToken}
                  onChange={({ detail }) => update({ sessionToken: detail.value })}
                  autoComplete={false}
                />
              </FormField>
              <FormField
                label={
                  <>
                    Endpoint override, all services <i>- optional</i>
                  </>
                }
                description={
                  <TextWithCode text="A Kinesis-compatible server instead of AWS: the console's own `npm run emulator` (`http://127.0.0.1:4567`), kinesalite or LocalStack. Leave empty for AWS." />
                }
                errorText={shown('endpoint')}
              >
                <Input
                  data-testid="connection-endpoint"
                  type="url"
                  value={draft.endpoint}
                  onChange={({ detail }) => update({ endpoint: detail.value })}
                  placeholder="http://127.0.0.1:4567"
                  autoComplete={false}
                  spellcheck={false}
                />
              </FormField>
              <ExpandableSection
                data-testid="connection-service-endpoints"
                headerText="Endpoint per service"
                headerCounter={ownCount ? `(${ownCount})` : undefined}
                defaultExpanded={ownCount > 0}
                headerDescription="Send one service somewhere else: for example Kinesis to kinesalite, which serves no other service."
              >
                <ColumnLayout columns={2}>
                  {SERVICES.map((s) => (
                    <FormField key={s.key} label={s.name} errorText={shown(`endpoint-${s.key}`)}>
                      <Input
                        data-testid={`connection-endpoint-${s.key}`}
                        type="url"
                        value={draft.endpoints[s.key]}
                        onChange={({ detail }) => update({ endpoints: { ...draft.endpoints, [s.key]: detail.value } })}
                        placeholder={draft.endpoint.trim() || `AWS ${draft.region}`}
                        ariaLabel={`${s.name} endpoint override`}
                        autoComplete={false}
                        spellcheck={false}
                      />
                    </FormField>
                  ))}
                </ColumnLayout>
              </ExpandableSection>
              <SpaceBetween size="s" direction="horizontal" alignItems="center">
                <Checkbox
                  data-testid="connection-remember"
                  checked={draft.remember}
                  onChange={({ detail }) => update({ remember: detail.checked })}
                >
                  Remember for this browser tab
                </Checkbox>
                <Button data-testid="connection-forget" disabled={!holdsKeys} onClick={forget}>
                  Forget credentials
                </Button>
              </SpaceBetween>
              {forgotten && (
                <StatusIndicator type="info" data-testid="connection-forgotten">
                  Credentials forgotten: cleared from this page's memory and this tab's storage. The console
                  uses the emulator until you connect again.
                </StatusIndicator>
              )}
              <Box variant="small" color="text-body-secondary">
                In AWS mode the emulator's own controls (its clock and its stored state) are hidden: they have
                no meaning for a real account. The AWS CLI commands shown on each page gain{' '}
                <TextWithCode text={draft.endpoint.trim() || ownCount ? '`--region` and `--endpoint-url`' : '`--region`'} />.
              </Box>
              <Suspense fallback={<StatusIndicator type="loading">Loading the policy generator</StatusIndicator>}>
                <PolicyGenerator region={draft.region} />
              </Suspense>
            </SpaceBetween>
          )}

          <div ref={resultRef}>
            {test.isSuccess && (
              <TestResult checks={test.data} where={draft.mode === 'emulated' ? 'the emulator' : draft.region} />
            )}
            {test.isError && (
              <Alert type="error" header={test.error.type} data-testid="connection-test-result">
                <SpaceBetween size="xxs">
                  <span>{test.error.message}</span>
                  {test.error.hint && (
                    <span>
                      <TextWithCode text={test.error.hint} />
                    </span>
                  )}
                </SpaceBetween>
              </Alert>
            )}
          </div>
        </SpaceBetween>
      </div>
    </Modal>
  );
}
