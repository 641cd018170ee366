import { Alert, Button, Divider, Group, List, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCircleCheck, IconSpeakerphone, IconTrash } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/errors';
import { formatNumber } from '../../app/format';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ContestForm } from './contest-form';
import type { ContestView } from './contest-types';
import { useDeleteContest, usePublishContest, useSaveContest } from './contests-api';

/** What is still missing before a draft can be published (the server checks again). */
function readiness(contest: ContestView, t: TFunction): string[] {
  const problems: string[] = [];
  if (contest.rounds.length === 0) problems.push(t('contests.setup.needRound'));
  const most = Math.max(0, ...contest.rounds.map((round) => round.questionCount));
  if (contest.questionCount < most) {
    problems.push(
      t('contests.setup.needQuestions', { have: formatNumber(contest.questionCount), need: formatNumber(most) }),
    );
  }
  return problems;
}

/** Editing the contest, publishing a draft, deleting it. */
export function ContestSetupTab({ contest }: { contest: ContestView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveContest(contest.id);
  const publish = usePublishContest(contest.id);
  const remove = useDeleteContest(contest.id);
  const [publishing, setPublishing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const problems = readiness(contest, t);
  const draft = contest.status === 'draft';

  return (
    <Stack gap="lg">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('contests.setup.title')}
        </Title>
        <ContestForm
          key={contest.id}
          contest={contest}
          pending={save.isPending}
          error={save.error}
          submitLabel={t('common.save')}
          onSubmit={(body) =>
            save.mutate(body, {
              onSuccess: () => notifications.show({ color: 'green', message: t('contests.setup.saved') }),
            })
          }
        />
      </Stack>
      <Divider />
      {draft ? (
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('contests.setup.publishTitle')}
          </Title>
          <Text size="sm">{t('contests.setup.publishIntro')}</Text>
          {problems.length > 0 ? (
            <Alert color="orange" icon={<IconAlertTriangle size={20} />} title={t('contests.setup.notReady')}>
              <List size="sm">
                {problems.map((problem) => (
                  <List.Item key={problem}>{problem}</List.Item>
                ))}
              </List>
            </Alert>
          ) : null}
          <Group gap="sm">
            <Button
              leftSection={<IconSpeakerphone size={16} />}
              onClick={() => setPublishing(true)}
              disabled={problems.length > 0}
              data-testid="contest-publish"
            >
              {t('contests.setup.publish')}
            </Button>
            <Button
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={16} />}
              onClick={() => setDeleting(true)}
            >
              {t('contests.setup.delete')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Alert color="green" icon={<IconCircleCheck size={20} />}>
          {t('contests.setup.publishedNote')}
        </Alert>
      )}
      <ConfirmDialog
        opened={publishing}
        title={t('contests.setup.publishTitle')}
        message={t('contests.setup.publishConfirm', { title: contest.title, unit: contest.audienceUnitName })}
        confirmLabel={t('contests.setup.publish')}
        loading={publish.isPending}
        onCancel={() => setPublishing(false)}
        onConfirm={() =>
          publish.mutate(undefined, {
            onSuccess: () => {
              setPublishing(false);
              notifications.show({ color: 'green', message: t('contests.setup.publishedToast') });
            },
            onError: (error) => {
              setPublishing(false);
              notifications.show({ color: 'red', message: errorMessage(error, t), autoClose: 10_000 });
            },
          })
        }
      />
      <ConfirmDialog
        opened={deleting}
        title={t('contests.setup.delete')}
        message={t('contests.setup.deleteConfirm', { title: contest.title })}
        confirmLabel={t('contests.setup.delete')}
        danger
        loading={remove.isPending}
        onCancel={() => setDeleting(false)}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('contests.setup.deleted') });
              void navigate({ to: '/contests' });
            },
            onError: (error) => {
              setDeleting(false);
              notifications.show({ color: 'red', message: errorMessage(error, t) });
            },
          })
        }
      />
    </Stack>
  );
}
