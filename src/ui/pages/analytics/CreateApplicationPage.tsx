import { CreatePageForm } from '../../components/CreatePageForm';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import { useState } from 'react';
import { describeError, fieldForError, formatError, useNotify } from '../../hooks/errors';
import { hrefFor, navigate } from '../../hooks/route';
import { useCreateApplication } from '../../hooks/useAnalytics';
import { applicationPath } from './links';

type Field = 'name' | 'description';

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
  const [serverError, setServerError] = useState<Partial<Record<Field, string>>>({});
  const create = useCreateApplication();
  const notify = useNotify();
  const problem = touched ? applicationNameProblem(name) : undefined;

  const submit = () => {
    setTouched(true);
    if (applicationNameProblem(name)) return;
    setServerError({});
    create.mutate(
      { name, description },
      {
        onSuccess: () => {
          notify.success(`Created application ${name}. Connect it to a data stream next.`, { scope: [applicationPath(name)] });
          navigate(applicationPath(name, 'source'));
        },
        onError: (e) => {
          const shown = describeError(e);
          const field = fieldForError<Field>(shown, { name: ['applicationName'], description: ['applicationDescription'] });
          if (field) setServerError({ [field]: formatError(shown) });
          else if (shown.type === 'ResourceInUseException') setServerError({ name: formatError(shown) });
          else notify.error(e);
        },
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
    >
      <Container header={<Header variant="h2">Application configuration</Header>}>
        <SpaceBetween size="l">
          <FormField
            label="Application name"
            constraintText="1-128 characters: letters, digits, underscore (_), hyphen (-) and period (.)."
            errorText={serverError.name ?? problem}
          >
            <Input
              value={name}
              ariaLabel="Application name"
              placeholder="workshop-analytics"
              data-testid="application-name-input"
              onChange={({ detail }) => {
                setName(detail.value);
                setTouched(true);
                setServerError((s) => ({ ...s, name: undefined }));
              }}
            />
          </FormField>
          <FormField label={<span>Description <i>- optional</i></span>} errorText={serverError.description}>
            <Textarea value={description} ariaLabel="Description" rows={2} onChange={({ detail }) => setDescription(detail.value)} />
          </FormField>
          <FormField label="Runtime" description="SQL applications run on this console's own engine, in the browser: AWS no longer runs them.">
            <Input value="SQL" readOnly ariaLabel="Runtime" />
          </FormField>
        </SpaceBetween>
      </Container>
    </CreatePageForm>
  );
}
