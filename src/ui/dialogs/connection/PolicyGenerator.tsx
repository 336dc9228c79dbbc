import Checkbox from '@cloudscape-design/components/checkbox';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { CliCommand } from '../../components/CliCommand';
import { bucketNameProblem } from '../../lib/bucketName';
import { deliveryStreamNameProblem, roleArnProblem } from '../../lib/firehoseRules';
import { streamNameProblem } from '../../lib/streamRules';
import { policyJson, splitNames } from '../../workshop/policy';

interface Names {
  accountId: string;
  streams: string;
  deliveryStream: string;
  bucket: string;
  prefix: string;
  deliveryRole: string;
  analytics: boolean;
}

/** Why a field cannot go into the policy (AWS's own naming rules), or undefined; an empty field means "any". */
const problemsOf = (n: Names): Partial<Record<keyof Names, string>> => ({
  accountId: n.accountId && !/^\d{12}$/.test(n.accountId) ? 'An account id is 12 digits.' : undefined,
  streams: splitNames(n.streams).map(streamNameProblem).find(Boolean),
  deliveryStream: n.deliveryStream ? deliveryStreamNameProblem(n.deliveryStream) : undefined,
  bucket: n.bucket ? bucketNameProblem(n.bucket) : undefined,
  deliveryRole: !n.deliveryRole
    ? undefined
    : n.deliveryRole.startsWith('arn:')
      ? roleArnProblem(n.deliveryRole)
      : /^[\w+=,.@-]{1,64}$/.test(n.deliveryRole)
        ? undefined
        : 'A role name has up to 64 letters, digits and +=,.@_- characters; or enter the role ARN.',
});

/**
 * A least-privilege IAM policy for the workshop, written from the resources the user names: only
 * what the console's calls need, on those resources. Empty fields stand for "any of its kind".
 */
export function PolicyGenerator({ region }: { region: string }) {
  const [n, setN] = useState<Names>({
    accountId: '',
    streams: '',
    deliveryStream: '',
    bucket: '',
    prefix: '',
    deliveryRole: '',
    analytics: false,
  });
  const set = (patch: Partial<Names>) => setN((old) => ({ ...old, ...patch }));
  const problems = problemsOf(n);
  const ok = !Object.values(problems).some(Boolean);
  const text = (key: Exclude<keyof Names, 'analytics'>, label: string, description: string, placeholder: string) => (
    <FormField label={label} description={description} errorText={problems[key]}>
      <Input
        data-testid={`policy-${key}`}
        value={n[key]}
        onChange={({ detail }) => set({ [key]: detail.value })}
        placeholder={placeholder}
        autoComplete={false}
        spellcheck={false}
      />
    </FormField>
  );
  return (
    <ExpandableSection
      data-testid="policy-generator"
      headerText="IAM policy for these credentials"
      headerDescription="Least privilege for the workshop: name your resources and attach the policy to the user or role whose keys you use."
    >
      <SpaceBetween size="m">
        <ColumnLayout columns={2}>
          {text('accountId', 'Account id', 'The 12 digits; empty for any account.', '123456789012')}
          {text('streams', 'Data streams', 'Names, separated by commas; empty for any stream.', 'input-stream, output-stream')}
          {text('deliveryStream', 'Delivery stream', 'The Firehose delivery stream; empty for any.', 'workshop-delivery')}
          {text('deliveryRole', 'Delivery role', 'The role Firehose assumes to write to S3 (name or ARN).', 'firehose-delivery-role')}
          {text('bucket', 'S3 bucket', 'The bucket Firehose writes to; empty for any.', 'my-workshop-bucket')}
          {text('prefix', 'S3 prefix', 'Objects the console may read and delete; empty for the whole bucket.', 'workshop/')}
        </ColumnLayout>
        <Checkbox
          data-testid="policy-analytics"
          checked={n.analytics}
          onChange={({ detail }) => set({ analytics: detail.checked })}
          description="AWS no longer creates SQL applications; tick only for an account that still has them."
        >
          Kinesis Data Analytics SQL applications
        </Checkbox>
        {ok && (
          <CliCommand
            command={policyJson({
              region,
              accountId: n.accountId,
              streams: splitNames(n.streams),
              deliveryStream: n.deliveryStream,
              bucket: n.bucket,
              prefix: n.prefix,
              deliveryRole: n.deliveryRole,
              analytics: n.analytics,
            })}
            testId="policy-json"
            label={`Policy for ${region}`}
            copyLabel="Copy IAM policy"
            copiedText="Policy copied"
          />
        )}
      </SpaceBetween>
    </ExpandableSection>
  );
}
