import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import FileUpload from '@cloudscape-design/components/file-upload';
import FormField from '@cloudscape-design/components/form-field';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { describeError, useNotify } from '../../hooks/errors';
import { useWorkshopFile } from '../../hooks/useWorkshopFile';

/** "Export workshop" and "Import workshop" for instructors: the whole emulated workshop as one file to hand out. */
export function WorkshopFileActions() {
  const { unavailable, exportFile, importFile } = useWorkshopFile();
  const notify = useNotify();
  const [importing, setImporting] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const close = () => {
    setImporting(false);
    setFiles([]);
    importFile.reset();
  };
  const exportNow = () =>
    exportFile.mutate(undefined, {
      onSuccess: ({ name }) => notify.success(`Exported the workshop as ${name}.`),
      onError: (e) => notify.error(e),
    });
  const importNow = () =>
    files[0] &&
    importFile.mutate(files[0], {
      onSuccess: (r) => {
        close();
        notify.success(
          `Imported the workshop exported ${new Date(r.exportedAt).toLocaleString()}: ${r.streams} stream${r.streams === 1 ? '' : 's'}, ${r.records.toLocaleString('en-US')} records and objects.`,
        );
      },
    });
  return (
    <>
      <Button
        data-testid="export-workshop"
        iconName="download"
        disabled={!!unavailable}
        disabledReason={unavailable}
        loading={exportFile.isPending}
        onClick={exportNow}
      >
        Export workshop
      </Button>
      <Button
        data-testid="import-workshop"
        iconName="upload"
        disabled={!!unavailable}
        disabledReason={unavailable}
        onClick={() => setImporting(true)}
      >
        Import workshop
      </Button>
      <Modal
        visible={importing}
        onDismiss={() => !importFile.isPending && close()}
        header="Import a workshop"
        footer={
          <Box float="right">
            <SpaceBetween direction="horizontal" size="xs">
              <Button variant="link" disabled={importFile.isPending} onClick={close}>
                Cancel
              </Button>
              <Button
                variant="primary"
                data-testid="confirm-import-workshop"
                disabled={files.length === 0}
                loading={importFile.isPending}
                onClick={importNow}
              >
                Replace everything and import
              </Button>
            </SpaceBetween>
          </Box>
        }
      >
        <SpaceBetween size="m">
          <Alert type="warning">
            Importing replaces everything in the emulator: every stream and its records, application, delivery
            stream, bucket and object, and the walkthrough&apos;s progress. Export first if you want to keep
            what is here.
          </Alert>
          <FormField
            label="Workshop file"
            description="A file made with Export workshop (kinesis-workshop-<date>.json.gz). The emulator's clock moves on to the time of the export if that is later than now."
            errorText={importFile.error ? describeError(importFile.error).message : undefined}
          >
            <FileUpload
              data-testid="workshop-file"
              value={files}
              onChange={({ detail }) => {
                setFiles(detail.value);
                importFile.reset();
              }}
              accept=".gz,application/gzip"
              showFileSize
              showFileLastModified
              i18nStrings={{
                uploadButtonText: () => 'Choose file',
                dropzoneText: () => 'Drop the file to import',
                removeFileAriaLabel: () => 'Remove file',
                limitShowFewer: 'Show fewer files',
                limitShowMore: 'Show more files',
                errorIconAriaLabel: 'Error',
              }}
            />
          </FormField>
          {importFile.isPending && (
            <Box data-testid="import-progress">Importing the workshop and saving it in this browser…</Box>
          )}
        </SpaceBetween>
      </Modal>
    </>
  );
}
