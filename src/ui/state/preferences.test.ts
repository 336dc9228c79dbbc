import { describe, expect, it } from 'vitest';
import {
  addressWithPresentation,
  initialNavigationOpen,
  initialPresentation,
  NAVIGATION_OPEN_MIN_WIDTH,
  navigationFits,
  PRESENTATION_SCALE,
  presentationFromAddress,
} from './preferences';

const storage = (items: Record<string, string> = {}) => ({
  getItem: (k: string) => items[k] ?? null,
  setItem: (k: string, v: string) => void (items[k] = v),
});

describe('the side navigation at first', () => {
  it('is closed on a 1024-px laptop and open on a wide screen', () => {
    expect(initialNavigationOpen(1024, storage())).toBe(false);
    expect(initialNavigationOpen(1199, storage())).toBe(false);
    expect(initialNavigationOpen(NAVIGATION_OPEN_MIN_WIDTH, storage())).toBe(true);
    expect(initialNavigationOpen(1440, storage())).toBe(true);
  });

  it("follows the user's last explicit choice, whatever the width", () => {
    expect(initialNavigationOpen(1024, storage({ 'kwc.navigation.open': 'true' }))).toBe(true);
    expect(initialNavigationOpen(1440, storage({ 'kwc.navigation.open': 'false' }))).toBe(false);
  });

  it('uses the width rule without storage', () => {
    expect(initialNavigationOpen(1024, undefined)).toBe(false);
  });

  it('in presentation mode, counts the width in enlarged type: closed on a 1280x720 projector, open from 1560 px', () => {
    expect(initialNavigationOpen(1280, storage(), true)).toBe(false);
    expect(initialNavigationOpen(1280, storage(), false)).toBe(true);
    expect(initialNavigationOpen(1440, storage(), true)).toBe(false);
    expect(initialNavigationOpen(1560, storage(), true)).toBe(true);
    expect(navigationFits(NAVIGATION_OPEN_MIN_WIDTH * PRESENTATION_SCALE, true)).toBe(true);
    expect(navigationFits(NAVIGATION_OPEN_MIN_WIDTH * PRESENTATION_SCALE - 1, true)).toBe(false);
  });

  it("keeps the user's explicit choice in presentation mode too", () => {
    expect(initialNavigationOpen(1280, storage({ 'kwc.navigation.open': 'true' }), true)).toBe(true);
  });
});

describe('presentation mode from the address', () => {
  it('reads ?presentation=1 or =0 before the #, or in the route query', () => {
    expect(presentationFromAddress('?presentation=1', '#/streams')).toBe(true);
    expect(presentationFromAddress('', '#/monitoring?stream=s&presentation=1')).toBe(true);
    expect(presentationFromAddress('?presentation=0', '#/streams')).toBe(false);
    expect(presentationFromAddress('', '#/streams')).toBeUndefined();
  });

  it('lets the route query win over the page address', () => {
    expect(presentationFromAddress('?presentation=1', '#/streams?presentation=0')).toBe(false);
  });

  it("falls back to the tab's last choice, else off", () => {
    expect(initialPresentation('', '#/streams', storage({ 'kwc.presentation': 'true' }))).toBe(true);
    expect(initialPresentation('?presentation=0', '#/streams', storage({ 'kwc.presentation': 'true' }))).toBe(false);
    expect(initialPresentation('', '#/streams', storage())).toBe(false);
  });

  it('remembers what the address said for the rest of the tab', () => {
    const tab = storage();
    expect(initialPresentation('?presentation=1', '#/streams', tab)).toBe(true);
    expect(initialPresentation('', '#/monitoring', tab)).toBe(true);
  });

  it('is written into the address before the #, keeping other parameters', () => {
    expect(addressWithPresentation('', true)).toBe('?presentation=1');
    expect(addressWithPresentation('?a=b', true)).toBe('?a=b&presentation=1');
    expect(addressWithPresentation('?a=b&presentation=1', false)).toBe('?a=b');
    expect(addressWithPresentation('?presentation=1', false)).toBe('');
  });
});
