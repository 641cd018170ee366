import type { DocumentView } from '@lan-toa/contracts';
import { ActionIcon, Anchor, Group, Stack, Text } from '@mantine/core';
import { IconDownload, IconEye, IconFileTypePdf, IconFileWord, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/format';

type DocumentFile = DocumentView['files'][number];

export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`;
}

/** A document's files: read a PDF in the browser, download any. */
export function DocumentFiles({ files, onRemove }: { files: DocumentFile[]; onRemove?: (fileId: number) => void }) {
  const { t } = useTranslation();
  if (files.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('library.noFiles')}
      </Text>
    );
  }
  return (
    <Stack gap={6}>
      {files.map((file) => {
        const pdf = file.contentType === 'application/pdf';
        return (
          <Group key={file.id} gap="xs" wrap="nowrap" data-testid="document-file">
            {pdf ? (
              <IconFileTypePdf size={20} color="var(--mantine-color-red-7)" />
            ) : (
              <IconFileWord size={20} color="var(--mantine-color-blue-7)" />
            )}
            <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
              <Text size="sm" truncate="end">
                {file.name}
              </Text>
              <Text size="xs" c="dimmed">
                {fileSize(file.size)}
              </Text>
            </Stack>
            {pdf ? (
              <Anchor href={`${file.url}?inline=1`} target="_blank" rel="noopener" size="sm" data-testid="file-read">
                <Group gap={4} wrap="nowrap">
                  <IconEye size={16} />
                  {t('library.read')}
                </Group>
              </Anchor>
            ) : null}
            <Anchor href={file.url} size="sm" aria-label={t('library.download', { name: file.name })}>
              <IconDownload size={18} />
            </Anchor>
            {onRemove ? (
              <ActionIcon
                variant="subtle"
                color="red"
                onClick={() => onRemove(file.id)}
                aria-label={t('library.removeFile', { name: file.name })}
              >
                <IconTrash size={16} />
              </ActionIcon>
            ) : null}
          </Group>
        );
      })}
    </Stack>
  );
}
