export { CreateStreamPage } from './CreateStreamPage';
export { StreamDetailPage } from './StreamDetailPage';
export { StreamList } from './StreamList';
