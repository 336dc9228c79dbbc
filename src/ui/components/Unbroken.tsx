import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import { Fragment, type CSSProperties, type ReactNode } from 'react';
import { dateTime } from './time';

/**
 * A word that must not break across lines: a status (ACTIVE), an id (shardId-000000000001), a date
 * and time, one part of an ARN. A narrow column scrolls sideways instead of splitting it.
 * `data-unbroken` marks it for the layout tests, which check it takes one line.
 */
export function Unbroken({ children, testId, style, title }: { children: ReactNode; testId?: string; style?: CSSProperties; title?: string }) {
  return (
    <span data-unbroken="" data-testid={testId} title={title} style={{ whiteSpace: 'nowrap', ...style }}>
      {children}
    </span>
  );
}

/** A Cloudscape status indicator whose word never breaks (not "ACTI VE"). */
export function Status({ type, children, testId }: { type: StatusIndicatorProps.Type; children: ReactNode; testId?: string }) {
  return (
    <Unbroken testId={testId}>
      <StatusIndicator type={type} wrapText={false}>
        {children}
      </StatusIndicator>
    </Unbroken>
  );
}

/** A date and time as the console writes them (local, `2026-12-02 14:05:09`), on one line. */
export function DateTime({ value, testId }: { value: Date | number | undefined; testId?: string }) {
  if (value === undefined) return <>-</>;
  return <Unbroken testId={testId}>{dateTime(typeof value === 'number' ? value : value.getTime())}</Unbroken>;
}

/** `arn:aws:kinesis:us-east-1:` ... split after each `:` and `/`, the places an ARN may wrap. */
export const identifierParts = (value: string): string[] => value.match(/[^:/]*[:/]|[^:/]+$/g) ?? [value];

/**
 * An ARN or another long identifier: it may wrap only after a `:` or `/`, never inside the account
 * id or a name, and (with `copyLabel`) has a copy button.
 */
export function Identifier({ value, copyLabel, testId }: { value: string; copyLabel?: string; testId?: string }) {
  return (
    <span data-testid={testId}>
      {identifierParts(value).map((part, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          <Unbroken>{part}</Unbroken>
        </Fragment>
      ))}
      {copyLabel && (
        <>
          {' '}
          <CopyToClipboard
            variant="icon"
            textToCopy={value}
            copyButtonAriaLabel={`Copy ${copyLabel}`}
            copySuccessText={`Copied ${copyLabel}`}
            copyErrorText={`Could not copy ${copyLabel}`}
          />
        </>
      )}
    </span>
  );
}

/**
 * A phrase's words, each whole, with a number kept beside the unit after it (`25 KB`, `730 h`):
 * `PUT payload units (25 KB each)` gives `PUT`, `payload`, `units`, `(25 KB`, `each)`.
 */
export const phraseWords = (text: string): string[] =>
  text.match(/\S*\d\S* (?:[KMGT]i?B|h|s|ms)\b\S*|\S+/g) ?? [];

/** A phrase that may wrap between its words only: never inside `shard-hour`, `1,000,000` or `25 KB`. */
export function WholeWords({ text, testId }: { text: string; testId?: string }) {
  return (
    <span data-testid={testId}>
      {phraseWords(text).map((w, i) => (
        <Fragment key={i}>
          {i > 0 && ' '}
          <Unbroken>{w}</Unbroken>
        </Fragment>
      ))}
    </span>
  );
}
