import type { ArticleView } from '@lan-toa/contracts';
import { Button, Group, Modal, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArrowBackUp, IconCheck, IconSend, IconWorldUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors } from '../../app/errors';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { type TransitionVars, useTransition } from './news-api';

/**
 * The workflow's buttons: exactly the abilities the server returned for this viewer and status.
 * Reject asks for a reason; publish offers now or a time (Vietnam time).
 */
export function ArticleActions({ article, dirty }: { article: ArticleView; dirty: boolean }) {
  const { t } = useTranslation();
  const transition = useTransition(article.id);
  const [dialog, setDialog] = useState<'reject' | 'publish' | 'archive' | null>(null);
  const [reason, setReason] = useState('');
  const [when, setWhen] = useState<'now' | 'later'>('now');
  const [at, setAt] = useState('');
  const errors = fieldErrors(transition.error);

  const run = (vars: TransitionVars, done: string) => {
    if (dirty) {
      notifications.show({ color: 'orange', message: t('news.actions.saveFirst') });
      return;
    }
    transition.mutate(vars, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t(`news.actions.done.${done}` as 'news.actions.done.submit') });
        setDialog(null);
        setReason('');
      },
      onError: (error) => {
        if (Object.keys(fieldErrors(error)).length === 0) {
          notifications.show({ color: 'red', message: errorMessage(error, t), autoClose: 10_000 });
        }
      },
    });
  };
  const { abilities } = article;
  const busy = transition.isPending;

  return (
    <>
      <Group gap="xs">
        {abilities.submit ? (
          <Button
            leftSection={<IconSend size={16} />}
            onClick={() => run({ action: 'submit' }, 'submit')}
            loading={busy}
            data-testid="action-submit"
          >
            {t('news.actions.submit')}
          </Button>
        ) : null}
        {abilities.approve ? (
          <Button
            color="blue"
            leftSection={<IconCheck size={16} />}
            onClick={() => run({ action: 'approve' }, 'approve')}
            loading={busy}
            data-testid="action-approve"
          >
            {t('news.actions.approve')}
          </Button>
        ) : null}
        {abilities.publish ? (
          <Button
            color="green"
            leftSection={<IconWorldUpload size={16} />}
            onClick={() => setDialog('publish')}
            data-testid="action-publish"
          >
            {t('news.actions.publish')}
          </Button>
        ) : null}
        {abilities.reject ? (
          <Button
            color="red"
            variant="light"
            leftSection={<IconArrowBackUp size={16} />}
            onClick={() => setDialog('reject')}
            data-testid="action-reject"
          >
            {t('news.actions.reject')}
          </Button>
        ) : null}
        {abilities.archive ? (
          <Button
            variant="default"
            leftSection={<IconArchive size={16} />}
            onClick={() => setDialog('archive')}
            data-testid="action-archive"
          >
            {t('news.actions.archive')}
          </Button>
        ) : null}
      </Group>

      <Modal opened={dialog === 'reject'} onClose={() => setDialog(null)} title={t('news.actions.rejectTitle')}>
        <Stack>
          <Textarea
            label={t('news.actions.rejectReason')}
            description={t('news.actions.rejectReasonHint')}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={errors.reason}
            autosize
            minRows={3}
            required
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDialog(null)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={busy} onClick={() => run({ action: 'reject', reason }, 'reject')}>
              {t('news.actions.reject')}
            </Button>
          </Group>
        </Stack>
      </Modal>

      <Modal opened={dialog === 'publish'} onClose={() => setDialog(null)} title={t('news.actions.publishTitle')}>
        <Stack>
          <Radio.Group value={when} onChange={(value) => setWhen(value as 'now' | 'later')}>
            <Stack gap="xs">
              <Radio value="now" label={t('news.actions.publishNow')} />
              <Radio value="later" label={t('news.actions.publishLater')} />
            </Stack>
          </Radio.Group>
          {when === 'later' ? (
            <TextInput
              type="datetime-local"
              label={t('news.actions.publishAt')}
              value={at}
              onChange={(event) => setAt(event.currentTarget.value)}
              error={errors.publishAt}
            />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDialog(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="green"
              loading={busy}
              data-testid="publish-confirm"
              onClick={() => {
                if (when === 'later' && !at) {
                  notifications.show({ color: 'orange', message: t('news.actions.publishAtRequired') });
                  return;
                }
                const publishAt = when === 'later' ? `${at.slice(0, 16)}:00+07:00` : null;
                run({ action: 'publish', publishAt }, publishAt ? 'schedule' : 'publish');
              }}
            >
              {when === 'later' ? t('news.actions.publishLater') : t('news.actions.publishNow')}
            </Button>
          </Group>
        </Stack>
      </Modal>

      <ConfirmDialog
        opened={dialog === 'archive'}
        title={t('news.actions.archiveTitle')}
        message={t('news.actions.archiveMessage')}
        confirmLabel={t('news.actions.archive')}
        danger
        loading={busy}
        onConfirm={() => run({ action: 'archive' }, 'archive')}
        onCancel={() => setDialog(null)}
      />
    </>
  );
}
