import { AppShell, Burger, Group, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconAlertOctagon,
  IconBooks,
  IconBroadcast,
  IconCalendarEvent,
  IconChartBar,
  IconClipboardCheck,
  IconClipboardList,
  IconFileText,
  IconHierarchy2,
  IconHistory,
  IconInbox,
  IconMessageCircle,
  IconNews,
  IconSchool,
  IconShieldCheck,
  IconSpeakerphone,
  IconTrophy,
  IconUsers,
} from '@tabler/icons-react';
import { Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../app/session';
import { useLogout } from '../modules/auth/auth-api';
import { ChangePasswordModal } from '../modules/auth/change-password-modal';
import { NotificationBell } from '../modules/notifications/notification-bell';
import { AccountMenu } from './account-menu';
import { NavLinkLink } from './links';

/** The signed-in frame: header with product name and account menu, nav that folds into a burger on phones. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const logout = useLogout();
  const [navOpened, nav] = useDisclosure(false);
  const [passwordOpened, setPasswordOpened] = useState(false);
  const pathname = useRouterState({ select: (state) => state.location.pathname });

  const doLogout = () => {
    logout.mutate(undefined, { onSettled: () => void navigate({ to: '/login', search: {}, replace: true }) });
  };

  const links = [
    {
      to: '/dashboard',
      label: t('nav.dashboard'),
      icon: IconChartBar,
      show: true,
      active: pathname.startsWith('/dashboard'),
    },
    {
      to: '/plans',
      label: t('nav.plans'),
      icon: IconFileText,
      show: true,
      active: pathname.startsWith('/plans'),
    },
    {
      to: '/activities',
      label: t('nav.activities'),
      icon: IconClipboardList,
      show: true,
      active: pathname.startsWith('/activities'),
    },
    {
      to: '/calendar',
      label: t('nav.calendar'),
      icon: IconCalendarEvent,
      show: true,
      active: pathname.startsWith('/calendar'),
    },
    {
      to: '/contests',
      label: t('nav.contests'),
      icon: IconTrophy,
      show: true,
      active: pathname.startsWith('/contests'),
    },
    {
      to: '/study',
      label: t('library.study.nav'),
      icon: IconSchool,
      show: true,
      active: pathname.startsWith('/study'),
    },
    {
      to: '/surveys',
      label: t('surveys.nav'),
      icon: IconClipboardCheck,
      show: true,
      active: pathname.startsWith('/surveys'),
    },
    {
      to: '/library',
      label: t('library.nav'),
      icon: IconBooks,
      show: true,
      active: pathname.startsWith('/library'),
    },
    {
      to: '/news',
      label: t('news.nav'),
      icon: IconNews,
      show: me.abilities.manageMembers,
      active: pathname.startsWith('/news'),
    },
    {
      to: '/channels',
      label: t('channels.nav'),
      icon: IconBroadcast,
      show: me.abilities.manageMembers,
      active: pathname.startsWith('/channels'),
    },
    {
      to: '/communication',
      label: t('communication.nav'),
      icon: IconSpeakerphone,
      show: me.abilities.manageMembers,
      active: pathname.startsWith('/communication'),
    },
    {
      to: '/y-kien',
      label: t('concerns.nav'),
      icon: IconMessageCircle,
      show: true,
      active: pathname === '/y-kien' || pathname.startsWith('/y-kien/cua-toi'),
    },
    {
      to: '/y-kien/xu-ly',
      label: t('concerns.navInbox'),
      icon: IconInbox,
      show: me.abilities.manageMembers,
      active: pathname.startsWith('/y-kien/xu-ly') || pathname.startsWith('/y-kien/so-lieu'),
    },
    {
      to: '/info-reports',
      label: t('infoReports.nav'),
      icon: IconAlertOctagon,
      show: true,
      active: pathname === '/info-reports' || pathname === '/info-reports/',
    },
    {
      to: '/info-reports/inbox',
      label: t('infoReports.navInbox'),
      icon: IconShieldCheck,
      show: me.abilities.manageMembers,
      active: pathname.startsWith('/info-reports/') && pathname !== '/info-reports/',
    },
    {
      to: '/units',
      label: t('nav.units'),
      icon: IconHierarchy2,
      show: true,
      active: pathname.startsWith('/units') || pathname.startsWith('/members'),
    },
    {
      to: '/accounts',
      label: t('nav.accounts'),
      icon: IconUsers,
      show: me.abilities.manageAccounts,
      active: pathname.startsWith('/accounts'),
    },
    {
      to: '/audit',
      label: t('nav.audit'),
      icon: IconHistory,
      show: me.abilities.viewAudit,
      active: pathname.startsWith('/audit'),
    },
  ] as const;

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={navOpened} onClick={nav.toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
            <UnstyledButton onClick={() => void navigate({ to: '/' })} aria-label={t('nav.home')}>
              <Text fw={700} size="lg" c="blue.8">
                {t('app.name')}
              </Text>
            </UnstyledButton>
          </Group>
          <Group gap={4} wrap="nowrap">
            <NotificationBell />
            <AccountMenu me={me} onChangePassword={() => setPasswordOpened(true)} onLogout={doLogout} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('nav.label')}>
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap={4}>
            {links
              .filter((link) => link.show)
              .map((link) => (
                <NavLinkLink
                  key={link.to}
                  to={link.to}
                  label={link.label}
                  leftSection={<link.icon size={18} stroke={1.6} />}
                  active={link.active}
                  // The router marks a link current (aria-current, which Mantine also highlights) for
                  // any page below it; `active` above decides, so /y-kien is not lit on /y-kien/xu-ly.
                  activeOptions={{ exact: true, includeSearch: false }}
                  onClick={nav.close}
                  variant="light"
                />
              ))}
          </Stack>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        {/* With a temporary password the server refuses everything but choosing a new one: the
            page behind the forced dialog is not loaded (it would only show errors). */}
        {me.account.mustChangePassword ? null : <Outlet />}
      </AppShell.Main>
      <ChangePasswordModal
        opened={passwordOpened || me.account.mustChangePassword}
        forced={me.account.mustChangePassword}
        onClose={() => setPasswordOpened(false)}
        onLogout={doLogout}
      />
    </AppShell>
  );
}
