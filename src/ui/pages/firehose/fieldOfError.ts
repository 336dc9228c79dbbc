import { fieldForError, type ShownError } from '../../hooks/errors';
import { DELIVERY_FORM_FIELDS, type DeliveryFormField } from '../../lib/firehoseRules';

/**
 * The form field an AWS error is about: the member a ValidationException names, the member or
 * subject an InvalidArgumentException's text names, or the name when it is already taken.
 */
export const deliveryFieldOf = (e: ShownError): DeliveryFormField | undefined => {
  if (e.type === 'ResourceInUseException' && /already exists/.test(e.message)) return 'name';
  return fieldForError(e, DELIVERY_FORM_FIELDS);
};
