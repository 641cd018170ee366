import {
  ActionIcon,
  Anchor,
  Button,
  FileInput,
  Group,
  Image,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFile, IconPaperclip, IconTrash, IconUpload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors } from '../../app/errors';
import { formatNumber } from '../../app/format';
import type { ActivityFileView } from '../../app/types';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorState, LoadingState } from '../../components/states';
import { activityFilesQuery, useDeleteActivityFile, useUploadActivityFile } from './activities-api';

const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPT = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'application/pdf',
  '.docx',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
].join(',');

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`
    : `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

function UploadForm({ activityId }: { activityId: number }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [caption, setCaption] = useState('');
  const [local, setLocal] = useState<string | undefined>();
  const [progress, setProgress] = useState(0);
  const upload = useUploadActivityFile(activityId, setProgress);
  const server = fieldErrors(upload.error);

  const choose = (chosen: File | null) => {
    setFile(chosen);
    upload.reset();
    setLocal(chosen && chosen.size > MAX_BYTES ? t('activities.files.tooLarge') : undefined);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return setLocal(t('activities.files.chooseFirst'));
    if (file.size > MAX_BYTES) return setLocal(t('activities.files.tooLarge'));
    setProgress(0);
    upload.mutate(
      { file, caption: caption.trim() },
      {
        onSuccess: () => {
          setFile(null);
          setCaption('');
          notifications.show({ color: 'green', message: t('activities.files.uploaded') });
        },
      },
    );
  };
  const percent = Math.round(progress * 100);
  const otherError = upload.isError && !server.file && !server.caption ? errorMessage(upload.error, t) : undefined;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Group gap="sm" align="flex-start" wrap="wrap">
          {/* Mantine's picker, not the browser's: its "Choose File" / "No file chosen" is in the browser's language. */}
          <FileInput
            label={t('activities.files.fileLabel')}
            description={t('activities.files.fileHint')}
            placeholder={t('activities.files.choose')}
            leftSection={<IconPaperclip size={16} />}
            accept={ACCEPT}
            value={file}
            onChange={choose}
            clearable
            error={local ?? server.file ?? otherError}
            disabled={upload.isPending}
            flex="1 1 240px"
            miw={0}
            data-testid="activity-file-input"
          />
          <TextInput
            flex="1 1 200px"
            label={t('activities.files.caption')}
            value={caption}
            maxLength={500}
            onChange={(event) => setCaption(event.currentTarget.value)}
            error={server.caption}
          />
        </Group>
        {upload.isPending ? (
          <Stack gap={4} aria-live="polite">
            <Progress value={percent} aria-label={t('import.uploading')} transitionDuration={150} />
            <Text size="sm">
              {percent < 100 ? t('import.uploadingPercent', { percent }) : t('activities.files.processing')}
            </Text>
          </Stack>
        ) : null}
        <Group>
          <Button
            type="submit"
            leftSection={<IconUpload size={16} />}
            loading={upload.isPending}
            data-testid="activity-file-submit"
          >
            {t('activities.files.upload')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Photos (a grid of thumbnails) and attachments (downloads) of an activity; managers upload and delete. */
export function ActivityFiles({ activityId, canEdit }: { activityId: number; canEdit: boolean }) {
  const { t } = useTranslation();
  const files = useQuery(activityFilesQuery(activityId));
  const remove = useDeleteActivityFile(activityId);
  const [deleting, setDeleting] = useState<ActivityFileView | null>(null);
  const items = files.data?.items ?? [];
  const photos = items.filter((item) => item.kind === 'photo');
  const attachments = items.filter((item) => item.kind === 'attachment');

  const deleteButton = (item: ActivityFileView) =>
    canEdit ? (
      <ActionIcon
        variant="subtle"
        color="red"
        aria-label={t('activities.files.remove', { name: item.name })}
        onClick={() => setDeleting(item)}
      >
        <IconTrash size={16} />
      </ActionIcon>
    ) : null;

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} data-testid="activity-files">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('activities.files.title')}
        </Title>
        {files.isLoading ? (
          <LoadingState />
        ) : files.isError ? (
          <ErrorState error={files.error} onRetry={() => void files.refetch()} />
        ) : items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('activities.files.none')}
          </Text>
        ) : null}
        {photos.length > 0 ? (
          <SimpleGrid cols={{ base: 2, xs: 3, md: 4 }} spacing="sm">
            {photos.map((photo) => (
              <Stack key={photo.id} gap={4} miw={0}>
                <a href={photo.url} target="_blank" rel="noopener noreferrer">
                  <Image
                    src={photo.thumbnailUrl ?? photo.url}
                    alt={photo.caption || photo.name}
                    radius="sm"
                    h={120}
                    fit="cover"
                    loading="lazy"
                  />
                </a>
                <Group gap={4} wrap="nowrap" justify="space-between">
                  <Text size="xs" lineClamp={2} miw={0}>
                    {photo.caption || photo.name}
                  </Text>
                  {deleteButton(photo)}
                </Group>
              </Stack>
            ))}
          </SimpleGrid>
        ) : null}
        {attachments.length > 0 ? (
          <Stack gap={6}>
            {attachments.map((file) => (
              <Group key={file.id} gap="xs" wrap="nowrap" justify="space-between">
                <Group gap="xs" wrap="nowrap" miw={0}>
                  <IconFile size={18} style={{ flexShrink: 0 }} />
                  <Stack gap={0} miw={0}>
                    <Anchor href={file.url} download={file.name} size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {file.name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {[formatSize(file.size), file.caption].filter(Boolean).join(' · ')}
                    </Text>
                  </Stack>
                </Group>
                <Group gap={0} wrap="nowrap">
                  <ActionIcon
                    component="a"
                    href={file.url}
                    download={file.name}
                    variant="subtle"
                    aria-label={t('activities.files.download', { name: file.name })}
                  >
                    <IconDownload size={16} />
                  </ActionIcon>
                  {deleteButton(file)}
                </Group>
              </Group>
            ))}
          </Stack>
        ) : null}
        {canEdit ? <UploadForm activityId={activityId} /> : null}
      </Stack>
      <ConfirmDialog
        opened={deleting !== null}
        title={t('activities.files.removeTitle')}
        message={t('activities.files.removeConfirm', { name: deleting?.name ?? '' })}
        confirmLabel={t('activities.delete')}
        danger
        loading={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (!deleting) return;
          remove.mutate(deleting.id, {
            onSuccess: () => {
              setDeleting(null);
              notifications.show({ color: 'green', message: t('activities.files.removed') });
            },
            onError: (error) => {
              setDeleting(null);
              notifications.show({ color: 'red', message: errorMessage(error, t) });
            },
          });
        }}
      />
    </Paper>
  );
}
