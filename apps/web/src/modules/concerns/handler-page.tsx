import type { ConcernAction } from '@lan-toa/contracts';
import { Alert, Button, Card, Group, Stack, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors } from '../../app/errors';
import { AnchorLink } from '../../components/links';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState } from '../../components/states';
import { ConcernView } from './concern-view';
import { concernQuery, useTransition } from './concerns-api';

/** A handler's view of one item: receive, start, answer, or escalate with a reason. */
export function ConcernHandlerPage({ concernId }: { concernId: string }) {
  const { t } = useTranslation();
  const query = useQuery(concernQuery(concernId));
  const act = useTransition(concernId);
  const [answer, setAnswer] = useState('');
  const [reason, setReason] = useState('');
  const [escalating, setEscalating] = useState(false);
  const [gone, setGone] = useState(false);
  const errors = fieldErrors(act.error);
  const can = (action: ConcernAction) => query.data?.actions.includes(action) ?? false;
  const run = (action: ConcernAction, note = '') =>
    act.mutate(
      { action, note },
      {
        onSuccess: (detail) => {
          if (!detail) setGone(true);
          setAnswer('');
          setReason('');
          setEscalating(false);
        },
      },
    );

  return (
    <Stack gap="md" maw={760}>
      <AnchorLink to="/y-kien/xu-ly" size="sm">
        ← {t('concerns.inbox.back')}
      </AnchorLink>
      <PageTitle>{t('concerns.handle.title')}</PageTitle>
      {gone ? <Alert color="green">{t('concerns.handle.escalatedAway')}</Alert> : null}
      {query.isPending ? <LoadingState /> : null}
      {query.error && !gone ? <ErrorState error={query.error} onRetry={() => query.refetch()} /> : null}
      {query.data && !gone ? (
        <>
          {act.error && !errors.note ? <Alert color="red">{errorMessage(act.error, t)}</Alert> : null}
          {can('receive') || can('start') ? (
            <Group gap="xs">
              {can('receive') ? (
                <Button variant="light" loading={act.isPending} onClick={() => run('receive')}>
                  {t('concerns.handle.receive')}
                </Button>
              ) : null}
              {can('start') ? (
                <Button variant="light" loading={act.isPending} onClick={() => run('start')}>
                  {t('concerns.handle.start')}
                </Button>
              ) : null}
            </Group>
          ) : null}
          {can('answer') ? (
            <Card withBorder padding="md">
              <Stack gap="xs">
                <Textarea
                  label={t('concerns.handle.answerLabel')}
                  description={t('concerns.handle.answerHint')}
                  autosize
                  minRows={4}
                  value={answer}
                  onChange={(e) => setAnswer(e.currentTarget.value)}
                  error={escalating ? undefined : errors.note}
                />
                <Group gap="xs" wrap="wrap">
                  <Button loading={act.isPending} onClick={() => run('answer', answer)}>
                    {t('concerns.handle.answer')}
                  </Button>
                  {can('escalate') ? (
                    <Button variant="default" onClick={() => setEscalating(!escalating)}>
                      {t('concerns.handle.escalate')}
                    </Button>
                  ) : null}
                </Group>
              </Stack>
            </Card>
          ) : null}
          {escalating ? (
            <Card withBorder padding="md">
              <Stack gap="xs">
                <Textarea
                  label={t('concerns.handle.reasonLabel')}
                  description={t('concerns.handle.reasonHint')}
                  autosize
                  minRows={2}
                  value={reason}
                  onChange={(e) => setReason(e.currentTarget.value)}
                  error={errors.note}
                />
                <Button color="grape" w="fit-content" loading={act.isPending} onClick={() => run('escalate', reason)}>
                  {t('concerns.handle.escalateSend')}
                </Button>
              </Stack>
            </Card>
          ) : null}
          <ConcernView concern={query.data} />
        </>
      ) : null}
    </Stack>
  );
}
