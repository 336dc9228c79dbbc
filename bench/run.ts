/**
 * `npm run bench`: runs every `bench/*.bench.ts` in its own Node process, one after another
 * (so one benchmark's heap and JIT state cannot colour the next), and prints their reports.
 * `npm run bench -- sql` runs only the files whose name contains `sql`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2];
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
  .sort();

console.log(`# Benchmarks, ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}\n`);
let failed = 0;
for (const f of files) {
  console.log(`## ${f}\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', join(here, f)], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.log(`(${f} exited with ${r.status ?? r.signal})`);
  }
  console.log('');
}
process.exit(failed ? 1 : 0);
