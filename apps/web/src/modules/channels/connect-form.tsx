import type { ChannelName } from '@lan-toa/contracts';
import { Alert, Button, Group, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors } from '../../app/errors';
import { useConnectChannel } from './channels-api';

interface ConnectFormProps {
  unitId: number;
  channel: ChannelName;
  opened: boolean;
  onClose: () => void;
}

const ZALO_FIELDS = ['oaId', 'appId', 'secretKey', 'accessToken', 'refreshToken'] as const;
const FACEBOOK_FIELDS = ['pageId', 'pageAccessToken'] as const;
const SECRET = new Set(['secretKey', 'accessToken', 'refreshToken', 'pageAccessToken']);

/** The connect (or reconnect) form of one channel; secrets are typed in, never shown back. */
export function ConnectForm({ unitId, channel, opened, onClose }: ConnectFormProps) {
  const { t } = useTranslation();
  const connect = useConnectChannel(unitId);
  const [values, setValues] = useState<Record<string, string>>({});
  const fields = channel === 'zalo' ? ZALO_FIELDS : FACEBOOK_FIELDS;
  const errors = fieldErrors(connect.error);
  const label = (name: string) =>
    name === 'oaId' || name === 'appId' || name === 'pageId'
      ? t(`channels.field.${name}`)
      : t(`channels.form.${name as 'secretKey' | 'accessToken' | 'refreshToken' | 'pageAccessToken'}`);

  const close = () => {
    setValues({});
    connect.reset();
    onClose();
  };
  const submit = () => {
    const body = Object.fromEntries(fields.map((name) => [name, values[name] ?? '']));
    connect.mutate(
      channel === 'zalo'
        ? { channel, body: body as Record<(typeof ZALO_FIELDS)[number], string> }
        : { channel, body: body as Record<(typeof FACEBOOK_FIELDS)[number], string> },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('channels.connected') });
          close();
        },
      },
    );
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={channel === 'zalo' ? t('channels.form.zaloTitle') : t('channels.form.facebookTitle')}
      size="lg"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {channel === 'zalo' ? t('channels.form.zaloHelp') : t('channels.form.facebookHelp')}
          </Text>
          {connect.error && Object.keys(errors).length === 0 ? (
            <Alert color="red">{errorMessage(connect.error, t)}</Alert>
          ) : null}
          {fields.map((name) =>
            SECRET.has(name) ? (
              <PasswordInput
                key={name}
                label={label(name)}
                value={values[name] ?? ''}
                onChange={(event) => setValues((v) => ({ ...v, [name]: event.currentTarget.value }))}
                error={errors[name]}
                autoComplete="off"
                required
                data-testid={`channel-field-${name}`}
              />
            ) : (
              <TextInput
                key={name}
                label={label(name)}
                value={values[name] ?? ''}
                onChange={(event) => setValues((v) => ({ ...v, [name]: event.currentTarget.value }))}
                error={errors[name]}
                inputMode="numeric"
                autoComplete="off"
                required
                data-testid={`channel-field-${name}`}
              />
            ),
          )}
          <Text size="xs" c="dimmed">
            {t('channels.form.secretsNote')}
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('channels.action.cancel')}
            </Button>
            <Button type="submit" loading={connect.isPending}>
              {t('channels.action.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
