/**
 * How the console shortens a long decimal (a 128-bit hash key has 39 digits, a sequence number 56):
 * its first and last digits around an ellipsis, `491796…000001`, so two neighbours still differ
 * where they differ most often (the end) and their magnitude shows (the start). The whole value is
 * one hover or one copy away (see components/LongNumber).
 */
export const ELLIPSIS = '…';

/** `491796221417…000001` for a long value; a value that fits (at most head + tail + 1 characters) unchanged. */
export const abbreviateDigits = (value: string, head = 6, tail = 6): string =>
  value.length <= head + tail + 1 ? value : `${value.slice(0, head)}${ELLIPSIS}${value.slice(-tail)}`;
