import type { ConcernDetail, ConcernTransitionBody } from '@lan-toa/contracts';
import { Alert, Button, Container, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors } from '../../app/errors';
import { ConcernView, OwnerActions } from './concern-view';
import { trackConcern, trackTransition } from './concerns-api';

/**
 * "/gop-y/theo-doi": anyone holding a tracking code reads the answer, rates it or reopens it
 * once — no sign-in. The code is typed, sent in the request body and never put in the address.
 */
export function TrackConcernPage() {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [concern, setConcern] = useState<ConcernDetail | null>(null);
  const look = useMutation({ mutationFn: (value: string) => trackConcern(value), onSuccess: setConcern });
  const act = useMutation({
    mutationFn: (body: ConcernTransitionBody) => trackTransition(code, body),
    onSuccess: setConcern,
  });
  const errors = fieldErrors(look.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setConcern(null);
    look.mutate(code);
  };

  return (
    <Container size={720} py="md" px="sm">
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('concerns.track.title')}
        </Title>
        <Text>{t('concerns.track.intro')}</Text>
        <form onSubmit={submit} noValidate>
          <Group align="flex-end" gap="xs" wrap="wrap">
            <TextInput
              label={t('concerns.track.code')}
              placeholder="7KQ2-M9XD-4TPA"
              leftSection={<IconLock size={16} />}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              error={errors.code}
              autoComplete="off"
              style={{ flex: '1 1 220px' }}
            />
            <Button type="submit" loading={look.isPending}>
              {t('concerns.track.look')}
            </Button>
          </Group>
        </form>
        {look.error && !errors.code ? (
          <Alert color="red">
            {(look.error as { status?: number }).status === 404
              ? t('concerns.track.notFound')
              : errorMessage(look.error, t)}
          </Alert>
        ) : null}
        {concern ? (
          <>
            <ConcernView concern={concern} attachmentLinks={false} />
            <OwnerActions
              concern={concern}
              pending={act.isPending}
              error={act.error}
              onAct={(body) => act.mutate(body)}
            />
          </>
        ) : null}
      </Stack>
    </Container>
  );
}
