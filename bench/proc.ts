import { readdirSync, readFileSync } from 'node:fs';

/** utime + stime of a process, in seconds (Linux /proc; ticks are 1/100 s). */
export const cpuSeconds = (pid: number): number => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

const statFields = (pid: number): string[] => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');

/**
 * CPU seconds of every process descended from `root` (this process by default), summed by kind:
 * for Chromium its `--type` (renderer, gpu-process, utility:<sub-type>; "browser" for the main
 * process), otherwise the command's name. Processes that end between the reads are skipped.
 */
export const descendantCpu = (root = process.pid): Map<string, number> => {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      parent.set(Number(name), Number(statFields(Number(name))[1]));
    } catch {
      // gone
    }
  }
  const under = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === root) return true;
    return false;
  };
  const byKind = new Map<string, number>();
  for (const pid of parent.keys()) {
    if (!under(pid)) continue;
    try {
      // Chromium rewrites its title: the arguments may come back joined by spaces.
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
      const type = args.find((a) => a.startsWith('--type='))?.slice(7);
      const sub = args.find((a) => a.startsWith('--utility-sub-type='))?.slice(19);
      const kind = type ? (sub ? `${type}:${sub}` : type) : /chrom/.test(args[0]) ? 'browser' : (args[0].split('/').pop() ?? '?');
      byKind.set(kind, (byKind.get(kind) ?? 0) + cpuSeconds(pid));
    } catch {
      // gone
    }
  }
  return byKind;
};
