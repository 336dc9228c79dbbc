import { TextWithCode } from '../../components/TextWithCode';
import FormField from '@cloudscape-design/components/form-field';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Textarea from '@cloudscape-design/components/textarea';
import { useState } from 'react';
import {
  parsePastedCredentials,
  type PastedCredentials,
  type PastedProfile,
  type PasteResult,
} from '../../lib/pastedCredentials';

const FORMATS = { json: 'the JSON', env: 'the environment variables' } as const;

/** Where the keys came from, in a few words: "the JSON", "profile [lab]". */
const sourceOf = (r: Extract<PasteResult, { kind: 'credentials' }>): string =>
  r.format === 'ini' ? (r.profile ? `profile [${r.profile}]` : 'the profile') : FORMATS[r.format];

/**
 * A text area that takes credentials as people have them (export-credentials JSON or env lines, a
 * ~/.aws/credentials profile) and fills the connection fields from them. The pasted text is
 * cleared once read; several profiles are offered in a list.
 */
export function PasteCredentials({ onCredentials }: { onCredentials(c: PastedCredentials): void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const [showError, setShowError] = useState(false);
  const [profiles, setProfiles] = useState<PastedProfile[]>();
  const [filled, setFilled] = useState<string>();

  const fill = (c: PastedCredentials, from: string) => {
    onCredentials(c);
    setProfiles(undefined);
    setFilled(
      `Filled in from ${from}: access key ${c.accessKeyId}${c.sessionToken ? ' with a session token' : ''}${
        c.expiration ? `, valid until ${c.expiration}` : ''
      }.`,
    );
  };

  const read = (next: string, pasted: boolean) => {
    setText(next);
    setFilled(undefined);
    setProfiles(undefined);
    if (!next.trim()) {
      setError(undefined);
      return;
    }
    const r = parsePastedCredentials(next);
    if (r.kind === 'error') {
      setError(r.message);
      // A paste is judged at once; typing, when the field is left.
      if (pasted) setShowError(true);
      return;
    }
    setError(undefined);
    setShowError(false);
    // The secret is read: it need not stay on screen.
    setText('');
    if (r.kind === 'profiles') setProfiles(r.profiles);
    else fill(r.credentials, sourceOf(r));
  };

  return (
    <FormField
      label={
        <>
          Paste credentials <i>- optional</i>
        </>
      }
      description={
        <TextWithCode text="What `aws configure export-credentials` prints (JSON, or its `--format env` lines), or a profile from `~/.aws/credentials`. The fields below are filled in from it." />
      }
      errorText={showError && error ? <TextWithCode text={error} /> : undefined}
      data-testid="connection-paste-field"
    >
      <SpaceBetween size="xs">
        <Textarea
          data-testid="connection-paste"
          value={text}
          rows={3}
          spellcheck={false}
          autoComplete={false}
          placeholder={'export AWS_ACCESS_KEY_ID=…\nexport AWS_SECRET_ACCESS_KEY=…'}
          onChange={({ detail }) => read(detail.value, detail.value.length - text.length > 1)}
          onBlur={() => setShowError(true)}
        />
        {profiles && (
          <FormField label="Profile" description={`The pasted text holds ${profiles.length} profiles with keys: choose one.`}>
            <Select
              data-testid="connection-paste-profile"
              selectedOption={null}
              placeholder="Choose a profile"
              options={profiles.map((p) => ({ value: p.name, label: p.name, description: p.credentials.accessKeyId }))}
              onChange={({ detail }) => {
                const chosen = profiles.find((p) => p.name === detail.selectedOption.value);
                if (chosen) fill(chosen.credentials, `profile [${chosen.name}]`);
              }}
            />
          </FormField>
        )}
        {filled && (
          <StatusIndicator type="success" data-testid="connection-paste-result">
            {filled}
          </StatusIndicator>
        )}
      </SpaceBetween>
    </FormField>
  );
}
