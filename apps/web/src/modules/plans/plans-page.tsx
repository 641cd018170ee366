import { Button, Card, Group, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback, useMediaQuery } from '@mantine/hooks';
import { IconChartBar, IconFileText, IconPlus, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format';
import { useMe } from '../../app/session';
import type { PlanSummary } from '../../app/types';
import { AnchorLink, ButtonLink } from '../../components/links';
import { PageTitle } from '../../components/page-title';
import { PaginationBar } from '../../components/pagination-bar';
import { EmptyBlock, ErrorState, LoadingState } from '../../components/states';
import { PlanStatusBadge } from './plan-badges';
import { canCreatePlans, PlanCreateModal } from './plan-create-modal';
import { planListQuery } from './plans-api';
import type { PlansSearch } from './plans-search';

interface PlansPageProps {
  search: PlansSearch;
  onSearchChange: (patch: Partial<PlansSearch>) => void;
}

function PlanLink({ plan }: { plan: PlanSummary }) {
  return (
    <AnchorLink to="/plans/$planId" params={{ planId: String(plan.id) }} fw={600} size="sm">
      {plan.title}
    </AnchorLink>
  );
}

export function PlansPage({ search, onSearchChange }: PlansPageProps) {
  const { t } = useTranslation();
  const me = useMe();
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [creating, setCreating] = useState(false);
  const [q, setQ] = useState(search.q ?? '');
  const pushQ = useDebouncedCallback(
    (value: string) => onSearchChange({ q: value || undefined, page: undefined }),
    300,
  );
  const list = useQuery(planListQuery({ q: search.q, status: search.status, page: search.page ?? 1, pageSize: 25 }));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={2}>
          <PageTitle>{t('plans.title')}</PageTitle>
          <Text size="sm" c="dimmed">
            {t('plans.subtitle')}
          </Text>
        </Stack>
        <Group gap="xs">
          <ButtonLink to="/dashboard" variant="light" leftSection={<IconChartBar size={16} />}>
            {t('plans.viewProgress')}
          </ButtonLink>
          {canCreatePlans(me) ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              {t('plans.create.button')}
            </Button>
          ) : null}
        </Group>
      </Group>
      <Group gap="sm" wrap="wrap">
        <TextInput
          flex="1 1 240px"
          leftSection={<IconSearch size={16} />}
          placeholder={t('plans.searchPlaceholder')}
          aria-label={t('plans.search')}
          value={q}
          onChange={(event) => {
            setQ(event.currentTarget.value);
            pushQ(event.currentTarget.value.trim());
          }}
        />
        <SegmentedControl
          value={search.status ?? 'all'}
          onChange={(value) =>
            onSearchChange({ status: value === 'all' ? undefined : (value as PlansSearch['status']), page: undefined })
          }
          data={[
            { value: 'all', label: t('common.all') },
            { value: 'issued', label: t('plans.status.issued') },
            { value: 'draft', label: t('plans.status.draft') },
          ]}
        />
      </Group>
      {list.isLoading ? (
        <LoadingState />
      ) : list.isError || !list.data ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyBlock icon={<IconFileText size={28} />} title={t('plans.empty')} description={t('plans.emptyHint')} />
      ) : (
        <Stack gap="sm" opacity={list.isPlaceholderData ? 0.6 : 1}>
          {phone ? (
            <Stack gap="xs">
              {list.data.items.map((plan) => (
                <Card key={plan.id} withBorder padding="sm" data-testid="plan-row">
                  <Stack gap={4}>
                    <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                      <Text size="sm" fw={600}>
                        {plan.number ? t('plans.numberLine', { number: plan.number }) : t('plans.noNumber')}
                      </Text>
                      <PlanStatusBadge plan={plan} />
                    </Group>
                    <PlanLink plan={plan} />
                    <Text size="xs" c="dimmed">
                      {plan.unitName} · {t('plans.term', { start: plan.termStart, end: plan.termEnd })}
                      {plan.signedOn ? ` · ${formatDate(plan.signedOn)}` : ''}
                    </Text>
                  </Stack>
                </Card>
              ))}
            </Stack>
          ) : (
            <Table.ScrollContainer minWidth={760}>
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={140}>{t('plans.fields.number')}</Table.Th>
                    <Table.Th>{t('plans.fields.title')}</Table.Th>
                    <Table.Th w={220}>{t('plans.fields.unit')}</Table.Th>
                    <Table.Th w={110}>{t('plans.fields.term')}</Table.Th>
                    <Table.Th w={110}>{t('plans.fields.signedOn')}</Table.Th>
                    <Table.Th w={140}>{t('plans.fields.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((plan) => (
                    <Table.Tr key={plan.id} data-testid="plan-row">
                      <Table.Td>{plan.number || '—'}</Table.Td>
                      <Table.Td>
                        <PlanLink plan={plan} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{plan.unitName}</Text>
                      </Table.Td>
                      <Table.Td>{`${plan.termStart}–${plan.termEnd}`}</Table.Td>
                      <Table.Td>{formatDate(plan.signedOn)}</Table.Td>
                      <Table.Td>
                        <PlanStatusBadge plan={plan} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <PaginationBar
            page={list.data.page}
            pageSize={list.data.pageSize}
            total={list.data.total}
            onPageChange={(page) => onSearchChange({ page: page === 1 ? undefined : page })}
          />
        </Stack>
      )}
      <PlanCreateModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
