import { Center, Container } from '@mantine/core';
import { IconHome, IconMapOff } from '@tabler/icons-react';
import { type ErrorComponentProps, useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from './links';
import { EmptyBlock, ErrorState } from './states';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Center mih="60dvh">
      <EmptyBlock
        icon={<IconMapOff size={28} />}
        title={t('errors.pageNotFound')}
        description={t('errors.pageNotFoundHint')}
        action={
          <ButtonLink to="/" leftSection={<IconHome size={16} />} variant="light">
            {t('nav.home')}
          </ButtonLink>
        }
      />
    </Center>
  );
}

export function RouteErrorPage({ error, reset }: ErrorComponentProps) {
  const router = useRouter();
  return (
    <Container size="sm" py="xl">
      <ErrorState
        error={error}
        onRetry={() => {
          reset();
          void router.invalidate();
        }}
      />
    </Container>
  );
}
