import Box from '@cloudscape-design/components/box';
import { Fragment } from 'react';

/**
 * Shows a message whose `backticked` parts are commands or names, as inline code rather than as
 * raw backticks: messages built outside the UI (the SDK layer's hints) stay plain strings.
 */
export function TextWithCode({ text }: { text: string }) {
  const parts = text.split('`');
  // An odd count of backticks leaves the last one unmatched: show the text as it is.
  if (parts.length % 2 === 0) return <>{text}</>;
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          // A command or flag never breaks across lines ("--" and "endpoint-url" apart).
          <span key={i} style={{ whiteSpace: 'nowrap' }}>
            <Box variant="code" display="inline">
              {part}
            </Box>
          </span>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}
