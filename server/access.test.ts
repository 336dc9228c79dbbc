import { describe, expect, it } from 'vitest';
import { accessPolicy, corsOriginError } from './access';

describe('--cors-origin values', () => {
  it("takes an origin (scheme://host[:port], a trailing slash forgiven) or '*'", () => {
    for (const ok of ['http://127.0.0.1:8080', 'https://console.example', 'https://console.example/', '*']) expect(corsOriginError(ok)).toBeUndefined();
  });

  it('refuses a path, a bare host name or something that is not a URL, saying what an origin is', () => {
    expect(corsOriginError('https://console.example/app')).toBe("--cors-origin must be an origin (scheme://host[:port], no path), got 'https://console.example/app'");
    expect(corsOriginError('console.example')).toMatch(/^--cors-origin must be an origin such as http:\/\/127\.0\.0\.1:8080/);
    expect(corsOriginError('file:///tmp/x.html')).toMatch(/^--cors-origin must be an origin/);
  });
});

describe('the access policy', () => {
  it('names the allowed origin back, or nothing for a foreign one', () => {
    const policy = accessPolicy(4567, ['https://Console.Example/']);
    expect(policy.allowOrigin('http://localhost:4567')).toBe('http://localhost:4567');
    expect(policy.allowOrigin('https://console.example')).toBe('https://console.example');
    expect(policy.allowOrigin('http://localhost:4568')).toBeUndefined();
  });

  it('accepts a Host of this server on loopback only, and a request without one (not a browser)', () => {
    const policy = accessPolicy(4567);
    expect(policy.hostAllowed('127.0.0.1:4567')).toBe(true);
    expect(policy.hostAllowed('localhost:4567')).toBe(true);
    expect(policy.hostAllowed(undefined)).toBe(true);
    expect(policy.hostAllowed('127.0.0.1')).toBe(false);
    expect(policy.hostAllowed('rebound.example:4567')).toBe(false);
  });
});
