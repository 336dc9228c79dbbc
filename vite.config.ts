/// <reference types="vitest/config" />
import type { IncomingMessage, ServerResponse } from 'node:http';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The page's Content-Security-Policy. Everything the console loads is its own ('self'): scripts,
 * its workers (the emulator, the generator, Monaco's editor worker, transformation functions: all
 * files of the build), images and fonts (Cloudscape's fonts are data: URLs in its CSS). Styles may
 * be inline ('unsafe-inline' for styles only: Monaco and Cloudscape add <style> elements at run
 * time); scripts may not. Calls go to AWS (https://*.amazonaws.com) or to an endpoint override on
 * this machine (http://127.0.0.1:*, http://localhost:*). An endpoint override anywhere else needs
 * its origin added to connect-src here.
 */
const CSP: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'worker-src': ["'self'"],
  'connect-src': ["'self'", 'https://*.amazonaws.com', 'http://127.0.0.1:*', 'http://localhost:*'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

/** The dev server also needs its HMR WebSocket and the inline script @vitejs/plugin-react adds for Fast Refresh. */
const DEV_CSP: Record<string, string[]> = {
  ...CSP,
  'script-src': [...CSP['script-src'], "'unsafe-inline'"],
  'connect-src': [...CSP['connect-src'], 'ws://127.0.0.1:*', 'ws://localhost:*'],
};

const policy = (directives: Record<string, string[]>): string =>
  Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');

/**
 * A page is a navigation (Accept: text/html) or an .html path. Scripts (workers among them) get no
 * policy header: a worker loaded from a URL takes its policy from its own response, and the
 * transformation-function worker compiles the user's function.
 */
const isPage = (req: IncomingMessage): boolean =>
  /(\.html|\/)(\?|$)/.test(req.url ?? '') || (req.headers.accept ?? '').includes('text/html');

/** frame-ancestors works in a header only (a <meta> policy ignores it): the console is never framed. */
const headerPolicy = (directives: Record<string, string[]>) => `${policy(directives)}; frame-ancestors 'none'`;

const cspHeader =
  (value: string) =>
  (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    if (isPage(req)) res.setHeader('Content-Security-Policy', value);
    next();
  };

/** The policy as a <meta> in the built index.html (for any static host), and as a header from `vite dev` and `vite preview`. */
const contentSecurityPolicy = (): Plugin => ({
  name: 'content-security-policy',
  transformIndexHtml(html, ctx) {
    // The dev server's page carries the header only: a meta tag would add the stricter build policy on top.
    if (ctx.server) return html;
    return {
      html,
      tags: [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy(CSP) }, injectTo: 'head-prepend' }],
    };
  },
  configureServer(server) {
    server.middlewares.use(cspHeader(headerPolicy(DEV_CSP)));
  },
  configurePreviewServer(server) {
    server.middlewares.use(cspHeader(headerPolicy(CSP)));
  },
});

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  test: {
    // e2e/*.spec.ts belong to Playwright, not vitest.
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'server/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    pool: 'threads',
    testTimeout: 20000,
  },
});
