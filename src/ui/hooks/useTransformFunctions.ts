import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { emulatorClient } from '../../worker/client';
import {
  DEFAULT_TIMEOUT_SECONDS,
  MAX_TIMEOUT_SECONDS,
  MIN_TIMEOUT_SECONDS,
} from '../../engine/functions/types';
import type { TransformFunctionInfo } from '../../worker/protocol';
import { useConnectionMode } from './services';

export type { TransformFunctionInfo };

/** What a form sends to create or replace a function; `timeoutSeconds` 1-900, 3 when left out (Lambda's default). */
export interface TransformFunctionInput {
  name: string;
  source: string;
  timeoutSeconds?: number;
}

/** A function's timeout in seconds: Lambda's range and default. */
export const FUNCTION_TIMEOUT = {
  min: MIN_TIMEOUT_SECONDS,
  max: MAX_TIMEOUT_SECONDS,
  default: DEFAULT_TIMEOUT_SECONDS,
} as const;

/** The function an ARN names in a list (also its `:$LATEST` form), if there is one. */
export const functionByArn = (list: readonly TransformFunctionInfo[] | undefined, arn: string | undefined) =>
  arn ? list?.find((f) => f.arn === arn.replace(/:\$LATEST$/, '')) : undefined;

/** The field a function error is about, for showing it next to that field (Lambda names them so). */
export const FUNCTION_ERROR_FIELDS = { name: ['functionName'], timeoutSeconds: ['timeout'] } as const;

/** A starting point for a new function: the shape of a Firehose record-transformation handler. */
export const TRANSFORM_FUNCTION_TEMPLATE = `// Called with a batch of the delivery stream's records; return every recordId with
// result Ok (and base64 data), Dropped or ProcessingFailed.
export const handler = async (event) => ({
  records: event.records.map((record) => {
    const text = Buffer.from(record.data, 'base64').toString('utf8');
    return { recordId: record.recordId, result: 'Ok', data: Buffer.from(text).toString('base64') };
  }),
});
`;

export const transformFunctionKeys = {
  all: ['transform-functions'] as const,
};

/**
 * The emulator's transformation functions (the stand-in for the Lambda functions a delivery stream's
 * record transformation names by ARN), over the console channel: emulated mode only (in AWS mode the
 * list stays empty and a delivery stream names a real Lambda ARN). Errors carry Lambda's type in `name`
 * (`ValidationException`, `ResourceNotFoundException`): use `describeError` and `fieldForError` with
 * {@link FUNCTION_ERROR_FIELDS}.
 */
export const useTransformFunctions = () => {
  const mode = useConnectionMode();
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: transformFunctionKeys.all,
    queryFn: (): Promise<TransformFunctionInfo[]> => emulatorClient().console.listTransformFunctions(),
    enabled: mode === 'emulated',
  });
  const refresh = () => qc.invalidateQueries({ queryKey: transformFunctionKeys.all });
  const put = useMutation({
    mutationFn: (input: TransformFunctionInput): Promise<{ arn: string }> =>
      emulatorClient().console.putTransformFunction(input),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (name: string): Promise<void> => emulatorClient().console.deleteTransformFunction(name),
    onSettled: refresh,
  });
  return { list, put, remove, available: mode === 'emulated' };
};
