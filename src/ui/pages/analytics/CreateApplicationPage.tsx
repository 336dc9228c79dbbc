import { CreatePageForm } from '../../components/CreatePageForm';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import { useState } from 'react';
import { useNotify } from '../../hooks/errors';
import { useFormErrors } from '../../hooks/useFormErrors';
import { requestShapes } from '../../lib/requestShapes';
import { fieldError } from '../streams/fieldError';
import { hrefFor, navigate } from '../../hooks/route';
import { useCreateApplication } from '../../hooks/useAnalytics';
import { applicationPath } from './links';

const FIELDS = { name: ['applicationName'], description: ['applicationDescription'] };

/** The application name rule (API reference, ApplicationName: 1-128 of [a-zA-Z0-9_.-]). */
export const applicationNameProblem = (name: string): string | undefined => {
  if (name.length === 0) return 'Enter a name.';
  if (name.length > 128) return 'Use at most 128 characters.';
  if (!/^[a-zA-Z0-9_.-]+$/.test(name)) return 'Use only letters, digits, hyphens (-), underscores (_) and periods (.).';
  return undefined;
};

export default function CreateApplicationPage() {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [touched, setTouched] = useState(false);
  const server = useFormErrors(FIELDS, { shapes: requestShapes.createApplication, nameField: 'name' });
  const create = useCreateApplication();
  const notify = useNotify();
  const problem = touched ? applicationNameProblem(name) : undefined;

  const submit = () => {
    setTouched(true);
    if (applicationNameProblem(name)) return;
    server.reset();
    create.mutate(
      { name, description },
      {
        onSuccess: () => {
          notify.success(`Created application ${name}. Connect it to a data stream next.`, { scope: [applicationPath(name)] });
          navigate(applicationPath(name, 'source'));
        },
        onError: server.onError,
      },
    );
  };

  return (
    <CreatePageForm
      title="Create application"
      description="A Kinesis Data Analytics SQL application: it reads one source and runs your SQL over it continuously."
      cancelHref={hrefFor('/analytics')}
      submitLabel="Create application"
      submitTestId="create-application-submit"
      pending={create.isPending}
      onSubmit={submit}
      errorText={fieldError('create-application-error', server.form)}
    >
      <Container header={<Header variant="h2">Application configuration</Header>}>
        <SpaceBetween size="l">
          <FormField
            label="Application name"
            constraintText="1-128 characters: letters, digits, underscore (_), hyphen (-) and period (.)."
            errorText={fieldError('application-name-error', server.fields.name ?? problem)}
          >
            <Input
              value={name}
              ariaLabel="Application name"
              placeholder="workshop-analytics"
              data-testid="application-name-input"
              onChange={({ detail }) => {
                setName(detail.value);
                setTouched(true);
                server.clear('name');
              }}
            />
          </FormField>
          <FormField label={<span>Description <i>- optional</i></span>} errorText={fieldError('application-description-error', server.fields.description)}>
            <Textarea value={description} ariaLabel="Description" rows={2} onChange={({ detail }) => {
                setDescription(detail.value);
                server.clear('description');
              }} />
          </FormField>
          <FormField label="Runtime" description="SQL applications run on this console's own engine, in the browser: AWS no longer runs them.">
            <Input value="SQL" readOnly ariaLabel="Runtime" />
          </FormField>
        </SpaceBetween>
      </Container>
    </CreatePageForm>
  );
}
