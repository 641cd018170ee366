import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconEdit, IconSchool, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/errors';
import { formatDate } from '../../app/format';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { AnchorLink, ButtonLink } from '../../components/links';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState } from '../../components/states';
import { DocumentFiles } from './document-files';
import { documentQuery, useDeleteDocument } from './library-api';

/** One document: its particulars, the system's summary, its files; edit and assign for study. */
export function DocumentPage({ documentId }: { documentId: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const query = useQuery(documentQuery(documentId));
  const remove = useDeleteDocument(documentId);
  const [deleting, setDeleting] = useState(false);

  if (query.isLoading) return <LoadingState />;
  if (query.isError || !query.data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const document = query.data;
  const rows: [string, string][] = [
    [t('library.fields.type'), t(`library.types.${document.type}`)],
    [t('library.fields.number'), document.number || '—'],
    [t('library.fields.issuedOn'), document.issuedOn ? formatDate(document.issuedOn) : '—'],
    [t('library.fields.issuer'), document.issuer || '—'],
    [t('library.fields.unit'), document.unitName],
  ];

  return (
    <Stack gap="md" maw={900}>
      <AnchorLink to="/library" size="sm">
        {t('library.back')}
      </AnchorLink>
      <Stack gap={4}>
        <Group gap={6}>
          <Badge variant="light">{t(`library.types.${document.type}`)}</Badge>
          {document.number ? <Text fw={600}>{t('library.numberShort', { number: document.number })}</Text> : null}
        </Group>
        <PageTitle data-testid="document-heading">{document.title}</PageTitle>
      </Stack>
      <Group gap="xs">
        {document.canAssign ? (
          <ButtonLink
            to="/study/new"
            search={{ documentId: document.id }}
            leftSection={<IconSchool size={16} />}
            data-testid="document-assign"
          >
            {t('library.assign')}
          </ButtonLink>
        ) : null}
        {document.canEdit ? (
          <>
            <ButtonLink
              to="/library/$documentId/edit"
              params={{ documentId: String(document.id) }}
              variant="light"
              leftSection={<IconEdit size={16} />}
            >
              {t('library.edit')}
            </ButtonLink>
            <Button
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={16} />}
              onClick={() => setDeleting(true)}
            >
              {t('library.delete')}
            </Button>
          </>
        ) : null}
      </Group>
      <Card withBorder radius="md" padding="md">
        <Stack gap={6}>
          {rows.map(([label, value]) => (
            <Group key={label} gap="xs" align="flex-start" wrap="nowrap">
              <Text size="sm" c="dimmed" w={130} style={{ flexShrink: 0 }}>
                {label}
              </Text>
              <Text size="sm">{value}</Text>
            </Group>
          ))}
          {document.topics.length > 0 ? (
            // Wraps: on a phone the topics go under their label instead of being cut to "Nghị quyết, chỉ thị của…".
            <Group gap="xs" align="flex-start" wrap="wrap">
              <Text size="sm" c="dimmed" w={130} style={{ flexShrink: 0 }}>
                {t('library.fields.topics')}
              </Text>
              <Group gap={4}>
                {document.topics.map((topic) => (
                  <Badge key={topic.id} variant="outline" size="sm" style={{ textTransform: 'none' }}>
                    {topic.name}
                  </Badge>
                ))}
              </Group>
            </Group>
          ) : null}
        </Stack>
      </Card>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('library.fields.summary')}
        </Title>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {document.summary || t('library.noSummary')}
        </Text>
      </Stack>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('library.files')}
        </Title>
        <DocumentFiles files={document.files} />
      </Stack>
      {remove.isError ? <Alert color="red">{errorMessage(remove.error, t)}</Alert> : null}
      <ConfirmDialog
        opened={deleting}
        title={t('library.deleteTitle')}
        message={t('library.deleteMessage', { title: document.title })}
        confirmLabel={t('library.delete')}
        danger
        loading={remove.isPending}
        onCancel={() => setDeleting(false)}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => void navigate({ to: '/library' }),
            onSettled: () => setDeleting(false),
          })
        }
      />
    </Stack>
  );
}
