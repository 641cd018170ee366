import { Alert, Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconShieldLock } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { errorMessage, fieldErrors } from '../../app/errors';
import { useChangePassword } from './auth-api';

export const MIN_PASSWORD_LENGTH = 12;

interface ChangePasswordModalProps {
  opened: boolean;
  onClose: () => void;
  /** The account must change its temporary password before going on: the modal cannot be dismissed. */
  forced?: boolean;
  onLogout?: () => void;
}

const EMPTY = { currentPassword: '', newPassword: '', confirm: '' };

export function ChangePasswordModal({ opened, onClose, forced, onLogout }: ChangePasswordModalProps) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [values, setValues] = useState(EMPTY);
  const [local, setLocal] = useState<Partial<Record<keyof typeof EMPTY, string>>>({});

  const close = () => {
    setValues(EMPTY);
    setLocal({});
    change.reset();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: typeof local = {};
    if (!values.currentPassword) errors.currentPassword = t('password.currentRequired');
    if (values.newPassword.length < MIN_PASSWORD_LENGTH)
      errors.newPassword = t('password.tooShort', { min: MIN_PASSWORD_LENGTH });
    if (values.confirm !== values.newPassword) errors.confirm = t('password.mismatch');
    setLocal(errors);
    if (Object.keys(errors).length > 0) return;
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('password.changed') });
          close();
        },
      },
    );
  };

  const error = change.error;
  const fields = fieldErrors(error);
  const code = error instanceof ApiError ? error.code : null;
  const currentError =
    local.currentPassword ?? fields.currentPassword ?? (code === 'WRONG_PASSWORD' ? errorMessage(error, t) : undefined);
  const newError =
    local.newPassword ?? fields.newPassword ?? (code === 'WEAK_PASSWORD' ? errorMessage(error, t) : undefined);
  const generalError =
    error && code !== 'WRONG_PASSWORD' && code !== 'WEAK_PASSWORD' && Object.keys(fields).length === 0;

  return (
    <Modal
      opened={opened}
      onClose={forced ? () => undefined : close}
      withCloseButton={!forced}
      closeOnClickOutside={!forced}
      closeOnEscape={!forced}
      title={forced ? t('password.forcedTitle') : t('password.title')}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {forced ? (
            <Alert color="blue" icon={<IconShieldLock size={18} />}>
              {t('password.forcedHint')}
            </Alert>
          ) : null}
          {generalError ? (
            <Alert color="red" role="alert">
              {errorMessage(error, t)}
            </Alert>
          ) : null}
          <PasswordInput
            label={forced ? t('password.temporary') : t('password.current')}
            autoComplete="current-password"
            value={values.currentPassword}
            onChange={(event) => setValues({ ...values, currentPassword: event.currentTarget.value })}
            error={currentError}
            required
            data-autofocus
          />
          <PasswordInput
            label={t('password.new')}
            description={t('password.hint', { min: MIN_PASSWORD_LENGTH })}
            autoComplete="new-password"
            value={values.newPassword}
            onChange={(event) => setValues({ ...values, newPassword: event.currentTarget.value })}
            error={newError}
            required
          />
          <PasswordInput
            label={t('password.confirm')}
            autoComplete="new-password"
            value={values.confirm}
            onChange={(event) => setValues({ ...values, confirm: event.currentTarget.value })}
            error={local.confirm}
            required
          />
          <Group justify="space-between">
            {forced && onLogout ? (
              <Button variant="subtle" color="gray" onClick={onLogout}>
                {t('account.logout')}
              </Button>
            ) : (
              <Text size="xs" c="dimmed" />
            )}
            <Group gap="sm">
              {forced ? null : (
                <Button variant="default" onClick={close}>
                  {t('common.cancel')}
                </Button>
              )}
              <Button type="submit" loading={change.isPending}>
                {t('password.submit')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
