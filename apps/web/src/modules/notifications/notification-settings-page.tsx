import type { EmailMode } from '@lan-toa/contracts';
import { Alert, Button, Group, Paper, Radio, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconDeviceFloppy, IconInfoCircle, IconMail } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/errors';
import { ButtonLink } from '../../components/links';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState } from '../../components/states';
import { preferencesQuery, useSavePreferences } from './notifications-api';

const MODES: EmailMode[] = ['immediate', 'digest', 'off'];

/** "Cài đặt thông báo": for each kind, e-mail at once, in the daily digest, or not at all. */
export function NotificationSettingsPage() {
  const { t } = useTranslation();
  const preferences = useQuery(preferencesQuery);
  const save = useSavePreferences();
  const [changes, setChanges] = useState<Record<string, EmailMode>>({});

  if (preferences.isPending) return <LoadingState />;
  if (preferences.isError) return <ErrorState error={preferences.error} onRetry={() => void preferences.refetch()} />;
  const data = preferences.data;
  const changed = Object.entries(changes).filter(
    ([kind, email]) => data.items.find((i) => i.kind === kind)?.email !== email,
  );

  const submit = () =>
    save.mutate(
      changed.map(([kind, email]) => ({ kind, email })),
      {
        onSuccess: () => {
          setChanges({});
          notifications.show({ color: 'green', message: t('notifications.saved') });
        },
        onError: (error) => notifications.show({ color: 'red', message: errorMessage(error, t) }),
      },
    );

  return (
    <Stack gap="md" maw={760}>
      <div>
        <ButtonLink to="/notifications" variant="subtle" size="compact-sm" leftSection={<IconArrowLeft size={16} />}>
          {t('notifications.title')}
        </ButtonLink>
        <PageTitle mt={4}>{t('notifications.settings')}</PageTitle>
      </div>
      <Text size="sm">{t('notifications.settingsIntro')}</Text>
      {data.emailAddress ? (
        <Group gap={6} wrap="nowrap">
          <IconMail size={16} style={{ flex: 'none' }} />
          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {t('notifications.emailTo', { email: data.emailAddress })}
          </Text>
        </Group>
      ) : (
        <Alert color="yellow" icon={<IconInfoCircle size={18} />}>
          {t('notifications.noEmail')}
        </Alert>
      )}
      <Stack gap="sm">
        {data.items.map((item) => (
          <Paper key={item.kind} withBorder p="sm">
            <Radio.Group
              value={changes[item.kind] ?? item.email}
              onChange={(value) => setChanges((c) => ({ ...c, [item.kind]: value as EmailMode }))}
              label={t(`notifications.kinds.${item.kind}`)}
              description={t(`notifications.kindDescriptions.${item.kind}`)}
              data-testid={`preference-${item.kind}`}
            >
              <Group gap="md" mt="xs">
                {MODES.map((mode) => (
                  <Radio key={mode} value={mode} label={t(`notifications.modes.${mode}`)} />
                ))}
              </Group>
            </Radio.Group>
          </Paper>
        ))}
      </Stack>
      <Group>
        <Button
          leftSection={<IconDeviceFloppy size={16} />}
          onClick={submit}
          loading={save.isPending}
          disabled={changed.length === 0}
          data-testid="save-preferences"
        >
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}
