import { Alert, Group, Stack } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { errorMessage } from '../../app/errors';
import { AnchorLink, ButtonLink } from '../../components/links';
import { LoadingState } from '../../components/states';
import { ResultView } from './attempt-result-page';
import { publicAttemptQuery } from './public-contest-api';
import { PublicShell } from './public-shell';

/**
 * A result on a public contest's pages (/thi/:contestId/luot/:attemptId), readable without an
 * account: right after submitting by the attempt's token, later by the registration cookie.
 */
export function PublicAttemptPage({ contestId, attemptId }: { contestId: number; attemptId: number }) {
  const { t } = useTranslation();
  const result = useQuery(publicAttemptQuery(attemptId));
  const params = { contestId: String(contestId) };

  return (
    <PublicShell>
      {result.isLoading ? (
        <LoadingState />
      ) : result.isError || !result.data ? (
        <Stack gap="md" maw={560} mx="auto">
          <Alert color="red" icon={<IconAlertTriangle size={20} />} role="alert">
            {result.error instanceof ApiError && (result.error.status === 401 || result.error.status === 404)
              ? t('contests.public.attemptNotHere')
              : errorMessage(result.error, t)}
          </Alert>
          <Group>
            <ButtonLink to="/thi/$contestId" params={params} variant="light" leftSection={<IconArrowLeft size={16} />}>
              {t('contests.play.backToContest')}
            </ButtonLink>
          </Group>
        </Stack>
      ) : (
        <ResultView
          result={result.data}
          crumbs={
            <AnchorLink to="/thi/$contestId" params={params} size="sm" lineClamp={2} data-testid="attempt-contest-link">
              {result.data.contestTitle ?? t('contests.result.contest')}
            </AnchorLink>
          }
          back={
            <ButtonLink
              to="/thi/$contestId"
              params={params}
              variant="light"
              leftSection={<IconArrowLeft size={16} />}
              data-testid="attempt-back"
            >
              {t('contests.play.backToContest')}
            </ButtonLink>
          }
        />
      )}
    </PublicShell>
  );
}
