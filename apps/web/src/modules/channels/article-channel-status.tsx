import type { ArticleChannelPostView } from '@lan-toa/contracts';
import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconExternalLink, IconRefresh } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { AnchorLink } from '../../components/links';
import { ErrorState, LoadingState } from '../../components/states';
import { articleChannelPostsQuery, useRetryPost } from './channels-api';

const STATUS_COLOR = {
  pending: 'blue',
  publishing: 'blue',
  published: 'green',
  failed: 'red',
  disconnected: 'orange',
} as const;

function PostRow({ articleId, unitId, post }: { articleId: number; unitId?: number; post: ArticleChannelPostView }) {
  const { t } = useTranslation();
  const retry = useRetryPost(articleId);
  const channel = t(`channels.short.${post.channel}`);
  return (
    <Stack gap={6} data-testid={`channel-post-${post.channel}`}>
      <Group justify="space-between" gap="xs">
        <Text fw={600}>{channel}</Text>
        <Badge color={STATUS_COLOR[post.status]} variant="light" data-testid={`channel-post-status-${post.channel}`}>
          {t(`channels.status.label.${post.status}`)}
        </Badge>
      </Group>
      {post.status === 'published' ? (
        <Group gap="xs">
          {post.publishedAt ? (
            <Text size="sm" c="dimmed">
              {t('channels.status.publishedAt', { time: formatDateTime(post.publishedAt) })}
            </Text>
          ) : null}
          {post.remoteUrl ? (
            <Anchor href={post.remoteUrl} target="_blank" rel="noopener noreferrer" size="sm">
              <Group gap={4} wrap="nowrap">
                {t('channels.status.open', { channel })}
                <IconExternalLink size={14} aria-hidden />
              </Group>
            </Anchor>
          ) : post.remoteId ? (
            <Text size="sm" c="dimmed">
              {t('channels.status.remoteId', { id: post.remoteId })}
            </Text>
          ) : null}
        </Group>
      ) : null}
      {post.note ? (
        <Text size="sm" c="dimmed">
          {post.note}
        </Text>
      ) : null}
      {post.lastError ? (
        <Alert
          color={post.status === 'pending' ? 'blue' : 'red'}
          p="xs"
          data-testid={`channel-post-error-${post.channel}`}
        >
          <Text size="sm">{post.lastError}</Text>
          <Text size="xs" c="dimmed">
            {[
              post.willRetry ? t('channels.status.willRetry') : null,
              t('channels.status.attempts', { count: post.attempts }),
            ]
              .filter(Boolean)
              .join(' ')}
          </Text>
        </Alert>
      ) : null}
      {retry.error ? (
        <Alert color="red" p="xs">
          {errorMessage(retry.error, t)}
        </Alert>
      ) : null}
      {post.canRetry ? (
        <Group gap="sm">
          <Button
            size="xs"
            variant="light"
            leftSection={<IconRefresh size={14} />}
            loading={retry.isPending}
            onClick={() =>
              retry.mutate(post.channel, {
                onSuccess: () => notifications.show({ color: 'green', message: t('channels.status.retried') }),
              })
            }
          >
            {t('channels.status.retry')}
          </Button>
          {/* Sending again cannot help until the page is connected again: say where that is done. */}
          {post.status === 'disconnected' ? (
            <AnchorLink to="/channels" search={unitId ? { unitId } : {}} size="sm">
              {t('channels.status.reconnect', { channel })}
            </AnchorLink>
          ) : null}
        </Group>
      ) : null}
    </Stack>
  );
}

/** The article's delivery to Zalo and Facebook (embedded in the article page by the news module). */
export function ArticleChannelStatus({ articleId, unitId }: { articleId: number; unitId?: number }) {
  const { t } = useTranslation();
  const query = useQuery(articleChannelPostsQuery(articleId));
  if (query.isError && (query.error as { status?: number }).status === 404) return null;
  return (
    <Card withBorder radius="md" padding="md" data-testid="article-channel-status">
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('channels.status.title')}
        </Title>
        {query.isPending ? <LoadingState /> : null}
        {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
        {query.data && query.data.posts.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('channels.status.empty')}
          </Text>
        ) : null}
        {query.data?.posts.map((post) => (
          <PostRow key={post.channel} articleId={articleId} unitId={unitId} post={post} />
        ))}
      </Stack>
    </Card>
  );
}
