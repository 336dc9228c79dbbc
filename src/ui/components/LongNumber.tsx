import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import * as tokens from '@cloudscape-design/design-tokens';
import type { CSSProperties } from 'react';
import { abbreviateDigits } from '../lib/longNumber';
import { Unbroken } from './Unbroken';

/** Monospace values (sequence numbers, hash keys, Base64) at the body text's size, never smaller. */
export const mono: CSSProperties = { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBodyM, lineHeight: tokens.lineHeightBodyM };

/** Read by screen readers and found by tests, not drawn: the whole value behind a shortened one. */
const hidden: CSSProperties = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' };

/**
 * A long number (a hash key, a sequence number): shortened to its first and last digits on one
 * line, the whole value on hover and for screen readers, and a button that copies it. `full` shows
 * every digit (still on one line) where the value itself is the lesson.
 */
export function LongNumber({ value, label, testId, full, copy = true }: { value: string | undefined; label: string; testId?: string; full?: boolean; copy?: boolean }) {
  if (value === undefined || value === '') return <>-</>;
  const short = full ? value : abbreviateDigits(value);
  return (
    <Unbroken style={{ display: 'inline-flex', alignItems: 'center', gap: 2 }}>
      {short === value ? (
        <span style={mono} data-testid={testId}>
          {value}
        </span>
      ) : (
        <>
          <span style={mono} title={value} aria-hidden="true" data-short="">
            {short}
          </span>
          <span style={hidden} data-testid={testId}>
            {value}
          </span>
        </>
      )}
      {copy && (
        <CopyToClipboard
          variant="icon"
          textToCopy={value}
          copyButtonAriaLabel={`Copy the ${label}`}
          copySuccessText={`${label[0].toUpperCase()}${label.slice(1)} copied`}
          copyErrorText={`Could not copy the ${label}`}
        />
      )}
    </Unbroken>
  );
}
