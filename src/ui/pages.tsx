import { lazy, type ComponentType } from 'react';
import { s3Crumbs } from './lib/s3Keys';
import { definePage, type PageDefinition, type PageProps } from './shell/page';

/*
 * Every page of the console, in side-navigation order. To add one:
 *   definePage({ id, path, nav: { section, label }, title, breadcrumbs,
 *                component: lazy(() => import('./pages/<page>/<Page>')) })
 * Every page loads lazily, the first one too: the page's first download is then only the shell
 * (layout, navigation, top bar) and the SDK clients, and each page brings its own components.
 * `npm run bench -- first-load` measures it.
 */

/** A lazily loaded page from a module that exports it by name. */
const named = <K extends string>(load: () => Promise<Record<K, ComponentType<PageProps>>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));

const KDS = 'Kinesis Data Streams';
const streamsCrumb = { text: 'Data streams', path: '/streams' };
const KDA = 'Kinesis Data Analytics';
const analyticsCrumb = { text: 'Analytics applications', path: '/analytics' };
const FIREHOSE = 'Amazon Data Firehose';
const firehoseCrumb = { text: 'Delivery streams', path: '/firehose' };
const S3 = 'Amazon S3';
const bucketsCrumb = { text: 'Buckets', path: '/s3' };

export const pages: PageDefinition[] = [
  definePage({
    id: 'workshop',
    path: '/workshop',
    // What an attendee opens first: the walkthrough of the day.
    home: true,
    nav: { section: 'Workshop', label: 'Activities 1-3' },
    title: () => 'Workshop',
    breadcrumbs: () => [{ text: 'Workshop', path: '/workshop' }],
    component: lazy(() => import('./pages/workshop/WorkshopPage')),
  }),
  definePage({
    id: 'present',
    path: '/present',
    // For a projector: the current step, the stream's chart and the application's newest rows on one screen.
    bare: true,
    title: () => 'Presenter view',
    breadcrumbs: () => [{ text: 'Workshop', path: '/workshop' }, { text: 'Presenter view', path: '/present' }],
    component: lazy(() => import('./pages/present/PresenterPage')),
  }),
  definePage({
    id: 'streams',
    path: '/streams',
    nav: { section: KDS, label: 'Data streams' },
    title: () => 'Data streams',
    breadcrumbs: () => [streamsCrumb],
    component: named(() => import('./pages/streams/StreamList'), 'StreamList'),
  }),
  definePage({
    id: 'create-stream',
    path: '/create-stream',
    navPath: '/streams',
    title: () => 'Create data stream',
    breadcrumbs: () => [streamsCrumb, { text: 'Create data stream', path: '/create-stream' }],
    component: named(() => import('./pages/streams/CreateStreamPage'), 'CreateStreamPage'),
  }),
  definePage({
    id: 'stream',
    path: '/streams/:name',
    navPath: '/streams',
    title: ({ params }) => params.name,
    breadcrumbs: ({ params }) => [streamsCrumb, { text: params.name, path: `/streams/${encodeURIComponent(params.name)}` }],
    component: named(() => import('./pages/streams/StreamDetailPage'), 'StreamDetailPage'),
  }),
  definePage({
    id: 'generator',
    path: '/generator',
    nav: { section: KDS, label: 'Data generator' },
    title: () => 'Data generator',
    breadcrumbs: () => [{ text: 'Data generator', path: '/generator' }],
    component: lazy(() => import('./pages/generator/GeneratorPage')),
  }),
  definePage({
    id: 'analytics',
    path: '/analytics',
    nav: { section: KDA, label: 'SQL applications' },
    title: () => 'Analytics applications',
    breadcrumbs: () => [analyticsCrumb],
    component: lazy(() => import('./pages/analytics/ApplicationsPage')),
  }),
  definePage({
    id: 'create-application',
    path: '/create-application',
    navPath: '/analytics',
    title: () => 'Create application',
    breadcrumbs: () => [analyticsCrumb, { text: 'Create application', path: '/create-application' }],
    component: lazy(() => import('./pages/analytics/CreateApplicationPage')),
  }),
  definePage({
    id: 'application',
    path: '/analytics/:name',
    navPath: '/analytics',
    title: ({ params }) => params.name,
    breadcrumbs: ({ params }) => [analyticsCrumb, { text: params.name, path: `/analytics/${encodeURIComponent(params.name)}` }],
    component: lazy(() => import('./pages/analytics/ApplicationDetailPage')),
  }),
  definePage({
    id: 'firehose',
    path: '/firehose',
    nav: { section: FIREHOSE, label: 'Delivery streams' },
    title: () => 'Delivery streams',
    breadcrumbs: () => [firehoseCrumb],
    component: named(() => import('./pages/firehose/DeliveryStreamList'), 'DeliveryStreamList'),
  }),
  definePage({
    id: 'create-delivery-stream',
    path: '/create-delivery-stream',
    navPath: '/firehose',
    title: () => 'Create delivery stream',
    breadcrumbs: () => [firehoseCrumb, { text: 'Create delivery stream', path: '/create-delivery-stream' }],
    component: named(() => import('./pages/firehose/CreateDeliveryStreamPage'), 'CreateDeliveryStreamPage'),
  }),
  definePage({
    id: 'delivery-stream',
    path: '/firehose/:name',
    navPath: '/firehose',
    title: ({ params }) => params.name,
    breadcrumbs: ({ params }) => [firehoseCrumb, { text: params.name, path: `/firehose/${encodeURIComponent(params.name)}` }],
    component: named(() => import('./pages/firehose/DeliveryStreamDetailPage'), 'DeliveryStreamDetailPage'),
  }),
  definePage({
    id: 'monitoring',
    path: '/monitoring',
    nav: { section: KDS, label: 'Monitoring' },
    title: () => 'Monitoring',
    breadcrumbs: () => [{ text: 'Monitoring', path: '/monitoring' }],
    component: lazy(() => import('./pages/monitoring/MonitoringPage')),
  }),
  definePage({
    id: 's3',
    path: '/s3',
    nav: { section: S3, label: 'Buckets' },
    title: () => 'Buckets',
    breadcrumbs: () => [bucketsCrumb],
    component: named(() => import('./pages/s3/BucketsPage'), 'BucketsPage'),
  }),
  definePage({
    id: 'create-bucket',
    path: '/create-bucket',
    navPath: '/s3',
    title: () => 'Create bucket',
    breadcrumbs: () => [bucketsCrumb, { text: 'Create bucket', path: '/create-bucket' }],
    component: named(() => import('./pages/s3/CreateBucketPage'), 'CreateBucketPage'),
  }),
  definePage({
    // A bucket, a folder (a prefix ending in '/') or an object: `/s3/<bucket>/<key, each segment encoded>`.
    id: 's3-browse',
    path: '/s3/:bucket/*path',
    navPath: '/s3',
    title: ({ params }) => (params.path ? `${params.bucket}/${params.path}` : params.bucket),
    breadcrumbs: ({ params }) => [bucketsCrumb, ...s3Crumbs(params.bucket, params.path ?? '')],
    component: named(() => import('./pages/s3/BrowsePage'), 'BrowsePage'),
  }),
  definePage({
    id: 'cleanup',
    path: '/cleanup',
    nav: { section: 'Workshop', label: 'Clean up' },
    title: () => 'Clean up workshop resources',
    breadcrumbs: () => [{ text: 'Clean up workshop resources', path: '/cleanup' }],
    component: lazy(() => import('./pages/cleanup/CleanupPage')),
  }),
];
