import { Alert, Anchor, Badge, Button, CopyButton, Group, Image, Paper, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconExternalLink, IconQrcode, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/errors';
import { formatVnDateTime, vnNowIso } from '../../app/format';
import type { ActivityView } from '../../app/types';
import { qrCodeUrl, useCheckinCommand } from './activities-api';

const STATE_COLORS = { not_open: 'gray', open: 'green', closed: 'red' } as const;

/** Self check-in: open it, show the QR code and the link to put on a screen or in a chat group. */
export function CheckinPanel({ activity }: { activity: ActivityView }) {
  const { t } = useTranslation();
  const command = useCheckinCommand(activity.id);
  const checkin = activity.checkin;
  const fail = (error: unknown) => notifications.show({ color: 'red', message: errorMessage(error, t) });

  if (!checkin) {
    return (
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t('activities.checkin.intro')}</Text>
        <Button
          leftSection={<IconQrcode size={16} />}
          onClick={() => command.mutate({ type: 'open' }, { onError: fail })}
          loading={command.isPending}
          data-testid="checkin-open"
        >
          {t('activities.checkin.open')}
        </Button>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Group gap="xs">
        <Badge color={STATE_COLORS[checkin.state]} variant="light" size="lg">
          {t(`activities.checkin.state.${checkin.state}`)}
        </Badge>
        <Text size="sm" c="dimmed">
          {t('activities.checkin.window', {
            from: formatVnDateTime(checkin.opensAt),
            to: formatVnDateTime(checkin.openUntil),
          })}
        </Text>
      </Group>
      {checkin.state === 'closed' ? <Alert color="gray">{t('activities.checkin.closedHint')}</Alert> : null}
      <Group align="flex-start" gap="lg" wrap="wrap">
        <Paper withBorder p="xs" radius="md" bg="white">
          <Image
            src={qrCodeUrl(activity.id, checkin.code)}
            alt={t('activities.checkin.qrAlt', { title: activity.title })}
            w={{ base: 220, sm: 260 }}
            h={{ base: 220, sm: 260 }}
            data-testid="checkin-qr"
          />
        </Paper>
        <Stack gap="sm" flex="1 1 260px">
          <Text size="sm">{t('activities.checkin.howTo')}</Text>
          <Group gap="xs" wrap="nowrap" align="flex-end">
            <TextInput
              flex={1}
              label={t('activities.checkin.link')}
              value={checkin.url}
              readOnly
              onFocus={(event) => event.currentTarget.select()}
              data-testid="checkin-link"
            />
            <CopyButton value={checkin.url}>
              {({ copied, copy }) => (
                <Button
                  variant={copied ? 'filled' : 'default'}
                  color={copied ? 'teal' : undefined}
                  onClick={copy}
                  leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                >
                  {copied ? t('common.copied') : t('common.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Anchor href={checkin.path} target="_blank" rel="noopener" size="sm">
            <Group gap={4} component="span">
              <IconExternalLink size={14} />
              {t('activities.checkin.openPage')}
            </Group>
          </Anchor>
          <Group gap="xs">
            {checkin.state === 'not_open' ? (
              <Button
                variant="light"
                onClick={() =>
                  command.mutate({ type: 'open', opensAt: vnNowIso(), openUntil: checkin.openUntil }, { onError: fail })
                }
                loading={command.isPending}
                data-testid="checkin-open-now"
              >
                {t('activities.checkin.openNow')}
              </Button>
            ) : null}
            {checkin.state === 'closed' ? (
              <Button
                variant="light"
                onClick={() => command.mutate({ type: 'open' }, { onError: fail })}
                loading={command.isPending}
              >
                {t('activities.checkin.reopen')}
              </Button>
            ) : null}
            <Button
              variant="default"
              color="red"
              leftSection={<IconX size={16} />}
              onClick={() => command.mutate({ type: 'close' }, { onError: fail })}
              loading={command.isPending}
            >
              {t('activities.checkin.close')}
            </Button>
          </Group>
        </Stack>
      </Group>
    </Stack>
  );
}
