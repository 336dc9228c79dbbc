/*
 * How the console writes a time: the browser's local time, 24-hour, the same on every page (the
 * charts' axes, the top bar's emulator clock, "Updated" stamps). In emulated mode the time given
 * is the emulator's (see useServiceTime), which may run fast or have skipped ahead.
 */
const pad = (n: number) => String(n).padStart(2, '0');

/** 14:05 */
export const hourMinute = (t: number): string => {
  const d = new Date(t);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/** 14:05:09 */
export const timeOfDay = (t: number): string => `${hourMinute(t)}:${pad(new Date(t).getSeconds())}`;

/** 2026-11-22 */
export const calendarDate = (t: number): string => {
  const d = new Date(t);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

/** 2026-11-22 14:05:09 */
export const dateTime = (t: number): string => `${calendarDate(t)} ${timeOfDay(t)}`;
