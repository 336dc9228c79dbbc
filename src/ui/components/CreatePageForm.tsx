import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Form from '@cloudscape-design/components/form';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';

/**
 * A create page as the AWS console lays it out: the title, the form's sections, Cancel and the
 * primary action at the bottom. Enter in a field submits, as in a plain form.
 */
export function CreatePageForm({
  title,
  description,
  cancelHref,
  submitLabel,
  submitTestId,
  pending,
  onSubmit,
  errorText,
  children,
}: {
  title: string;
  description: string;
  cancelHref: string;
  submitLabel: string;
  submitTestId: string;
  pending: boolean;
  onSubmit(): void;
  errorText?: ReactNode;
  children: ReactNode;
}) {
  return (
    <ContentLayout header={<Header variant="h1" description={description}>{title}</Header>}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <Form
          errorText={errorText}
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button formAction="none" variant="link" href={cancelHref}>
                Cancel
              </Button>
              <Button variant="primary" loading={pending} data-testid={submitTestId}>
                {submitLabel}
              </Button>
            </SpaceBetween>
          }
        >
          {children}
        </Form>
      </form>
    </ContentLayout>
  );
}
