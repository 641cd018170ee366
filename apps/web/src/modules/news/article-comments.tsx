import { Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors } from '../../app/errors';
import { formatVnDateTime } from '../../app/format';
import { ErrorState, LoadingState } from '../../components/states';
import { commentsQuery, useAddComment } from './news-api';

/** The editorial discussion: comments of writers and editors, and the reasons an article was sent back. */
export function ArticleComments({ articleId, canComment }: { articleId: number; canComment: boolean }) {
  const { t } = useTranslation();
  const comments = useQuery(commentsQuery(articleId));
  const add = useAddComment(articleId);
  const [body, setBody] = useState('');
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {t('news.comments.title')}
      </Title>
      {comments.isLoading ? (
        <LoadingState />
      ) : comments.isError || !comments.data ? (
        <ErrorState error={comments.error} onRetry={() => void comments.refetch()} />
      ) : comments.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('news.comments.empty')}
        </Text>
      ) : (
        comments.data.items.map((comment) => (
          <Card
            key={comment.id}
            withBorder
            padding="sm"
            radius="md"
            bg={comment.kind === 'rejection' ? 'red.0' : undefined}
          >
            <Text size="xs" c="dimmed">
              {comment.author} · {formatVnDateTime(comment.createdAt)}
              {comment.kind === 'rejection' ? ` · ${t('news.comments.rejection')}` : ''}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {comment.body}
            </Text>
          </Card>
        ))
      )}
      {canComment ? (
        <Stack gap="xs">
          <Textarea
            placeholder={t('news.comments.placeholder')}
            aria-label={t('news.comments.placeholder')}
            value={body}
            onChange={(event) => setBody(event.currentTarget.value)}
            error={fieldErrors(add.error).body}
            autosize
            minRows={2}
          />
          <Group justify="flex-end">
            <Button
              variant="light"
              loading={add.isPending}
              disabled={!body.trim()}
              onClick={() =>
                add.mutate(body, {
                  onSuccess: () => setBody(''),
                  onError: (error) => notifications.show({ color: 'red', message: errorMessage(error, t) }),
                })
              }
            >
              {t('news.comments.send')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Stack>
  );
}
