/**
 * Calendar arithmetic on the engine's run-time datetime values (epoch milliseconds, UTC).
 * No Date objects on the hot paths: civil <-> day-number conversion is done by hand.
 */

export const MS_PER_SECOND = 1000;
export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export const daysFromCivil = (y: number, m: number, d: number): number => {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
};

export interface Civil {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
  hour: number;
  minute: number;
  second: number;
  milli: number;
  /** 0 = Sunday .. 6 = Saturday */
  weekday: number;
  /** 1-366 */
  dayOfYear: number;
}

/** Splits epoch milliseconds into calendar fields (UTC). */
export const toCivil = (ms: number): Civil => {
  const days = Math.floor(ms / MS_PER_DAY);
  let rem = ms - days * MS_PER_DAY;
  const hour = Math.floor(rem / MS_PER_HOUR);
  rem -= hour * MS_PER_HOUR;
  const minute = Math.floor(rem / MS_PER_MINUTE);
  rem -= minute * MS_PER_MINUTE;
  const second = Math.floor(rem / MS_PER_SECOND);
  const milli = rem - second * MS_PER_SECOND;
  // civil_from_days
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const weekday = (((days + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  const dayOfYear = days - daysFromCivil(year, 1, 1) + 1;
  return { year, month, day, hour, minute, second, milli, weekday, dayOfYear };
};

export const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export const daysInMonth = (y: number, m: number): number =>
  m === 2 ? (isLeapYear(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;

const pad2 = (n: number) => (n < 10 ? '0' + n : '' + n);
const pad3 = (n: number) => (n < 10 ? '00' + n : n < 100 ? '0' + n : '' + n);
const pad4 = (n: number): string => {
  if (n < 0) return '-' + pad4(-n);
  return n < 10 ? '000' + n : n < 100 ? '00' + n : n < 1000 ? '0' + n : '' + n;
};

/** 'YYYY-MM-DD HH:MM:SS.sss' */
export const formatTimestamp = (ms: number): string => {
  const c = toCivil(ms);
  return `${pad4(c.year)}-${pad2(c.month)}-${pad2(c.day)} ${pad2(c.hour)}:${pad2(c.minute)}:${pad2(c.second)}.${pad3(c.milli)}`;
};

/** 'YYYY-MM-DD' */
export const formatDate = (ms: number): string => {
  const c = toCivil(ms);
  return `${pad4(c.year)}-${pad2(c.month)}-${pad2(c.day)}`;
};

/** 'HH:MM:SS' plus '.sss' when the milliseconds are not zero. */
export const formatTime = (msOfDay: number): string => {
  const ms = ((msOfDay % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
  const h = Math.floor(ms / MS_PER_HOUR);
  const m = Math.floor((ms % MS_PER_HOUR) / MS_PER_MINUTE);
  const s = Math.floor((ms % MS_PER_MINUTE) / MS_PER_SECOND);
  const milli = ms % MS_PER_SECOND;
  return `${pad2(h)}:${pad2(m)}:${pad2(s)}${milli ? '.' + pad3(milli) : ''}`;
};

/** A day-time interval as SQL prints it: '+1 02:03:04.500' / '-0 00:00:01.000'. */
export const formatDayTimeInterval = (ms: number): string => {
  const sign = ms < 0 ? '-' : '+';
  const a = Math.abs(ms);
  const days = Math.floor(a / MS_PER_DAY);
  const rest = a - days * MS_PER_DAY;
  const h = Math.floor(rest / MS_PER_HOUR);
  const m = Math.floor((rest % MS_PER_HOUR) / MS_PER_MINUTE);
  const s = Math.floor((rest % MS_PER_MINUTE) / MS_PER_SECOND);
  return `${sign}${days} ${pad2(h)}:${pad2(m)}:${pad2(s)}.${pad3(rest % MS_PER_SECOND)}`;
};

const DATETIME_RE = /^\s*(-?\d{1,9})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,9}))?)?)?\s*$/;
const TIME_RE = /^\s*(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,9}))?)?\s*$/;

const fraction = (digits: string | undefined): number =>
  digits ? Math.floor(Number((digits + '00').slice(0, 3)) + 0) : 0;

/**
 * Parses 'yyyy-MM-dd[ HH:mm[:ss[.SSS]]]' (a 'T' may separate date and time) to epoch ms,
 * or returns undefined when the text is not such a timestamp or names an impossible date.
 */
export const parseTimestampText = (s: string): number | undefined => {
  const m = DATETIME_RE.exec(s);
  if (!m) return undefined;
  const y = +m[1];
  const mo = +m[2];
  const d = +m[3];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  const h = m[4] ? +m[4] : 0;
  const mi = m[5] ? +m[5] : 0;
  const sec = m[6] ? +m[6] : 0;
  if (h > 23 || mi > 59 || sec > 59) return undefined;
  return daysFromCivil(y, mo, d) * MS_PER_DAY + h * MS_PER_HOUR + mi * MS_PER_MINUTE + sec * MS_PER_SECOND + fraction(m[7]);
};

/** Parses 'HH:mm[:ss[.SSS]]' to milliseconds since midnight, or undefined. */
export const parseTimeText = (s: string): number | undefined => {
  const m = TIME_RE.exec(s);
  if (!m) return undefined;
  const h = +m[1];
  const mi = +m[2];
  const sec = m[3] ? +m[3] : 0;
  if (h > 23 || mi > 59 || sec > 59) return undefined;
  return h * MS_PER_HOUR + mi * MS_PER_MINUTE + sec * MS_PER_SECOND + fraction(m[4]);
};
