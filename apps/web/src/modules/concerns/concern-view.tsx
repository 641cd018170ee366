import type { ConcernDetail, ConcernTransitionBody } from '@lan-toa/contracts';
import { Alert, Anchor, Button, Card, Group, Rating, Stack, Text, Textarea, Timeline, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors } from '../../app/errors';
import { formatDate, formatVnDateTime } from '../../app/format';
import { ConcernStatusBadge, OverdueBadge } from './concern-badges';

interface ViewProps {
  concern: ConcernDetail;
  /** Attachments are downloadable for signed-in readers only. */
  attachmentLinks?: boolean;
}

/** The item as its reader sees it: text, answer, history. */
export function ConcernView({ concern, attachmentLinks = true }: ViewProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Group gap="xs" wrap="wrap">
        <ConcernStatusBadge status={concern.status} />
        {concern.overdue ? <OverdueBadge /> : null}
        <Text size="sm" c="dimmed">
          {concern.categoryName} · {t('concerns.submittedOn', { date: formatDate(concern.submittedOn) })}
        </Text>
      </Group>
      <Title order={2} size="h3" style={{ overflowWrap: 'anywhere' }}>
        {concern.title}
      </Title>
      <Text size="sm" c="dimmed">
        {/* The sender's own view has no author name: no dangling separator before the unit then. */}
        {concern.anonymous ? `${t('concerns.anonymousItem')} · ` : concern.authorName ? `${concern.authorName} · ` : ''}
        {t('concerns.handledBy', { unit: concern.unitName, date: formatDate(concern.dueOn) })}
      </Text>
      <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{concern.body}</Text>
      {concern.attachments.length > 0 ? (
        <Stack gap={4}>
          <Text fw={600} size="sm">
            {t('concerns.attachments')}
          </Text>
          {concern.attachments.map((file) =>
            attachmentLinks ? (
              <Anchor key={file.id} href={`/api/concerns/${concern.id}/attachments/${file.id}`} size="sm">
                {file.name}
              </Anchor>
            ) : (
              <Text key={file.id} size="sm">
                {file.name}
              </Text>
            ),
          )}
        </Stack>
      ) : null}
      <Card withBorder padding="md" bg={concern.answer ? 'green.0' : undefined}>
        <Text fw={600} mb={4}>
          {t('concerns.answer')}
        </Text>
        {concern.answer ? (
          <>
            <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="concern-answer">
              {concern.answer}
            </Text>
            <Text size="xs" c="dimmed" mt={4}>
              {concern.answeredUnitName} · {formatVnDateTime(concern.answeredAt)}
            </Text>
          </>
        ) : (
          <Text c="dimmed">{t('concerns.noAnswerYet')}</Text>
        )}
        {concern.rating ? (
          <Group gap="xs" mt="xs">
            <Text size="sm">{t('concerns.yourRating')}</Text>
            <Rating value={concern.rating} readOnly />
          </Group>
        ) : null}
      </Card>
      {concern.events.length > 0 ? (
        <Stack gap="xs">
          <Text fw={600}>{t('concerns.history')}</Text>
          <Timeline bulletSize={14} lineWidth={2}>
            {concern.events.map((event, i) => (
              <Timeline.Item
                // biome-ignore lint/suspicious/noArrayIndexKey: the history only grows at its end; an event has no id of its own.
                key={`${event.kind}-${i}`}
                title={t(`concerns.event.${event.kind}`, { defaultValue: event.kind })}
              >
                <Text size="xs" c="dimmed">
                  {event.at ? formatVnDateTime(event.at) : formatDate(event.onDate)}
                  {event.unitName ? ` · ${event.unitName}` : ''}
                  {event.actorName ? ` · ${event.actorName}` : ''}
                </Text>
                {event.note ? (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {event.note}
                  </Text>
                ) : null}
              </Timeline.Item>
            ))}
          </Timeline>
        </Stack>
      ) : null}
    </Stack>
  );
}

interface OwnerActionsProps {
  concern: ConcernDetail;
  pending: boolean;
  error: unknown;
  onAct: (body: ConcernTransitionBody) => void;
}

/** What the one who raised it may do once answered: rate (closes it) or reopen once. */
export function OwnerActions({ concern, pending, error, onAct }: OwnerActionsProps) {
  const { t } = useTranslation();
  const [rating, setRating] = useState(0);
  const [reason, setReason] = useState('');
  const errors = fieldErrors(error);
  const canRate = concern.actions.includes('rate');
  const canReopen = concern.actions.includes('reopen');
  if (!canRate && !canReopen) return null;
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        {error && !errors.note && !errors.rating ? <Alert color="red">{errorMessage(error, t)}</Alert> : null}
        {canRate ? (
          <Stack gap={4}>
            <Text fw={600}>{t('concerns.rateTitle')}</Text>
            <Rating value={rating} onChange={setRating} size="lg" aria-label={t('concerns.rateTitle')} />
            {errors.rating ? (
              <Text c="red" size="sm">
                {errors.rating}
              </Text>
            ) : null}
            <Button
              w="fit-content"
              loading={pending}
              disabled={rating === 0}
              onClick={() => onAct({ action: 'rate', rating })}
            >
              {t('concerns.rateSend')}
            </Button>
          </Stack>
        ) : null}
        {canReopen ? (
          <Stack gap={4}>
            <Textarea
              label={t('concerns.reopenLabel')}
              description={t('concerns.reopenHint')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={errors.note}
              autosize
              minRows={2}
            />
            <Button
              w="fit-content"
              variant="default"
              loading={pending}
              onClick={() => onAct({ action: 'reopen', note: reason })}
            >
              {t('concerns.reopen')}
            </Button>
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}
