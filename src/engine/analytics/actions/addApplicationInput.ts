import { aErr } from '../errors';
import { MAX_INPUTS, toInput, type InputRequest } from './configuration';
import { inputSchemaOf, requireStatus, requireVersion, validateCode, type AnalyticsContext } from './context';

export const addApplicationInput = (a: AnalyticsContext, input: { ApplicationName: string; CurrentApplicationVersionId: number; Input: InputRequest }) => {
  const app = a.store.get(a.rc.region, input.ApplicationName);
  requireStatus(app, 'READY', 'RUNNING');
  requireVersion(app, input.CurrentApplicationVersionId);
  if (app.Inputs.length >= MAX_INPUTS) throw aErr.invalidArgument(`Application ${app.ApplicationName} already has an input; a SQL application reads from one.`);
  const counters = { _inputs: app._inputs };
  const added = toInput(a, counters, input.Input);
  validateCode(a, app.Code, inputSchemaOf({ Inputs: [added] }));
  app._inputs = counters._inputs;
  app.Inputs.push(added);
  a.store.bumpVersion(app);
  return {
    ApplicationARN: app.ApplicationARN,
    ApplicationVersionId: app.ApplicationVersionId,
    InputDescriptions: app.Inputs.map((i) => structuredClone(i)),
  };
};
