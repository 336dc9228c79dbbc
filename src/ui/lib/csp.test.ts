import { describe, expect, it } from 'vitest';
import { connectSources, cspAllows } from './csp';

const POLICY =
  "default-src 'self'; script-src 'self'; connect-src 'self' https://*.amazonaws.com http://127.0.0.1:* http://localhost:*; object-src 'none'";
const SELF = 'http://127.0.0.1:4173';

describe("the page's connect-src", () => {
  it('reads connect-src, or default-src when there is none', () => {
    expect(connectSources(POLICY)).toEqual(["'self'", 'https://*.amazonaws.com', 'http://127.0.0.1:*', 'http://localhost:*']);
    expect(connectSources("default-src 'self'")).toEqual(["'self'"]);
    expect(connectSources('')).toBeUndefined();
  });

  it('allows AWS, this machine and the page itself; nothing else', () => {
    expect(cspAllows(POLICY, 'https://kinesis.eu-west-1.amazonaws.com', SELF)).toBe(true);
    expect(cspAllows(POLICY, 'http://127.0.0.1:4567', SELF)).toBe(true);
    expect(cspAllows(POLICY, 'http://localhost:4566', SELF)).toBe(true);
    expect(cspAllows(POLICY, `${SELF}/x`, SELF)).toBe(true);
    expect(cspAllows(POLICY, 'http://kinesis.eu-west-1.amazonaws.com', SELF)).toBe(false);
    expect(cspAllows(POLICY, 'https://localstack.example.com', SELF)).toBe(false);
    expect(cspAllows(POLICY, 'http://192.168.1.20:4566', SELF)).toBe(false);
    expect(cspAllows(POLICY, 'https://amazonaws.com.evil.example', SELF)).toBe(false);
  });

  it('allows everything when the page has no policy', () => {
    expect(cspAllows('', 'https://localstack.example.com', SELF)).toBe(true);
  });
});
