import TopNavigation from '@cloudscape-design/components/top-navigation';
import { useState } from 'react';
import { useNotify } from '../hooks/errors';
import { useConnectionMode } from '../hooks/services';
import { useConnection } from '../hooks/useConnection';
import { dateTime } from '../components/time';
import { useEmulatorClockControls, useEmulatorRecovery, useEmulatorStorage, useEmulatorTime } from '../hooks/useEmulatorConsole';
import { ConnectionModal } from '../dialogs/connection/ConnectionModal';
import { EmulatorStorageModal } from '../dialogs/emulator/EmulatorStorageModal';
import { usePreferences } from '../state/preferences';

/** Slow motion lets a class watch CREATING and UPDATING; fast forward fills windows quickly. */
const speeds = [0.1, 1, 10, 60];
/** Skips that close what the workshop teaches: a 1-minute window, the 5-minute iterator lifetime. */
const skips = [
  { minutes: 1, why: 'Closes a 1-minute window' },
  { minutes: 6, why: 'Past the 5-minute life of a shard iterator' },
];

export function TopBar({ homeHref }: { homeHref: string }) {
  const mode = useConnectionMode();
  const theme = usePreferences((s) => s.theme);
  const setTheme = usePreferences((s) => s.setTheme);
  const presentation = usePreferences((s) => s.presentation);
  const setPresentation = usePreferences((s) => s.setPresentation);
  const walkthroughOpen = usePreferences((s) => s.walkthroughOpen);
  const setWalkthroughOpen = usePreferences((s) => s.setWalkthroughOpen);
  const { setSpeed, skip } = useEmulatorClockControls();
  const time = useEmulatorTime();
  // Always mounted: shows storage notices and saves when the page goes away, and sees the emulator restart.
  useEmulatorStorage();
  useEmulatorRecovery();
  const [storage, setStorage] = useState<'closed' | 'open' | 'reset'>('closed');
  const notify = useNotify();
  const speed = time?.speed ?? 1;
  // The emulator's date and time (local, as on every page), and its speed when it is not real time.
  const stamp = time ? dateTime(time.now) : undefined;
  const connection = useConnection();
  return (
    <>
    <TopNavigation
      i18nStrings={{ overflowMenuTriggerText: 'More', overflowMenuTitleText: 'All settings', overflowMenuBackIconAriaLabel: 'Back', overflowMenuDismissIconAriaLabel: 'Close menu' }}
      identity={{ href: homeHref, title: 'Kinesis Workshop Console', logo: { src: `${import.meta.env.BASE_URL}favicon.svg`, alt: '' } }}
      utilities={[
        {
          type: 'button',
          text: 'Walkthrough',
          iconName: 'support',
          ariaLabel: walkthroughOpen ? 'Close the workshop walkthrough' : 'Open the workshop walkthrough',
          title: 'The workshop step by step, beside any page',
          disableUtilityCollapse: true,
          onClick: () => setWalkthroughOpen(!walkthroughOpen),
        },
        {
          type: 'button',
          text: connection.label,
          iconName: mode === 'emulated' ? 'status-positive' : 'globe',
          ariaLabel: mode === 'emulated' ? 'Mode: Emulated. Every request is answered inside this page. Open connection settings' : `Mode: ${connection.label}. Open connection settings`,
          title: mode === 'emulated' ? 'Every AWS call is answered by the emulator inside this page: no account, no network.' : `Calls go to ${connection.targets}`,
          disableUtilityCollapse: true,
          onClick: connection.open,
        },
        ...(mode === 'emulated'
          ? [
              {
                type: 'menu-dropdown' as const,
                text: `${stamp ?? 'Clock'}${speed === 1 ? '' : ` · ×${speed}`}`,
                iconName: 'status-pending' as const,
                ariaLabel: `Emulator clock, running at ${speed} times real time${stamp ? `, ${stamp} local time` : ''}`,
                title: `The emulator's time (local time)${speed === 1 ? '' : `, running ${speed} times real time`}: everything emulated reads this clock. Speed, skip ahead and storage.`,
                items: [
                  ...speeds.map((s) => ({ id: `speed-${s}`, text: `Run at ${s}× speed${s < 1 ? ' (slow motion)' : ''}`, disabled: s === speed })),
                  ...skips.map(({ minutes, why }) => ({ id: `skip-${minutes}`, text: `Skip ahead ${minutes === 1 ? '1 minute' : `${minutes} minutes`}`, description: why })),
                  { id: 'storage', text: 'Emulator storage…' },
                  { id: 'reset', text: 'Reset the emulator (delete everything)…' },
                ],
                onItemClick: ({ detail }: { detail: { id: string } }) => {
                  if (detail.id.startsWith('speed-')) setSpeed.mutate(Number(detail.id.slice(6)));
                  else if (detail.id.startsWith('skip-')) {
                    const minutes = Number(detail.id.slice(5));
                    const span = minutes === 1 ? '1 minute' : `${minutes} minutes`;
                    skip.mutate(minutes * 60_000, { onSuccess: () => notify.info(`The emulator clock moved ${span} ahead.`) });
                  }
                  else if (detail.id === 'storage') setStorage('open');
                  else if (detail.id === 'reset') setStorage('reset');
                },
              },
            ]
          : []),
        {
          type: 'menu-dropdown',
          text: 'Display',
          iconName: 'settings',
          ariaLabel: `Display settings: ${theme} theme, presentation mode ${presentation ? 'on' : 'off'}`,
          title: 'Theme, and presentation mode for a projector',
          items: [
            { id: 'dark', itemType: 'checkbox', checked: theme === 'dark', text: 'Dark mode' },
            {
              id: 'presentation',
              itemType: 'checkbox',
              checked: presentation,
              text: 'Presentation mode',
              secondaryText: 'Larger type, tables and charts on every page, for a projector. Kept for this tab; ?presentation=1 in the address opens it.',
            },
          ],
          onItemClick: ({ detail }: { detail: { id: string } }) => {
            if (detail.id === 'dark') setTheme(theme === 'dark' ? 'light' : 'dark');
            else if (detail.id === 'presentation') setPresentation(!presentation);
          },
        },
      ]}
    />
    {connection.panelOpen && <ConnectionModal />}
    {storage !== 'closed' && mode === 'emulated' && <EmulatorStorageModal confirmReset={storage === 'reset'} onDismiss={() => setStorage('closed')} />}
    </>
  );
}
