import { Button, Group, Paper, Select, SimpleGrid, Stack } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconHistory, IconHome, IconLock, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { today } from '../../app/format';
import { useMe } from '../../app/session';
import { DateField } from '../../components/date-input';
import { foldFilter } from '../../components/fold-filter';
import { ButtonLink } from '../../components/links';
import { PageTitle } from '../../components/page-title';
import { PaginationBar } from '../../components/pagination-bar';
import { EmptyBlock, ErrorState, LoadingState } from '../../components/states';
import { AUDIT_PAGE_SIZE, auditActionOptions, auditQuery } from './audit-api';
import { AuditCards, AuditTable } from './audit-list';
import type { AuditSearch } from './audit-search';

interface AuditPageProps {
  search: AuditSearch;
  onSearchChange: (patch: Partial<AuditSearch>) => void;
}

export function AuditPage(props: AuditPageProps) {
  const { t } = useTranslation();
  const me = useMe();
  if (!me.abilities.viewAudit) {
    return (
      <EmptyBlock
        icon={<IconLock size={28} />}
        title={t('errors.forbiddenPage')}
        description={t('errors.hintForbidden')}
        action={
          <ButtonLink to="/" variant="light" leftSection={<IconHome size={16} />}>
            {t('nav.home')}
          </ButtonLink>
        }
      />
    );
  }
  return <AuditContent {...props} />;
}

function AuditContent({ search, onSearchChange }: AuditPageProps) {
  const { t, i18n } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const list = useQuery(auditQuery(search));
  const actionOptions = useMemo(() => auditActionOptions(i18n.language), [i18n.language]);
  const filtered = Boolean(search.action || search.from || search.to);
  const rangeError = search.from && search.to && search.from > search.to ? t('audit.rangeInvalid') : undefined;

  return (
    <Stack gap="md">
      <PageTitle>{t('audit.title')}</PageTitle>
      <Paper withBorder p="sm">
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <Select
            label={t('audit.action')}
            placeholder={t('audit.actionPlaceholder')}
            leftSection={<IconSearch size={16} />}
            data={actionOptions}
            value={search.action ?? null}
            onChange={(value) => onSearchChange({ action: value ?? undefined, page: undefined })}
            searchable
            clearable
            filter={foldFilter}
            nothingFoundMessage={t('audit.noAction')}
          />
          <DateField
            label={t('common.from')}
            value={search.from ?? ''}
            onChange={(value) => onSearchChange({ from: value || undefined, page: undefined })}
            maxDate={search.to && search.to < today() ? search.to : today()}
            error={rangeError}
          />
          <DateField
            label={t('common.to')}
            value={search.to ?? ''}
            onChange={(value) => onSearchChange({ to: value || undefined, page: undefined })}
            minDate={search.from}
            maxDate={today()}
          />
        </SimpleGrid>
        {filtered ? (
          <Group justify="flex-end" mt="xs">
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() => {
                onSearchChange({ action: undefined, from: undefined, to: undefined, page: undefined });
              }}
            >
              {t('audit.clearFilters')}
            </Button>
          </Group>
        ) : null}
      </Paper>
      <Paper withBorder p={{ base: 'xs', sm: 'md' }}>
        {list.isLoading ? (
          <LoadingState />
        ) : list.isError || !list.data ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.items.length === 0 ? (
          <EmptyBlock
            icon={<IconHistory size={28} />}
            title={filtered ? t('audit.noMatch') : t('audit.empty')}
            description={filtered ? t('audit.noMatchHint') : t('audit.emptyHint')}
          />
        ) : (
          <Stack gap="sm" opacity={list.isPlaceholderData ? 0.6 : 1}>
            {phone ? <AuditCards events={list.data.items} /> : <AuditTable events={list.data.items} />}
            <PaginationBar
              page={list.data.page}
              pageSize={list.data.pageSize || AUDIT_PAGE_SIZE}
              total={list.data.total}
              onPageChange={(page) => onSearchChange({ page: page === 1 ? undefined : page })}
            />
          </Stack>
        )}
      </Paper>
    </Stack>
  );
}
