import { Alert, Anchor, Badge, Card, Divider, Group, Image, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconExternalLink } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatVnDateTime } from '../../app/format';
import { AnchorLink } from '../../components/links';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState } from '../../components/states';
import { ArticleChannelStatus } from '../channels/article-channel-status';
import { ArticleActions } from './article-actions';
import { ArticleStatusBadge } from './article-badges';
import { ArticleBodyView } from './article-body-view';
import { ArticleComments } from './article-comments';
import { type ArticleDraft, ArticleEditor, draftOf } from './article-editor';
import { articleQuery, newsMetaQuery } from './news-api';

/** One article in the newsroom: its status, the workflow's buttons, the editor (or the text), the discussion. */
export function ArticlePage({ articleId }: { articleId: number }) {
  const { t } = useTranslation();
  const article = useQuery(articleQuery(articleId));
  const meta = useQuery(newsMetaQuery);
  const [draft, setDraft] = useState<ArticleDraft | null>(null);

  if (article.isLoading || meta.isLoading) return <LoadingState />;
  if (article.isError || !article.data || !meta.data) {
    return <ErrorState error={article.error ?? meta.error} onRetry={() => void article.refetch()} />;
  }
  const a = article.data;
  return (
    <Stack gap="md" maw={960}>
      <AnchorLink to="/news" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('news.article.back')}
        </Group>
      </AnchorLink>
      <Stack gap={6}>
        <Group gap="xs">
          <ArticleStatusBadge status={a.status} />
          <Badge variant="outline" color="gray">
            {a.category.name}
          </Badge>
          {a.status === 'approved' && a.publishAt ? (
            <Badge color="grape" variant="light" data-testid="article-scheduled">
              {t('news.scheduledAt', { time: formatVnDateTime(a.publishAt) })}
            </Badge>
          ) : null}
          {draft ? (
            <Badge color="orange" variant="dot">
              {t('news.form.unsaved')}
            </Badge>
          ) : null}
        </Group>
        <PageTitle data-testid="article-heading">{a.title}</PageTitle>
        <Text size="sm" c="dimmed">
          {t('news.article.writtenBy', { unit: a.unit.name, publisher: a.publisher.name })}
          {a.author ? ` · ${a.author}` : ''}
        </Text>
        {a.publicUrl ? (
          <Group gap="md">
            <Anchor href={a.publicUrl} target="_blank" size="sm" data-testid="article-public-link">
              <Group gap={4}>
                <IconExternalLink size={14} />
                {t('news.article.publicLink')}
              </Group>
            </Anchor>
            <Text size="sm">{`${t('news.article.reads')}: ${formatNumber(a.reads)}`}</Text>
          </Group>
        ) : null}
      </Stack>
      {a.status === 'rejected' && a.rejectionReason ? (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('news.article.rejected')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {a.rejectionReason}
          </Text>
        </Alert>
      ) : null}
      <ArticleActions article={a} dirty={draft !== null} />
      <Card withBorder padding="md" radius="md">
        {a.abilities.edit ? (
          <ArticleEditor article={a} meta={meta.data} draft={draft ?? draftOf(a)} onDraftChange={setDraft} />
        ) : (
          <Stack gap="sm">
            <Text size="xs" c="dimmed">
              {t('news.article.readOnly')}
            </Text>
            {a.coverUrl ? <Image src={a.coverUrl} maw={640} radius="sm" alt="" /> : null}
            {a.summary ? <Text fw={600}>{a.summary}</Text> : null}
            <ArticleBodyView html={a.bodyHtml} />
          </Stack>
        )}
      </Card>
      {a.status === 'published' ? <ArticleChannelStatus articleId={a.id} unitId={a.publisher.id} /> : null}
      <Divider />
      <ArticleComments articleId={a.id} canComment={a.abilities.comment} />
    </Stack>
  );
}
