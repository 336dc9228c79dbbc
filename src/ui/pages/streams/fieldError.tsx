/** A FormField error that e2e tests can find: `errorText={fieldError('x-error', text)}`. */
export const fieldError = (testId: string, text: string | undefined) => (text ? <span data-testid={testId}>{text}</span> : undefined);
