import type { ChannelConnectionView, ChannelTestResult } from '@lan-toa/contracts';
import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBrandFacebook, IconMessageCircle, IconPlugConnected, IconUnlink } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useDisconnectChannel, useTestChannel } from './channels-api';
import { ConnectForm } from './connect-form';

const STATE_COLOR = { connected: 'green', disconnected: 'red', not_connected: 'gray' } as const;

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Text>
    </div>
  );
}

/** One channel of the unit: its state, what is known of its tokens, and the actions. */
export function ConnectionCard({
  unitId,
  connection,
  canManage,
}: {
  unitId: number;
  connection: ChannelConnectionView;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const [formOpen, setFormOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<ChannelTestResult | null>(null);
  const test = useTestChannel(unitId);
  const disconnect = useDisconnectChannel(unitId);
  const { channel, state } = connection;
  const Icon = channel === 'zalo' ? IconMessageCircle : IconBrandFacebook;

  return (
    <Card withBorder radius="md" padding="md" data-testid={`channel-card-${channel}`}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" align="center">
          <Group gap="xs" wrap="nowrap">
            <Icon size={22} aria-hidden />
            <Title order={3} size="h4">
              {t(`channels.names.${channel}`)}
            </Title>
          </Group>
          <Badge
            color={STATE_COLOR[state]}
            variant="light"
            style={{ flexShrink: 0 }}
            data-testid={`channel-state-${channel}`}
          >
            {t(`channels.state.${state}`)}
          </Badge>
        </Group>
        {state === 'not_connected' ? (
          <Text size="sm" c="dimmed">
            {t(`channels.notConnectedHelp.${channel}`)}
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
            <Fact
              label={channel === 'zalo' ? t('channels.field.oaId') : t('channels.field.pageId')}
              value={connection.externalId ?? ''}
            />
            {connection.appId ? <Fact label={t('channels.field.appId')} value={connection.appId} /> : null}
            <Fact
              label={t('channels.field.token')}
              value={t('channels.field.tokenEnding', { hint: connection.tokenHint })}
            />
            <Fact
              label={t('channels.field.accessExpires')}
              value={
                connection.accessExpiresAt ? formatDateTime(connection.accessExpiresAt) : t('channels.field.noExpiry')
              }
            />
            {connection.refreshExpiresAt ? (
              <Fact label={t('channels.field.refreshExpires')} value={formatDateTime(connection.refreshExpiresAt)} />
            ) : null}
            <Fact
              label={t('channels.field.connectedAt')}
              value={`${formatDateTime(connection.connectedAt)}${connection.connectedBy ? ` · ${connection.connectedBy}` : ''}`}
            />
          </SimpleGrid>
        )}
        {connection.lastError ? (
          <Alert color="red" title={t('channels.field.lastError')} data-testid={`channel-error-${channel}`}>
            {connection.lastError}
          </Alert>
        ) : null}
        {result ? (
          <Alert color={result.ok ? 'green' : 'red'} data-testid={`channel-test-${channel}`}>
            {result.message}
          </Alert>
        ) : null}
        {test.error ? <Alert color="red">{errorMessage(test.error, t)}</Alert> : null}
        {canManage ? (
          <Group gap="xs">
            <Button
              size="sm"
              leftSection={<IconPlugConnected size={16} />}
              variant={state === 'connected' ? 'default' : 'filled'}
              onClick={() => setFormOpen(true)}
            >
              {state === 'not_connected' ? t('channels.action.connect') : t('channels.action.reconnect')}
            </Button>
            {state !== 'not_connected' ? (
              <>
                <Button
                  size="sm"
                  variant="default"
                  loading={test.isPending}
                  onClick={() => test.mutate(channel, { onSuccess: setResult })}
                >
                  {t('channels.action.test')}
                </Button>
                <Button
                  size="sm"
                  variant="subtle"
                  color="red"
                  leftSection={<IconUnlink size={16} />}
                  onClick={() => setConfirming(true)}
                >
                  {t('channels.action.disconnect')}
                </Button>
              </>
            ) : null}
          </Group>
        ) : null}
      </Stack>
      <ConnectForm unitId={unitId} channel={channel} opened={formOpen} onClose={() => setFormOpen(false)} />
      <ConfirmDialog
        opened={confirming}
        title={t('channels.confirmDisconnect.title', { channel: t(`channels.short.${channel}`) })}
        message={t('channels.confirmDisconnect.body')}
        confirmLabel={t('channels.action.disconnect')}
        danger
        loading={disconnect.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          disconnect.mutate(channel, {
            onSuccess: () => {
              setConfirming(false);
              setResult(null);
              notifications.show({ color: 'green', message: t('channels.disconnected') });
            },
          })
        }
      />
    </Card>
  );
}
