/** Whole numbers with thousands separators: 2,000. */
export const count = (n: number): string => Math.round(n).toLocaleString('en-US');

/** Records per second with one decimal: 199.8/s. */
export const perSecond = (n: number): string => `${n.toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 })}/s`;

/** Bytes in B, KiB, MiB or GiB. */
export const bytes = (n: number): string => {
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${v} B` : `${v.toFixed(1)} ${units[u]}`;
};

/** Elapsed time as m:ss (or h:mm:ss). */
export const elapsed = (ms: number): string => {
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
};
