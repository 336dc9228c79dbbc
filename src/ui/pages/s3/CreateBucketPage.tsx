import { CreatePageForm } from '../../components/CreatePageForm';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { CliCommand } from '../../components/CliCommand';
import { s3cli } from './cli';
import { describeError, useNotify } from '../../hooks/errors';
import type { FieldMessage } from '../../lib/fieldMessages';
import { hrefFor, navigate } from '../../hooks/route';
import { useCreateBucket } from '../../hooks/useS3';
import { bucketNameProblem } from '../../lib/bucketName';
import { s3Path } from '../../lib/s3Keys';
import { fieldError } from '../streams/fieldError';

/** S3's errors about the name itself, shown next to the field; anything else is a notification. */
const NAME_ERRORS = new Set(['InvalidBucketName', 'BucketAlreadyOwnedByYou', 'BucketAlreadyExists', 'IllegalLocationConstraintException']);

export function CreateBucketPage() {
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const [serverError, setServerError] = useState<FieldMessage | undefined>();
  const create = useCreateBucket();
  const notify = useNotify();
  const problem = touched ? bucketNameProblem(name) : undefined;

  const submit = () => {
    setTouched(true);
    // The form lets S3 judge a name the rule refuses too: its InvalidBucketName is part of the lesson.
    if (name.length === 0) return;
    setServerError(undefined);
    create.mutate(name, {
      onSuccess: () => {
        notify.success(`Created bucket ${name}.`, { scope: [s3Path(name)] });
        navigate(hrefFor(s3Path(name)));
      },
      onError: (e) => {
        const shown = describeError(e);
        // S3's texts are sentences already; its error code goes beneath.
        if (NAME_ERRORS.has(shown.type)) setServerError({ text: shown.message || shown.type, detail: shown.type });
        else notify.error(e);
      },
    });
  };

  return (
    <CreatePageForm
      title="Create bucket"
      description="A bucket holds objects; a Firehose delivery stream writes its records into one."
      cancelHref={hrefFor('/s3')}
      submitLabel="Create bucket"
      submitTestId="create-bucket-submit"
      pending={create.isPending}
      onSubmit={submit}
    >
      <SpaceBetween size="l">
        <Container header={<Header variant="h2">General configuration</Header>}>
          <FormField
            label="Bucket name"
            description="Bucket names are global across S3: the workshop suggests <yourname>-filtered-iot-data."
            constraintText="3-63 characters: lowercase letters, numbers, dots (.) and hyphens (-); begins and ends with a letter or number."
            errorText={fieldError('bucket-name-error', serverError ?? problem)}
          >
            <Input
              value={name}
              ariaLabel="Bucket name"
              placeholder="myname-filtered-iot-data"
              data-testid="bucket-name-input"
              onChange={({ detail }) => {
                setName(detail.value);
                setTouched(true);
                setServerError(undefined);
              }}
            />
          </FormField>
        </Container>
        <Container>
          <CliCommand command={s3cli.createBucket(name)} testId="create-bucket-cli" />
        </Container>
      </SpaceBetween>
    </CreatePageForm>
  );
}
