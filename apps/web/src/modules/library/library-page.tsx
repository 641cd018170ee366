import { Badge, Card, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconBooks, IconPaperclip, IconPlus, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format';
import { useMe } from '../../app/session';
import { AnchorLink, ButtonLink } from '../../components/links';
import { PageTitle } from '../../components/page-title';
import { PaginationBar } from '../../components/pagination-bar';
import { EmptyBlock, ErrorState, LoadingState } from '../../components/states';
import { documentsQuery, LIBRARY_PAGE_SIZE, topicsQuery } from './library-api';
import { DOCUMENT_TYPES, type LibrarySearch } from './library-search';

interface LibraryPageProps {
  search: LibrarySearch;
  onSearchChange: (patch: Partial<LibrarySearch>) => void;
}

const YEARS = Array.from({ length: 30 }, (_, i) => String(new Date().getFullYear() - i));

/** The document library: search without diacritics, filters, one card per document. */
export function LibraryPage({ search, onSearchChange }: LibraryPageProps) {
  const { t } = useTranslation();
  const me = useMe();
  const [text, setText] = useState(search.q ?? '');
  const page = search.page ?? 1;
  const list = useQuery(documentsQuery({ ...search, page }));
  const topics = useQuery(topicsQuery());
  const canCreate = me.abilities.manageMembers;
  const filtered = Boolean(search.q || search.type || search.topicId || search.year);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={2}>
          <PageTitle>{t('library.title')}</PageTitle>
          <Text size="sm" c="dimmed">
            {t('library.subtitle')}
          </Text>
        </Stack>
        <Group gap="xs">
          <ButtonLink to="/study" variant="light">
            {t('library.study.nav')}
          </ButtonLink>
          {canCreate ? (
            <ButtonLink to="/library/new" leftSection={<IconPlus size={16} />} data-testid="document-create">
              {t('library.create')}
            </ButtonLink>
          ) : null}
        </Group>
      </Group>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSearchChange({ q: text.trim() || undefined, page: undefined });
        }}
      >
        <TextInput
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          onBlur={() => onSearchChange({ q: text.trim() || undefined, page: undefined })}
          leftSection={<IconSearch size={16} />}
          placeholder={t('library.searchPlaceholder')}
          aria-label={t('library.searchPlaceholder')}
          data-testid="library-search"
        />
      </form>
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        <Select
          label={t('library.fields.type')}
          placeholder={t('library.allTypes')}
          clearable
          data={DOCUMENT_TYPES.map((type) => ({ value: type, label: t(`library.types.${type}`) }))}
          value={search.type ?? null}
          onChange={(value) => onSearchChange({ type: value ?? undefined, page: undefined })}
        />
        <Select
          label={t('library.fields.topics')}
          placeholder={t('library.allTopics')}
          clearable
          searchable
          data={(topics.data?.items ?? []).map((topic) => ({ value: String(topic.id), label: topic.name }))}
          value={search.topicId ? String(search.topicId) : null}
          onChange={(value) => onSearchChange({ topicId: value ? Number(value) : undefined, page: undefined })}
        />
        <Select
          label={t('library.fields.year')}
          placeholder={t('library.allYears')}
          clearable
          searchable
          data={YEARS}
          value={search.year ? String(search.year) : null}
          onChange={(value) => onSearchChange({ year: value ? Number(value) : undefined, page: undefined })}
        />
      </SimpleGrid>
      {list.isLoading ? (
        <LoadingState />
      ) : list.isError || !list.data ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyBlock
          icon={<IconBooks size={28} />}
          title={filtered ? t('library.emptyFiltered') : t('library.empty')}
          description={
            filtered ? t('library.emptyFilteredHint') : canCreate ? t('library.emptyManagerHint') : undefined
          }
        />
      ) : (
        <Stack gap="sm" opacity={list.isPlaceholderData ? 0.6 : 1}>
          <Text size="sm" c="dimmed">
            {t('library.found', { count: list.data.total })}
          </Text>
          {list.data.items.map((document) => (
            <Card key={document.id} withBorder padding="sm" radius="md" data-testid="document-card">
              <Stack gap={4}>
                <Group gap={6}>
                  <Badge variant="light">{t(`library.types.${document.type}`)}</Badge>
                  {document.number ? (
                    <Text size="sm" fw={600}>
                      {t('library.numberShort', { number: document.number })}
                    </Text>
                  ) : null}
                  {document.issuedOn ? (
                    <Text size="sm" c="dimmed">
                      {formatDate(document.issuedOn)}
                    </Text>
                  ) : null}
                  {document.fileCount > 0 ? (
                    <Group gap={2} c="dimmed">
                      <IconPaperclip size={14} />
                      <Text size="xs">{document.fileCount}</Text>
                    </Group>
                  ) : null}
                </Group>
                <AnchorLink
                  to="/library/$documentId"
                  params={{ documentId: String(document.id) }}
                  fw={600}
                  c="dark"
                  lh={1.35}
                  data-testid="document-title"
                >
                  {document.title}
                </AnchorLink>
                <Text size="xs" c="dimmed">
                  {[document.issuer, t('library.postedBy', { unit: document.unitName })].filter(Boolean).join(' · ')}
                </Text>
              </Stack>
            </Card>
          ))}
          {list.data.total > LIBRARY_PAGE_SIZE ? (
            <PaginationBar
              page={page}
              pageSize={LIBRARY_PAGE_SIZE}
              total={list.data.total}
              onPageChange={(next) => onSearchChange({ page: next === 1 ? undefined : next })}
            />
          ) : null}
        </Stack>
      )}
    </Stack>
  );
}
