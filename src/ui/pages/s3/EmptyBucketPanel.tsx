import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ProgressBar from '@cloudscape-design/components/progress-bar';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { describeError } from '../../hooks/errors';
import { useEmptyBucket, useObjectCount } from '../../hooks/useS3';

/** "Empty bucket": asks once, then deletes every object 1,000 at a time, with progress. */
export function EmptyBucketPanel({ bucket, onEmptied }: { bucket: string; onEmptied?: () => void }) {
  const [asking, setAsking] = useState(false);
  const empty = useEmptyBucket();
  const count = useObjectCount(bucket);
  const total = count.data?.count;
  const deleted = empty.progress?.bucket === bucket ? empty.progress.deleted : 0;
  if (empty.isSuccess)
    return (
      <Alert type="success" data-testid="empty-bucket-done">
        Emptied {bucket}: {empty.data.toLocaleString('en-US')} objects deleted. You can delete the bucket now.
      </Alert>
    );
  return (
    <SpaceBetween size="s">
      {!asking && !empty.isPending && (
        <Button onClick={() => setAsking(true)} data-testid="empty-bucket-button">
          Empty bucket
        </Button>
      )}
      {asking && !empty.isPending && (
        <Alert
          type="warning"
          header="Delete every object in this bucket?"
          action={
            <SpaceBetween direction="horizontal" size="xs">
              <Button onClick={() => setAsking(false)}>Cancel</Button>
              <Button
                variant="primary"
                data-testid="empty-bucket-confirm"
                onClick={() => {
                  setAsking(false);
                  empty.mutate(bucket, { onSuccess: () => onEmptied?.() });
                }}
              >
                Empty bucket
              </Button>
            </SpaceBetween>
          }
        >
          {total === undefined
            ? 'Counting objects...'
            : `${total.toLocaleString('en-US')}${count.data?.more ? '+' : ''} objects will be deleted. This cannot be undone.`}
        </Alert>
      )}
      {empty.isPending && (
        <ProgressBar
          data-testid="empty-bucket-progress"
          label={`Emptying ${bucket}`}
          value={total ? Math.min(100, (deleted / total) * 100) : 0}
          additionalInfo={`${deleted.toLocaleString('en-US')} objects deleted`}
        />
      )}
      {empty.isError && (
        <Box color="text-status-error" data-testid="empty-bucket-error">
          <b>{describeError(empty.error).type}</b>: {describeError(empty.error).message}
        </Box>
      )}
    </SpaceBetween>
  );
}
