import AppLayout from '@cloudscape-design/components/app-layout';
import BreadcrumbGroup from '@cloudscape-design/components/breadcrumb-group';
import Box from '@cloudscape-design/components/box';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import Spinner from '@cloudscape-design/components/spinner';
import { applyMode, Mode } from '@cloudscape-design/global-styles';
import { lazy, Suspense, useEffect, useRef } from 'react';
import { hrefFor, navigate, useLocation } from '../hooks/route';
import { addressWithPresentation, usePreferences } from '../state/preferences';
import { ErrorBoundary } from './ErrorBoundary';
import { applyPresentation } from './presentation';

// A data generator run that was going when the page reloaded carries on, whatever page opens.
const GeneratorResume = lazy(() => import('./GeneratorResume'));
// The workshop walkthrough beside any page; loaded when first opened.
const WalkthroughPanel = lazy(() => import('../pages/workshop/WalkthroughPanel'));
import { Navigation } from './Navigation';
import { Notifications } from './Notifications';
import type { PageDefinition } from './page';
import { resolvePage } from './resolve';
import { TopBar } from './TopBar';
import './shell.css';

const HOME = 'Kinesis';

export function App({ pages }: { pages: PageDefinition[] }) {
  const location = useLocation();
  const theme = usePreferences((s) => s.theme);
  const navigationOpen = usePreferences((s) => s.navigationOpen);
  const setNavigationOpen = usePreferences((s) => s.setNavigationOpen);
  const walkthroughOpen = usePreferences((s) => s.walkthroughOpen);
  const setWalkthroughOpen = usePreferences((s) => s.setWalkthroughOpen);
  const resolved = resolvePage(pages, location.path, location.query);
  const homePage = pages.find((p) => p.home) ?? pages.find((p) => p.nav);
  const home = homePage?.path ?? '/';
  const homeLabel = homePage?.nav?.label ?? HOME;

  useEffect(() => {
    applyMode(theme === 'dark' ? Mode.Dark : Mode.Light);
  }, [theme]);

  useEffect(() => {
    // The bare address opens the first page.
    if (location.path === '/') navigate(hrefFor(home), { replace: true });
  }, [location.path, home]);

  useFocusHeadingOnNavigation(location.path);
  usePresentationMode(location.query.presentation);

  const title = resolved?.page.title(resolved.props);
  useEffect(() => {
    document.title = title ? `${title} | Kinesis Workshop Console` : 'Kinesis Workshop Console';
  }, [title]);

  const crumbs = [{ text: HOME, href: hrefFor(home) }, ...(resolved?.page.breadcrumbs(resolved.props) ?? []).map((c) => ({ text: c.text, href: hrefFor(c.path) }))];
  const Page = resolved?.page.component;
  const activePath = resolved ? (resolved.page.navPath ?? resolved.page.path) : '';

  if (Page && resolved?.page.bare)
    return (
      <main>
        <Suspense fallback={null}>
          <GeneratorResume />
        </Suspense>
        <ErrorBoundary key={location.path}>
          <Suspense fallback={<Spinner size="large" />}>
            <Page {...resolved.props} />
          </Suspense>
        </ErrorBoundary>
      </main>
    );

  return (
    <>
      <div id="top-bar" style={{ position: 'sticky', top: 0, zIndex: 1002 }}>
        <TopBar homeHref={hrefFor(home)} />
      </div>
      {/* Its own chunk (the generator and the SDK), loaded after the first paint. */}
      <Suspense fallback={null}>
        <GeneratorResume />
      </Suspense>
      <AppLayout
        headerSelector="#top-bar"
        navigation={<Navigation pages={pages} activePath={activePath} />}
        navigationOpen={navigationOpen}
        onNavigationChange={({ detail }) => setNavigationOpen(detail.open)}
        breadcrumbs={<BreadcrumbGroup items={crumbs} ariaLabel="Breadcrumbs" />}
        notifications={<Notifications />}
        stickyNotifications
        tools={
          walkthroughOpen ? (
            <ErrorBoundary>
              <Suspense fallback={<Spinner />}>
                <WalkthroughPanel />
              </Suspense>
            </ErrorBoundary>
          ) : null
        }
        toolsOpen={walkthroughOpen}
        onToolsChange={({ detail }) => setWalkthroughOpen(detail.open)}
        toolsWidth={320}
        ariaLabels={{
          navigation: 'Side navigation',
          navigationToggle: 'Open side navigation',
          navigationClose: 'Close side navigation',
          tools: 'Workshop walkthrough',
          toolsToggle: 'Open the workshop walkthrough',
          toolsClose: 'Close the workshop walkthrough',
        }}
        content={
          <ErrorBoundary key={location.path}>
            <Suspense
              fallback={
                <Box textAlign="center" padding="xxl">
                  <Spinner size="large" />
                </Box>
              }
            >
              {Page && resolved ? (
                <Page {...resolved.props} />
              ) : location.path === '/' ? null : (
                <ContentLayout header={<Header variant="h1">Page not found</Header>}>
                  <Box data-testid="not-found">
                    There is no page at {location.path}. <Link href={hrefFor(home)}>Go to {homeLabel}</Link>
                  </Box>
                </ContentLayout>
              )}
            </Suspense>
          </ErrorBoundary>
        }
      />
    </>
  );
}

/**
 * Presentation mode: `?presentation=1` (or `=0`) in a route's query switches it; while on, the
 * type is larger on every page and the page's address carries `?presentation=1` before the `#`,
 * so it survives moving between pages and a bookmark or a shared link opens in the same mode.
 */
function usePresentationMode(fromRoute: string | undefined) {
  const presentation = usePreferences((s) => s.presentation);
  const setPresentation = usePreferences((s) => s.setPresentation);
  useEffect(() => {
    if (fromRoute !== undefined) setPresentation(fromRoute === '1' || fromRoute === 'true');
  }, [fromRoute, setPresentation]);
  useEffect(() => {
    const search = addressWithPresentation(window.location.search, presentation);
    if (search !== window.location.search) window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}${window.location.hash}`);
    if (!presentation) return;
    return applyPresentation();
  }, [presentation]);
}

/**
 * After moving to another page, focus goes to its main heading (as a full page load would start
 * at the top), so keyboard and screen reader users continue from the new page rather than from a
 * link that is gone. It never takes focus from a field or button that already has it.
 */
function useFocusHeadingOnNavigation(path: string) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    let tries = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const focusHeading = () => {
      const active = document.activeElement;
      if (active && active !== document.body && document.contains(active)) return;
      const heading = document.querySelector<HTMLElement>('main h1');
      if (heading) {
        if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
        heading.focus({ preventScroll: true });
      } else if (++tries < 20) {
        // Lazily loaded pages render their heading a moment later.
        timer = setTimeout(focusHeading, 50);
      }
    };
    timer = setTimeout(focusHeading, 0);
    return () => clearTimeout(timer);
  }, [path]);
}
