import { Alert, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertCircle, IconClockHour4, IconLock } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { errorMessage, fieldErrors } from '../../app/errors';
import { LanguageSwitch } from '../../components/language-switch';
import { useLogin } from './auth-api';

/** Only same-site paths are followed after login (no open redirect). */
function safeRedirect(value: string | undefined): string | null {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/login')) return null;
  return value;
}

export function LoginPage({ redirect }: { redirect?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const login = useLogin();
  const [values, setValues] = useState({ login: '', password: '' });
  const [missing, setMissing] = useState<{ login?: string; password?: string }>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = {
      login: values.login.trim() ? undefined : t('auth.loginRequired'),
      password: values.password ? undefined : t('auth.passwordRequired'),
    };
    setMissing(next);
    if (next.login || next.password) return;
    login.mutate(
      { login: values.login.trim(), password: values.password },
      {
        onSuccess: () => {
          const target = safeRedirect(redirect);
          if (target) void navigate({ href: target, replace: true });
          else void navigate({ to: '/', replace: true });
        },
      },
    );
  };

  const error = login.error;
  const fields = fieldErrors(error);
  const code = error instanceof ApiError ? error.code : null;
  const alertIcon =
    code === 'ACCOUNT_LOCKED' ? (
      <IconLock size={18} />
    ) : code === 'RATE_LIMITED' ? (
      <IconClockHour4 size={18} />
    ) : (
      <IconAlertCircle size={18} />
    );
  const alertTitle =
    code === 'ACCOUNT_LOCKED'
      ? t('auth.lockedTitle')
      : code === 'RATE_LIMITED'
        ? t('auth.rateLimitedTitle')
        : t('auth.failedTitle');
  const alertHint =
    code === 'ACCOUNT_LOCKED' ? t('auth.lockedHint') : code === 'RATE_LIMITED' ? t('auth.rateLimitedHint') : null;

  return (
    <Center mih="100dvh" p="md">
      <Box w="100%" maw={420}>
        <Stack gap="lg">
          <Stack gap={4} align="center">
            <Title order={1} c="blue.8">
              {t('app.name')}
            </Title>
            <Text c="dimmed" ta="center" size="sm">
              {t('app.tagline')}
            </Text>
          </Stack>
          <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="md">
            <form onSubmit={submit} noValidate>
              <Stack>
                <Title order={2} size="h3">
                  {t('auth.title')}
                </Title>
                {error ? (
                  <Alert
                    color={code === 'ACCOUNT_LOCKED' || code === 'RATE_LIMITED' ? 'orange' : 'red'}
                    icon={alertIcon}
                    title={alertTitle}
                    role="alert"
                  >
                    <Stack gap={4}>
                      <Text size="sm">{errorMessage(error, t)}</Text>
                      {alertHint ? <Text size="sm">{alertHint}</Text> : null}
                    </Stack>
                  </Alert>
                ) : null}
                <TextInput
                  label={t('auth.login')}
                  description={t('auth.loginHint')}
                  autoComplete="username"
                  inputMode="email"
                  autoCapitalize="none"
                  spellCheck={false}
                  data-testid="login-input"
                  value={values.login}
                  onChange={(event) => setValues({ ...values, login: event.currentTarget.value })}
                  error={missing.login ?? fields.login}
                  required
                  data-autofocus
                />
                <PasswordInput
                  label={t('auth.password')}
                  autoComplete="current-password"
                  data-testid="password-input"
                  value={values.password}
                  onChange={(event) => setValues({ ...values, password: event.currentTarget.value })}
                  error={missing.password ?? fields.password}
                  required
                />
                <Button type="submit" fullWidth loading={login.isPending} data-testid="login-submit">
                  {t('auth.submit')}
                </Button>
                <Text size="xs" c="dimmed">
                  {t('auth.forgotHint')}
                </Text>
              </Stack>
            </form>
          </Paper>
          <Group justify="center">
            <LanguageSwitch />
          </Group>
        </Stack>
      </Box>
    </Center>
  );
}
