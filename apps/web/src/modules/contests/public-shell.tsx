import { Box, Container, Group, Text } from '@mantine/core';
import { IconLogin } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useLocation } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { meQuery } from '../../app/session';
import { LanguageSwitch } from '../../components/language-switch';
import { AnchorLink, ButtonLink } from '../../components/links';

/**
 * The signed-in account on a public page, if any. The route probed the session before the page
 * opened (a 401 there only means "a visitor"); this reads what it found and never asks again.
 */
export function useOptionalMe() {
  return useQuery({ ...meQuery, enabled: false }).data ?? null;
}

/** A public contest's frame: the name of the app, sign-in for members, the language; no app menu. */
export function PublicShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useOptionalMe();
  const href = useLocation({ select: (location) => location.href });
  return (
    <Box mih="100dvh" bg="gray.0">
      <Box component="header" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group justify="space-between" gap="xs" wrap="nowrap" maw={960} mx="auto" px="sm" py={8}>
          {me ? (
            <AnchorLink to="/" fw={700} size="lg" c="blue.8" underline="never" style={{ whiteSpace: 'nowrap' }}>
              {t('app.name')}
            </AnchorLink>
          ) : (
            <Text fw={700} size="lg" c="blue.8" style={{ whiteSpace: 'nowrap' }}>
              {t('app.name')}
            </Text>
          )}
          <Group gap="xs" wrap="nowrap" miw={0}>
            {me ? (
              <Text size="sm" fw={500} lineClamp={1} data-testid="public-account">
                {me.account.displayName}
              </Text>
            ) : (
              <ButtonLink
                to="/login"
                search={{ redirect: href }}
                variant="subtle"
                size="compact-sm"
                leftSection={<IconLogin size={16} />}
                data-testid="public-login"
              >
                {t('contests.public.signIn')}
              </ButtonLink>
            )}
            <Box visibleFrom="sm">
              <LanguageSwitch />
            </Box>
          </Group>
        </Group>
      </Box>
      <Container size={960} px="sm" py="md" component="main">
        {children}
      </Container>
      {/* On a phone the header has room for the name and "Đăng nhập" only. */}
      <Group hiddenFrom="sm" justify="center" pb="lg">
        <LanguageSwitch />
      </Group>
    </Box>
  );
}
