import type { ArticleSummary } from '@lan-toa/contracts';
import { Anchor, Button, Card, Group, Image, ScrollArea, Select, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { IconExternalLink, IconNews, IconPlus, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber, formatVnDateTime } from '../../app/format';
import { AnchorLink } from '../../components/links';
import { PageTitle } from '../../components/page-title';
import { PaginationBar } from '../../components/pagination-bar';
import { EmptyBlock, ErrorState, LoadingState } from '../../components/states';
import { ArticleStatusBadge } from './article-badges';
import { ArticleCreateModal } from './article-create-modal';
import { articleListQuery, NEWS_PAGE_SIZE, newsMetaQuery } from './news-api';
import { ARTICLE_STATUSES, type NewsSearch } from './news-search';

interface NewsListPageProps {
  search: NewsSearch;
  onSearchChange: (patch: Partial<NewsSearch>) => void;
}

function ArticleRow({ article }: { article: ArticleSummary }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm" radius="md" data-testid="article-row">
      <Group wrap="nowrap" align="flex-start" gap="sm">
        {article.coverThumbnailUrl ? (
          <Image src={article.coverThumbnailUrl} w={96} h={54} radius="sm" fit="cover" alt="" visibleFrom="xs" />
        ) : null}
        <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
          <Group gap={6}>
            <ArticleStatusBadge status={article.status} />
            <Text size="xs" c="dimmed">
              {article.category.name}
            </Text>
          </Group>
          <AnchorLink
            to="/news/$articleId"
            params={{ articleId: String(article.id) }}
            fw={600}
            c="dark"
            lh={1.35}
            data-testid="article-title"
          >
            {article.title}
          </AnchorLink>
          <Text size="xs" c="dimmed">
            {t('news.list.by', { unit: article.unit.name, author: article.author ?? '—' })}
            {' · '}
            {article.publishedAt
              ? t('news.list.published', { date: formatDate(article.publishedAt.slice(0, 10)) })
              : t('news.list.updated', { time: formatVnDateTime(article.updatedAt) })}
            {article.status === 'approved' && article.publishAt
              ? ` · ${t('news.scheduledAt', { time: formatVnDateTime(article.publishAt) })}`
              : ''}
          </Text>
          {article.publicUrl ? (
            <Group gap="sm">
              <Text size="xs">{t('news.list.reads', { formatted: formatNumber(article.reads) })}</Text>
              <Anchor href={article.publicUrl} target="_blank" size="xs">
                {t('news.article.publicLink')}
              </Anchor>
            </Group>
          ) : null}
        </Stack>
      </Group>
    </Card>
  );
}

export function NewsListPage({ search, onSearchChange }: NewsListPageProps) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const [typed, setTyped] = useState(search.q ?? '');
  const meta = useQuery(newsMetaQuery);
  const page = search.page ?? 1;
  const list = useQuery(articleListQuery({ status: search.status, category: search.category, q: search.q, page }));

  useEffect(() => {
    const timer = setTimeout(() => {
      if ((search.q ?? '') !== typed.trim()) onSearchChange({ q: typed.trim() || undefined, page: undefined });
    }, 350);
    return () => clearTimeout(timer);
  }, [typed, search.q, onSearchChange]);

  const counts = list.data?.counts ?? {};
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  const canWrite = (meta.data?.writableUnits.length ?? 0) > 0;
  const filtered = Boolean(search.status || search.category || search.q);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={2}>
          <PageTitle>{t('news.title')}</PageTitle>
          <Text size="sm" c="dimmed">
            {t('news.subtitle')}
          </Text>
        </Stack>
        <Group gap="xs">
          <Button
            component="a"
            href="/tin-tuc"
            target="_blank"
            variant="default"
            leftSection={<IconExternalLink size={16} />}
          >
            {t('news.portal')}
          </Button>
          {canWrite ? (
            <Button onClick={() => setCreating(true)} leftSection={<IconPlus size={16} />} data-testid="article-create">
              {t('news.create')}
            </Button>
          ) : null}
        </Group>
      </Group>
      <ScrollArea type="auto" offsetScrollbars>
        <Tabs
          value={search.status ?? 'all'}
          onChange={(value) =>
            onSearchChange({ status: value === 'all' ? undefined : (value as NewsSearch['status']), page: undefined })
          }
        >
          <Tabs.List style={{ flexWrap: 'nowrap' }}>
            <Tabs.Tab value="all">{`${t('news.status.all')} (${formatNumber(total)})`}</Tabs.Tab>
            {ARTICLE_STATUSES.map((status) => (
              <Tabs.Tab key={status} value={status} data-testid={`tab-${status}`}>
                {`${t(`news.status.${status}`)} (${formatNumber(counts[status] ?? 0)})`}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
      </ScrollArea>
      <Group gap="sm" grow preventGrowOverflow={false} wrap="wrap">
        <TextInput
          placeholder={t('news.list.search')}
          aria-label={t('news.list.search')}
          leftSection={<IconSearch size={16} />}
          value={typed}
          onChange={(event) => setTyped(event.currentTarget.value)}
          miw={220}
        />
        <Select
          aria-label={t('news.list.category')}
          placeholder={t('news.list.allCategories')}
          data={(meta.data?.categories ?? []).map((c) => ({ value: c.code, label: c.name }))}
          value={search.category ?? null}
          onChange={(value) => onSearchChange({ category: value ?? undefined, page: undefined })}
          clearable
          miw={200}
        />
      </Group>
      {list.isLoading ? (
        <LoadingState />
      ) : list.isError || !list.data ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyBlock
          icon={<IconNews size={28} />}
          title={filtered ? t('news.list.emptyFiltered') : t('news.list.empty')}
          description={!filtered && canWrite ? t('news.list.emptyHint') : undefined}
        />
      ) : (
        <Stack gap="xs" opacity={list.isPlaceholderData ? 0.6 : 1}>
          {list.data.items.map((article) => (
            <ArticleRow key={article.id} article={article} />
          ))}
          <PaginationBar
            page={page}
            pageSize={NEWS_PAGE_SIZE}
            total={list.data.total}
            onPageChange={(next) => onSearchChange({ page: next > 1 ? next : undefined })}
          />
        </Stack>
      )}
      {meta.data && creating ? <ArticleCreateModal meta={meta.data} opened onClose={() => setCreating(false)} /> : null}
    </Stack>
  );
}
