import { CreatePageForm } from '../../components/CreatePageForm';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Tiles from '@cloudscape-design/components/tiles';
import { useState } from 'react';
import { useNotify } from '../../hooks/errors';
import { useFormErrors } from '../../hooks/useFormErrors';
import { problemMessage, type FieldMembers } from '../../lib/fieldMessages';
import { requestShapes, type Shapes } from '../../lib/requestShapes';
import { hrefFor, navigate } from '../../hooks/route';
import { streamNameProblem } from '../../lib/streamRules';
import { useCreateStream } from '../../hooks/useStreams';
import { cli } from './cli';
import { CliCommand } from '../../components/CliCommand';
import { fieldError } from './fieldError';
import { streamHref, streamPath } from './links';
import { parseWhole, shardCountProblem, SHARD_QUOTA_HINT } from './rules';

type Mode = 'PROVISIONED' | 'ON_DEMAND';
/** The request members each field sends. */
const FIELDS: FieldMembers<'name' | 'shards'> = { name: ['streamName'], shards: ['shardCount'] };
/** The shard count as the console asks for it: at least 1, within the default account quota. */
const SHARDS_SHAPE = { ...requestShapes.createStream.ShardCount, lessThanOrEqual: SHARD_QUOTA_HINT };
const SHAPES: Shapes = { ...requestShapes.createStream, ShardCount: SHARDS_SHAPE };

export function CreateStreamPage() {
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const [mode, setMode] = useState<Mode>('PROVISIONED');
  const [shards, setShards] = useState('2');
  const server = useFormErrors(FIELDS, { shapes: SHAPES, nameField: 'name' });
  const create = useCreateStream();
  const notify = useNotify();

  const nameProblem = touched ? problemMessage(streamNameProblem(name), SHAPES.StreamName) : undefined;
  const shardProblem = mode === 'PROVISIONED' ? problemMessage(shardCountProblem(shards), SHARDS_SHAPE) : undefined;
  const count = parseWhole(shards);
  // The form lets AWS judge what it would judge (bad names, 0 or too many shards): its answer is the lesson.
  const blocked = name.length === 0 || (mode === 'PROVISIONED' && count === undefined);

  const submit = () => {
    setTouched(true);
    if (blocked) return;
    server.reset();
    create.mutate(
      { name, mode, shardCount: mode === 'PROVISIONED' ? Number(shards) : undefined },
      {
        onSuccess: () => {
          notify.track({
            content: `Creating data stream ${name}`,
            watch: { kind: 'stream', name, until: 'ACTIVE', done: `Data stream ${name} is active.` },
            scope: [streamPath(name)],
          });
          navigate(streamHref(name));
        },
        onError: server.onError,
      },
    );
  };

  return (
    <CreatePageForm
      title="Create data stream"
      description="A stream of shards that records are written to and read from."
      cancelHref={hrefFor('/streams')}
      submitLabel="Create data stream"
      submitTestId="create-stream-submit"
      pending={create.isPending}
      onSubmit={submit}
      errorText={fieldError('create-stream-error', server.form)}
    >
      <SpaceBetween size="l">
        <Container header={<Header variant="h2">Data stream configuration</Header>}>
          <FormField
            label="Data stream name"
            constraintText="1-128 characters: letters, digits, underscore (_), hyphen (-) and period (.)."
            errorText={fieldError('stream-name-error', server.fields.name ?? nameProblem)}
          >
            <Input
              value={name}
              ariaLabel="Data stream name"
              placeholder="my-data-stream"
              data-testid="stream-name-input"
              onChange={({ detail }) => {
                setName(detail.value);
                setTouched(true);
                server.clear('name');
              }}
            />
          </FormField>
        </Container>
        <Container header={<Header variant="h2">Data stream capacity</Header>}>
          <SpaceBetween size="l">
            <FormField label="Capacity mode">
              <Tiles
                ariaLabel="Capacity mode"
                value={mode}
                onChange={({ detail }) => setMode(detail.value as Mode)}
                items={[
                  { value: 'PROVISIONED', label: 'Provisioned', description: 'You choose the number of shards; each takes 1 MiB/s or 1,000 records/s in and 2 MiB/s out.' },
                  { value: 'ON_DEMAND', label: 'On-demand', description: 'Kinesis manages the shards; a new stream starts with 4.' },
                ]}
              />
            </FormField>
            {mode === 'PROVISIONED' && (
              <FormField
                label="Provisioned shards"
                constraintText={`At least 1. The default account quota is ${SHARD_QUOTA_HINT} shards in us-east-1.`}
                errorText={fieldError('shard-count-error', server.fields.shards ?? shardProblem)}
              >
                <Input
                  type="number"
                  inputMode="numeric"
                  value={shards}
                  ariaLabel="Number of provisioned shards"
                  data-testid="shard-count-input"
                  onChange={({ detail }) => {
                    setShards(detail.value);
                    server.clear('shards');
                  }}
                />
              </FormField>
            )}
          </SpaceBetween>
        </Container>
        <Container>
          <CliCommand command={cliFor(name, mode, shards)} testId="create-stream-cli" />
        </Container>
      </SpaceBetween>
    </CreatePageForm>
  );
}

const cliFor = (name: string, mode: Mode, shards: string) => cli.createStream(name || '<stream-name>', mode, shards);
