import 'dayjs/locale/vi';
import 'dayjs/locale/en';
import { createTheme, MantineProvider, mergeThemeOverrides } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useMemo } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { getStyleNonce } from './csp';
import { i18n } from './i18n';
import { queryClient } from './query-client';
import { theme } from './theme';

/**
 * Mantine in the interface language: close buttons get a spoken name, and calendars show
 * Vietnamese (or English) month and weekday names, weeks starting on Monday.
 */
function LocalizedMantine({ children }: { children: ReactNode }) {
  const { t, i18n: current } = useTranslation();
  const locale = current.language === 'en' ? 'en' : 'vi';
  const localized = useMemo(() => {
    const closeButtonProps = { 'aria-label': t('common.close') };
    return mergeThemeOverrides(
      theme,
      createTheme({
        components: {
          Modal: { defaultProps: { closeButtonProps } },
          Drawer: { defaultProps: { closeButtonProps } },
          Notification: { defaultProps: { closeButtonProps } },
        },
      }),
    );
  }, [t]);
  return (
    <MantineProvider theme={localized} getStyleNonce={getStyleNonce} defaultColorScheme="light">
      <DatesProvider settings={{ locale, firstDayOfWeek: 1, weekendDays: [0, 6] }}>{children}</DatesProvider>
    </MantineProvider>
  );
}

export function Providers({ children }: { children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <LocalizedMantine>
        <Notifications position="top-center" />
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </LocalizedMantine>
    </I18nextProvider>
  );
}
