import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { CliCommand } from '../../components/CliCommand';
import { DateTime, Identifier, Unbroken } from '../../components/Unbroken';
import { useNotify } from '../../hooks/errors';
import { hrefFor, navigate } from '../../hooks/route';
import { formatBytes, useDownloadObject, type ObjectHead } from '../../hooks/useS3';
import { baseName, folderOf, s3Path } from '../../lib/s3Keys';
import { s3cli } from './cli';
import { DeleteObjectsModal } from './DeleteObjectsModal';
import { ObjectPreview } from './ObjectPreview';

/** One object: its metadata, a preview of its contents, download and delete. */
export function ObjectView({ bucket, head }: { bucket: string; head: ObjectHead }) {
  const download = useDownloadObject();
  const notify = useNotify();
  const [deleting, setDeleting] = useState(false);
  const uri = `s3://${bucket}/${head.key}`;
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={uri}
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button onClick={() => setDeleting(true)} data-testid="delete-object-button">
                Delete
              </Button>
              <Button
                variant="primary"
                iconName="download"
                loading={download.isPending}
                data-testid="download-object-button"
                onClick={() => download.mutate({ bucket, key: head.key }, { onError: (e) => notify.error(e) })}
              >
                Download
              </Button>
            </SpaceBetween>
          }
        >
          <span data-testid="object-title">{baseName(head.key)}</span>
        </Header>
      }
    >
      <SpaceBetween size="l">
        <Container header={<Header variant="h2">Object overview</Header>} data-testid="object-overview">
          <SpaceBetween size="l">
            {/* Keys, URIs and ETags are long single tokens: each gets the container's whole width. */}
            <KeyValuePairs
              columns={1}
              items={[
                { label: 'Key', value: <Identifier value={head.key} testId="object-key" /> },
                { label: 'S3 URI', value: <Identifier value={uri} copyLabel="S3 URI" testId="object-uri" /> },
                { label: 'Entity tag (ETag)', value: <Unbroken testId="object-etag">{head.etag ?? '-'}</Unbroken> },
              ]}
            />
            <KeyValuePairs
              columns={4}
              items={[
                { label: 'Size', value: <span data-testid="object-size">{head.size < 1024 ? formatBytes(head.size) : `${formatBytes(head.size)} (${head.size.toLocaleString('en-US')} bytes)`}</span> },
                { label: 'Last modified', value: <DateTime value={head.lastModified} /> },
                { label: 'Type', value: <Identifier value={head.contentType ?? '-'} testId="object-content-type" /> },
                { label: 'Storage class', value: head.storageClass ?? 'STANDARD' },
              ]}
            />
          </SpaceBetween>
        </Container>
        <ObjectPreview bucket={bucket} head={head} />
        <Box>
          <CliCommand command={s3cli.download(bucket, head.key)} />
        </Box>
      </SpaceBetween>
      {deleting && (
        <DeleteObjectsModal
          bucket={bucket}
          keys={[head.key]}
          onDismiss={() => setDeleting(false)}
          onDeleted={() => navigate(hrefFor(s3Path(bucket, folderOf(head.key))))}
        />
      )}
    </ContentLayout>
  );
}
