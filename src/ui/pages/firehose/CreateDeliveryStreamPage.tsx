import { CreatePageForm } from '../../components/CreatePageForm';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Link from '@cloudscape-design/components/link';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Tiles from '@cloudscape-design/components/tiles';
import { useRef, useState } from 'react';
import { describeError, useNotify } from '../../hooks/errors';
import { useFormErrors } from '../../hooks/useFormErrors';
import { formMessages, problemMessage } from '../../lib/fieldMessages';
import { requestShapes } from '../../lib/requestShapes';
import { hrefFor, navigate } from '../../hooks/route';
import { useConnectionMode } from '../../hooks/services';
import { useCreateDeliveryStream, type SourceType } from '../../hooks/useFirehose';
import { useStreamList } from '../../hooks/useStreams';
import { FUNCTION_ERROR_FIELDS, useTransformFunctions } from '../../hooks/useTransformFunctions';
import {
  DELIVERY_FORM_FIELDS,
  destinationShape,
  deliveryStreamNameProblem,
  NAME_MAX,
  roleArnProblem,
  type DeliveryFormField,
} from '../../lib/firehoseRules';
import { fieldError } from '../streams/fieldError';
import {
  DestinationFields,
  draftSettings,
  emptyDestination,
  type DestinationDraft,
  type FieldErrors,
} from './DestinationFields';
import { deliveryStreamHref, deliveryStreamPath } from './links';
import {
  draftTimeout,
  emptyTransform,
  TransformFields,
  transformProblems,
  type TransformDraft,
  type TransformErrors,
} from './TransformFields';

const SHAPES = requestShapes.createDeliveryStream;

/** Activity 3's form: a delivery stream from Direct PUT (or a data stream) to an S3 bucket. */
export function CreateDeliveryStreamPage() {
  const aws = useConnectionMode() === 'aws';
  const streams = useStreamList();
  const create = useCreateDeliveryStream();
  const notify = useNotify();
  const [name, setName] = useState('');
  const [source, setSource] = useState<SourceType>('DirectPut');
  const [sourceStream, setSourceStream] = useState<string | undefined>();
  const [role, setRole] = useState('');
  const [draft, setDraft] = useState<DestinationDraft>(emptyDestination);
  const [touched, setTouched] = useState(false);
  const server = useFormErrors(DELIVERY_FORM_FIELDS, { shapes: SHAPES, nameField: 'name' });
  const fns = useTransformFunctions();
  const [transform, setTransform] = useState<TransformDraft>(emptyTransform);
  const [transformErrors, setTransformErrors] = useState<TransformErrors>({});
  // The function this form already put (a create that failed after it): putting it again replaces it.
  const putByForm = useRef<string | undefined>(undefined);
  const functions = fns.list.data ?? [];

  const clear = (field?: DeliveryFormField) => server.clear(field);
  const sourceArn = streams.data?.find((s) => s.name === sourceStream)?.arn;
  const settings = draftSettings(draft);
  const local: FieldErrors = touched
    ? {
        name: problemMessage(deliveryStreamNameProblem(name), SHAPES.DeliveryStreamName),
        source:
          source === 'KinesisStreamAsSource' && !sourceArn
            ? 'Choose the data stream to read from.'
            : undefined,
        role: aws ? problemMessage(roleArnProblem(role), destinationShape.RoleARN) : undefined,
        bucket: draft.bucket.trim() ? undefined : 'Choose or enter a bucket.',
      }
    : {};
  const localTransform: TransformErrors = touched
    ? transformProblems(transform, aws, (n) => n !== putByForm.current && functions.some((f) => f.name === n))
    : {};
  const tErrors: TransformErrors = {
    ...localTransform,
    ...Object.fromEntries(Object.entries(transformErrors).filter(([, v]) => v)),
    ...(server.fields.transform ? { transform: server.fields.transform } : {}),
  };
  const errors: FieldErrors = {
    ...local,
    ...Object.fromEntries(Object.entries(server.fields).filter(([, v]) => v)),
  };
  // AWS judges the rest (a name too long, buffer hints out of range): its answer is the lesson.
  const blocked =
    name.length === 0 ||
    !settings ||
    !settings.bucket ||
    (source === 'KinesisStreamAsSource' && !sourceArn) ||
    (aws && !role);

  /** The LambdaArn the delivery stream names: an existing function's, a new one's once put, or the typed one. */
  const transformArn = async (): Promise<string | undefined> => {
    if (!transform.enabled) return undefined;
    if (aws) return transform.lambdaArn.trim();
    if (transform.choice === 'existing') return functions.find((f) => f.name === transform.existing)?.arn;
    const { arn } = await fns.put.mutateAsync({
      name: transform.name,
      source: transform.source,
      timeoutSeconds: draftTimeout(transform),
    });
    putByForm.current = transform.name;
    return arn;
  };

  const submit = async () => {
    setTouched(true);
    const problems = transformProblems(
      transform,
      aws,
      (n) => n !== putByForm.current && functions.some((f) => f.name === n),
    );
    if (blocked || !settings || Object.values(problems).some(Boolean)) return;
    server.reset();
    setTransformErrors({});
    let lambdaArn: string | undefined;
    try {
      lambdaArn = await transformArn();
    } catch (e) {
      // The function was refused (Lambda's ValidationException): shown by its field, no delivery stream made.
      const m = formMessages(describeError(e), FUNCTION_ERROR_FIELDS);
      setTransformErrors({
        name: m.fields.name,
        timeout: m.fields.timeoutSeconds,
        transform: m.form ?? (m.notice && { text: m.notice.message, detail: m.notice.type }),
      });
      return;
    }
    create.mutate(
      {
        name,
        source,
        sourceStreamArn: sourceArn,
        roleArn: aws ? role : undefined,
        transformLambdaArn: lambdaArn,
        ...settings,
      },
      {
        onSuccess: () => {
          notify.track({
            content: `Creating delivery stream ${name}`,
            watch: { kind: 'delivery-stream', name, until: 'ACTIVE', done: `Delivery stream ${name} is active.` },
            scope: [deliveryStreamPath(name)],
          });
          navigate(deliveryStreamHref(name));
        },
        onError: server.onError,
      },
    );
  };

  return (
    <CreatePageForm
      title="Create delivery stream"
      description="Firehose buffers the records it receives and writes them to Amazon S3 as objects."
      cancelHref={hrefFor('/firehose')}
      submitLabel="Create delivery stream"
      submitTestId="create-delivery-submit"
      pending={create.isPending || fns.put.isPending}
      onSubmit={() => void submit()}
      errorText={fieldError('create-delivery-error', server.form)}
    >
      <SpaceBetween size="l">
        <Container header={<Header variant="h2">Source and destination</Header>}>
          <SpaceBetween size="l">
            <FormField label="Source" errorText={fieldError('source-error', errors.source)}>
              <Tiles
                ariaLabel="Source"
                value={source}
                onChange={({ detail }) => {
                  setSource(detail.value as SourceType);
                  clear('source');
                }}
                items={[
                  {
                    value: 'DirectPut',
                    label: 'Direct PUT',
                    description: 'Producers send records with PutRecord and PutRecordBatch.',
                  },
                  {
                    value: 'KinesisStreamAsSource',
                    label: 'Amazon Kinesis Data Streams',
                    description: 'Firehose reads the records of a data stream.',
                  },
                ]}
              />
            </FormField>
            {source === 'KinesisStreamAsSource' && (
              <FormField label="Kinesis data stream">
                <Select
                  data-testid="source-stream-select"
                  ariaLabel="Kinesis data stream"
                  placeholder="Choose a data stream"
                  statusType={streams.isLoading ? 'loading' : 'finished'}
                  selectedOption={sourceStream ? { value: sourceStream, label: sourceStream } : null}
                  options={(streams.data ?? []).map((s) => ({
                    value: s.name,
                    label: s.name,
                    description: s.status,
                  }))}
                  empty={
                    <span>
                      No data streams. <Link href={hrefFor('/create-stream')}>Create data stream</Link>
                    </span>
                  }
                  onChange={({ detail }) => {
                    setSourceStream(detail.selectedOption.value);
                    clear('source');
                  }}
                />
              </FormField>
            )}
            <FormField label="Destination" description="The emulator delivers to Amazon S3.">
              <Tiles ariaLabel="Destination" value="S3" items={[{ value: 'S3', label: 'Amazon S3' }]} />
            </FormField>
          </SpaceBetween>
        </Container>
        <Container header={<Header variant="h2">Delivery stream name</Header>}>
          <FormField
            label="Delivery stream name"
            constraintText={`1-${NAME_MAX} characters: letters, digits, underscore (_), hyphen (-) and period (.).`}
            errorText={fieldError('delivery-name-error', errors.name)}
          >
            <Input
              value={name}
              ariaLabel="Delivery stream name"
              placeholder="my-delivery-stream"
              data-testid="delivery-name-input"
              onChange={({ detail }) => {
                setName(detail.value);
                setTouched(true);
                clear('name');
              }}
            />
          </FormField>
        </Container>
        <Container header={<Header variant="h2">Destination settings</Header>}>
          <DestinationFields
            draft={draft}
            errors={errors}
            onChange={(next, field) => {
              setDraft(next);
              clear(field);
            }}
          />
        </Container>
        <Container
          header={
            <Header
              variant="h2"
              description={
                aws
                  ? 'Optional. A Lambda function transforms each batch of records before delivery.'
                  : "Optional. A JavaScript function (the emulator's stand-in for Lambda) transforms each batch of records before delivery."
              }
            >
              Transform source records
            </Header>
          }
        >
          <TransformFields
            draft={transform}
            aws={aws}
            functions={functions}
            loading={fns.list.isLoading}
            errors={tErrors}
            onChange={(next, field) => {
              setTransform(next);
              if (field) {
                setTransformErrors((e) => ({ ...e, [field]: undefined }));
                if (field === 'transform' || field === 'lambdaArn' || field === 'existing')
                  clear('transform');
              }
            }}
            onSource={(code) => setTransform((t) => ({ ...t, source: code }))}
          />
        </Container>
        {aws && (
          <Container header={<Header variant="h2">Service access</Header>}>
            <FormField
              label="IAM role"
              description="The ARN of a role Firehose assumes to read the source and write to the bucket (and to CloudWatch Logs)."
              errorText={fieldError('role-error', errors.role)}
            >
              <Input
                value={role}
                ariaLabel="IAM role ARN"
                placeholder="arn:aws:iam::123456789012:role/firehose-delivery-role"
                data-testid="role-arn-input"
                onChange={({ detail }) => {
                  setRole(detail.value);
                  clear('role');
                }}
              />
            </FormField>
          </Container>
        )}
      </SpaceBetween>
    </CreatePageForm>
  );
}
