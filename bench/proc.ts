import { readFileSync } from 'node:fs';

/** utime + stime of a process, in seconds (Linux /proc; ticks are 1/100 s). */
export const cpuSeconds = (pid: number): number => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};
