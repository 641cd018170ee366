import { Button, Card, Center, Container, Group, Loader, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import {
  IconAlertTriangle,
  IconCalendarEvent,
  IconCircleCheck,
  IconClockPause,
  IconLock,
  IconLogin,
  IconMapPin,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { errorMessage } from '../../app/errors';
import { formatVnDateTime, formatVnRange } from '../../app/format';
import { meQuery } from '../../app/session';
import type { CheckinPage as CheckinPageData } from '../../app/types';
import { LanguageSwitch } from '../../components/language-switch';
import { ButtonLink } from '../../components/links';
import { checkinPageQuery, useCheckIn } from './activities-api';
import { CategoryBadge } from './activity-badges';

function Outcome({
  color,
  icon,
  title,
  children,
}: {
  color: string;
  icon: ReactNode;
  title: string;
  children?: ReactNode;
}) {
  return (
    <Stack align="center" gap="xs" py="md" ta="center" data-testid="checkin-outcome" data-color={color}>
      <ThemeIcon color={color} variant="light" size={72} radius="xl">
        {icon}
      </ThemeIcon>
      <Title order={2} size="h3">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/**
 * The page a member opens from the QR code, on a phone: what the activity is, and one big button.
 * Viewing needs no account; checking in needs the member signed in.
 */
export function CheckinPage({ code }: { code: string }) {
  const { t } = useTranslation();
  const page = useQuery(checkinPageQuery(code));
  // Signed in? (also sets the CSRF token the check-in POST needs)
  const me = useQuery({ ...meQuery, retry: false });

  return (
    <Container size={480} px="sm" py="md">
      <Stack gap="md">
        <Group justify="space-between">
          <Text fw={700} size="lg" c="blue.8">
            {t('app.name')}
          </Text>
          <LanguageSwitch />
        </Group>
        {page.isLoading ? (
          <Center py="xl">
            <Loader aria-label={t('common.loading')} />
          </Center>
        ) : page.isError || !page.data ? (
          <Card withBorder padding="lg">
            <Outcome color="red" icon={<IconAlertTriangle size={40} />} title={t('checkin.unknownTitle')}>
              <Text size="sm">
                {page.error instanceof ApiError && page.error.status === 404
                  ? t('checkin.unknownHint')
                  : errorMessage(page.error, t)}
              </Text>
            </Outcome>
          </Card>
        ) : (
          <CheckinCard code={code} page={page.data} signedIn={me.isSuccess} checkingSession={me.isLoading} />
        )}
      </Stack>
    </Container>
  );
}

function CheckinCard({
  code,
  page,
  signedIn,
  checkingSession,
}: {
  code: string;
  page: CheckinPageData;
  signedIn: boolean;
  checkingSession: boolean;
}) {
  const { t } = useTranslation();
  const checkIn = useCheckIn(code);
  const done = checkIn.data ?? null;
  const error = checkIn.error instanceof ApiError ? checkIn.error : null;

  let body: ReactNode;
  if (done || page.checkedIn) {
    body = (
      <Outcome color="green" icon={<IconCircleCheck size={44} />} title={t('checkin.doneTitle')}>
        <Text size="sm">
          {done
            ? done.alreadyCheckedIn
              ? t('checkin.already')
              : t('checkin.recordedAt', { time: formatVnDateTime(done.recordedAt) })
            : t('checkin.already')}
        </Text>
      </Outcome>
    );
  } else if (error?.status === 403) {
    body = (
      <Outcome color="orange" icon={<IconLock size={40} />} title={t('checkin.notInvitedTitle')}>
        <Text size="sm">{error.message || t('checkin.notInvitedHint')}</Text>
      </Outcome>
    );
  } else if (page.state === 'closed' || (error?.status === 409 && page.state !== 'not_open')) {
    body = (
      <Outcome color="gray" icon={<IconClockPause size={40} />} title={t('checkin.closedTitle')}>
        <Text size="sm">{t('checkin.closedHint', { time: formatVnDateTime(page.openUntil) })}</Text>
      </Outcome>
    );
  } else if (page.state === 'not_open') {
    body = (
      <Outcome color="blue" icon={<IconClockPause size={40} />} title={t('checkin.notOpenTitle')}>
        <Text size="sm">{t('checkin.notOpenHint', { time: formatVnDateTime(page.opensAt) })}</Text>
      </Outcome>
    );
  } else if (!signedIn && !checkingSession) {
    body = (
      <Stack gap="sm" align="stretch" py="sm">
        <Text size="sm" ta="center">
          {t('checkin.signInFirst')}
        </Text>
        <ButtonLink
          to="/login"
          search={{ redirect: `/checkin/${code}` }}
          size="lg"
          h={60}
          leftSection={<IconLogin size={22} />}
          data-testid="checkin-login"
        >
          {t('checkin.signIn')}
        </ButtonLink>
      </Stack>
    );
  } else {
    body = (
      <Stack gap="sm" align="stretch" py="sm">
        <Button
          size="xl"
          h={72}
          fz={22}
          radius="md"
          color="green"
          leftSection={<IconCircleCheck size={28} />}
          onClick={() => checkIn.mutate()}
          loading={checkIn.isPending || checkingSession}
          data-testid="checkin-submit"
        >
          {t('checkin.submit')}
        </Button>
        {error ? (
          <Text size="sm" c="red" ta="center" role="alert">
            {errorMessage(error, t)}
          </Text>
        ) : (
          <Text size="xs" c="dimmed" ta="center">
            {t('checkin.until', { time: formatVnDateTime(page.openUntil) })}
          </Text>
        )}
      </Stack>
    );
  }

  return (
    <Card withBorder padding="lg" radius="md">
      <Stack gap="sm">
        <CategoryBadge category={page.category} size="lg" />
        <Title order={1} size="h3" lh={1.3}>
          {page.title}
        </Title>
        <Stack gap={6}>
          <Group gap="xs" wrap="nowrap">
            <IconCalendarEvent size={18} />
            <Text size="sm">{formatVnRange(page.startsAt, page.endsAt)}</Text>
          </Group>
          {page.place ? (
            <Group gap="xs" wrap="nowrap">
              <IconMapPin size={18} />
              <Text size="sm">{page.place}</Text>
            </Group>
          ) : null}
          <Group gap="xs" wrap="nowrap">
            <IconUsersGroup size={18} />
            <Text size="sm">{page.organisingUnitName}</Text>
          </Group>
        </Stack>
        {body}
      </Stack>
    </Card>
  );
}
