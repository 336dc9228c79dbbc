import { aErr } from '../errors';
import type { InputStartingPosition } from '../types';
import { requireStatus, type AnalyticsContext } from './context';

export interface StartApplicationInput {
  ApplicationName: string;
  RunConfiguration?: {
    SqlRunConfigurations?: Array<{ InputId: string; InputStartingPositionConfiguration: { InputStartingPosition?: InputStartingPosition } }>;
  };
}

export const startApplication = (a: AnalyticsContext, input: StartApplicationInput) => {
  const app = a.store.get(a.rc.region, input.ApplicationName);
  requireStatus(app, 'READY');
  if (app.Inputs.length === 0) throw aErr.badConfiguration(`Application ${app.ApplicationName} has no input to read from. Add an input before starting it.`);
  let position: InputStartingPosition = 'NOW';
  for (const run of input.RunConfiguration?.SqlRunConfigurations ?? []) {
    const target = app.Inputs.find((i) => i.InputId === run.InputId);
    if (!target) throw aErr.invalidArgument(`Input ${run.InputId} does not exist in application ${app.ApplicationName}.`);
    position = run.InputStartingPositionConfiguration.InputStartingPosition ?? 'NOW';
    // "This option is not available for an Amazon Kinesis Data Firehose delivery stream" (API reference, InputStartingPositionConfiguration); the text is the console's own.
    if (position === 'TRIM_HORIZON' && target.KinesisFirehoseInputDescription)
      throw aErr.invalidArgument(`TRIM_HORIZON is not available for input ${run.InputId}: a Firehose delivery stream source can be read from NOW or LAST_STOPPED_POINT.`);
    target.InputStartingPositionConfiguration = { InputStartingPosition: position };
  }
  app._startingPosition = position;
  // A start reads from the position asked, never from where an earlier run stood.
  delete app._readingAt;
  app._statusReason = undefined;
  a.store.transition(app, 'STARTING', 'RUNNING');
  return {};
};
