import { Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ContestForm } from './contest-form';
import { useSaveContest } from './contests-api';

/** A new contest starts as a draft; its set-up continues on its own page. */
export function ContestCreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveContest(null);
  const close = () => {
    save.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('contests.create')} size="lg">
      <ContestForm
        key={opened ? 'open' : 'closed'}
        pending={save.isPending}
        error={save.error}
        submitLabel={t('contests.form.createSubmit')}
        onCancel={close}
        onSubmit={(body) =>
          save.mutate(body, {
            onSuccess: (contest) => {
              notifications.show({ color: 'green', message: t('contests.form.created') });
              close();
              void navigate({
                to: '/contests/$contestId',
                params: { contestId: String(contest.id) },
                search: { tab: 'questions' },
              });
            },
          })
        }
      />
    </Modal>
  );
}
