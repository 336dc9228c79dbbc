import Box from '@cloudscape-design/components/box';
import Spinner from '@cloudscape-design/components/spinner';
import type { PageProps } from '../../shell/page';
import { isNotFound, useObjectHead } from '../../hooks/useS3';
import { isFolderPath } from '../../lib/s3Keys';
import { ObjectList } from './ObjectList';
import { ObjectView } from './ObjectView';

/**
 * `/s3/:bucket/*path`: a folder listing when the path is empty or ends in '/', an object when a
 * key of that name exists, and otherwise the objects whose keys start with it (a delivery
 * stream's prefix need not end in '/').
 */
export function BrowsePage({ params }: PageProps) {
  const bucket = params.bucket;
  const path = params.path ?? '';
  const folder = isFolderPath(path);
  const head = useObjectHead(bucket, path, !folder);
  if (folder) return <ObjectList bucket={bucket} prefix={path} />;
  if (head.isLoading)
    return (
      <Box textAlign="center" padding="xl">
        <Spinner size="large" /> Loading {path}
      </Box>
    );
  if (head.data) return <ObjectView bucket={bucket} head={head.data} />;
  if (isNotFound(head.error)) return <ObjectList bucket={bucket} prefix={path} />;
  return (
    <Box color="text-status-error" padding="l" data-testid="object-error">
      <b>{(head.error as Error).name}</b>: {(head.error as Error).message}
    </Box>
  );
}
