import { useState } from 'react';
import { formMessages, type FieldMembers, type FieldMessage, type FormMessageOptions } from '../lib/fieldMessages';
import { describeError, useNotify } from './errors';

interface Shown<F extends string> {
  fields: Partial<Record<F, FieldMessage>>;
  form?: FieldMessage;
}

/**
 * A form's answer from AWS: `onError` puts each problem by the field it names (or in the form's
 * error area), and an error about the state of things in a notification. What the user typed is
 * left as it is. `clear(field)` when the user edits a field; `reset()` before submitting again.
 */
export const useFormErrors = <F extends string>(
  fields: FieldMembers<F>,
  options: FormMessageOptions<NoInfer<F>> & {
    /** Keep every error in the form (a dialog, which would hide a notification behind it). */
    inline?: boolean;
  } = {},
) => {
  const notify = useNotify();
  const [shown, setShown] = useState<Shown<F>>({ fields: {} });
  const onError = (e: unknown) => {
    const m = formMessages(describeError(e), fields, options);
    const notice = m.notice && (options.inline ? { text: m.notice.message || m.notice.type, detail: m.notice.message ? m.notice.type : undefined } : undefined);
    setShown({ fields: m.fields, form: m.form ?? notice });
    if (m.notice && !options.inline) notify.error(e);
  };
  /** The user changed something: the form's error goes, and the field's when one is named. */
  const clear = (field?: F) =>
    setShown((s) => ({ fields: field === undefined ? s.fields : { ...s.fields, [field]: undefined }, form: undefined }));
  /** Before submitting again. */
  const reset = () => setShown({ fields: {} });
  return { fields: shown.fields, form: shown.form, onError, clear, reset };
};
