import { spawn, type ChildProcess } from 'node:child_process';
import { PAGE_ORIGIN } from './pages/origin';

/**
 * The console's emulator server (`server/emulator.ts`) on 127.0.0.1:`port`, for AWS mode against an
 * AWS-compatible endpoint. One node process (tsx as a loader), so its pid is the server's: `stop` ends it.
 * The console's page is served from E2E_PORT, which need not be one of the console's usual ports:
 * the server is told to serve that origin (`--cors-origin`).
 */
export const startEmulatorServer = async (port: number, stateDelayMs = 300): Promise<{ endpoint: string; stop: () => void }> => {
  const endpoint = `http://127.0.0.1:${port}`;
  const server: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'server/emulator.ts',
      '--port',
      String(port),
      '--state-delay-ms',
      String(stateDelayMs),
      '--cors-origin',
      PAGE_ORIGIN,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  server.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  await new Promise<void>((resolve, reject) => {
    // A server that is not up in time is ended, so it does not hold the port for the next test.
    const timer = setTimeout(() => {
      if (server.pid) process.kill(server.pid);
      reject(new Error(`emulator server did not start: ${stderr}`));
    }, 60_000);
    server.stdout?.on('data', (d: Buffer) => {
      if (d.toString().includes(`listening on ${endpoint}`)) {
        clearTimeout(timer);
        resolve();
      }
    });
    server.on('exit', (code) => reject(new Error(`emulator server exited with ${code}: ${stderr}`)));
  });
  return {
    endpoint,
    stop: () => {
      if (server.pid) process.kill(server.pid);
    },
  };
};
