import { Stack, Title } from '@mantine/core';
import { IconMessageCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links';
import { PageTitle } from '../../components/page-title';
import { EmptyBlock, ErrorState, LoadingState } from '../../components/states';
import { ConcernCards } from './concern-list';
import { ConcernView, OwnerActions } from './concern-view';
import { concernQuery, myConcernsQuery, useTransition } from './concerns-api';

/** "Ý kiến của tôi": the member's named items (anonymous ones are followed with their code). */
export function MyConcernsList() {
  const { t } = useTranslation();
  const query = useQuery(myConcernsQuery);
  return (
    <Stack gap="sm" mt="lg">
      <Title order={2} size="h3">
        {t('concerns.mine.title')}
      </Title>
      {query.isPending ? <LoadingState /> : null}
      {query.error ? <ErrorState error={query.error} onRetry={() => query.refetch()} /> : null}
      {query.data && query.data.items.length === 0 ? (
        <EmptyBlock
          title={t('concerns.mine.empty')}
          description={t('concerns.mine.emptyHint')}
          icon={<IconMessageCircle size={28} />}
        />
      ) : null}
      {query.data && query.data.items.length > 0 ? <ConcernCards items={query.data.items} handler={false} /> : null}
      <AnchorLink to="/gop-y/theo-doi" size="sm">
        {t('concerns.mine.trackAnonymous')}
      </AnchorLink>
    </Stack>
  );
}

export function MyConcernPage({ concernId }: { concernId: string }) {
  const { t } = useTranslation();
  const query = useQuery(concernQuery(concernId));
  const act = useTransition(concernId);
  return (
    <Stack gap="md" maw={720}>
      <AnchorLink to="/y-kien" size="sm">
        ← {t('concerns.mine.back')}
      </AnchorLink>
      <PageTitle>{t('concerns.mine.detailTitle')}</PageTitle>
      {query.isPending ? <LoadingState /> : null}
      {query.error ? <ErrorState error={query.error} onRetry={() => query.refetch()} /> : null}
      {query.data ? (
        <>
          <ConcernView concern={query.data} />
          <OwnerActions
            concern={query.data}
            pending={act.isPending}
            error={act.error}
            onAct={(body) => act.mutate(body)}
          />
        </>
      ) : null}
    </Stack>
  );
}
