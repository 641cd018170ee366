import {
  Badge,
  Breadcrumbs,
  Card,
  Group,
  Paper,
  Progress,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { foldVietnamese, formatDate, formatNumber, formatPercent } from '../../app/format';
import type { CascadeItem } from '../../app/types';
import { AnchorLink } from '../../components/links';
import { PageTitle } from '../../components/page-title';
import { EmptyBlock, ErrorState, LoadingState } from '../../components/states';
import { CASCADE_SORTS, type CascadeSearch } from './cascade-search';
import { CASCADE_STATUSES } from './plan-labels';
import { cascadeQuery, planQuery } from './plans-api';

type CascadeStatus = (typeof CASCADE_STATUSES)[number];
const COLORS: Record<CascadeStatus, string> = { none: 'red', draft: 'yellow', issued: 'green' };

function CascadeBadge({ status }: { status: CascadeStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light">
      {t(`plans.cascade.status.${status}`)}
    </Badge>
  );
}

function UnitPlan({ item }: { item: CascadeItem }) {
  const { t } = useTranslation();
  if (item.planId === null) return <Text size="sm">—</Text>;
  return (
    <Stack gap={0}>
      <AnchorLink to="/plans/$planId" params={{ planId: String(item.planId) }} size="sm">
        {item.planNumber ? t('plans.numberLine', { number: item.planNumber }) : t('plans.untitledNumber')}
      </AnchorLink>
      {item.signedOn ? (
        <Text size="xs" c="dimmed">
          {formatDate(item.signedOn)}
        </Text>
      ) : null}
    </Stack>
  );
}

interface CascadePageProps {
  planId: number;
  search: CascadeSearch;
  onSearchChange: (patch: Partial<CascadeSearch>) => void;
}

/** Which units below have built and issued their own plan from this one, and which have not. */
export function CascadePage({ planId, search, onSearchChange }: CascadePageProps) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const plan = useQuery(planQuery(planId));
  const sort = search.sort ?? 'status';
  const cascade = useQuery(cascadeQuery(planId, search.status, sort));
  const [q, setQ] = useState('');
  const items = useMemo(() => {
    const needle = foldVietnamese(q);
    const all = cascade.data?.items ?? [];
    return needle ? all.filter((item) => foldVietnamese(item.unitName).includes(needle)) : all;
  }, [cascade.data, q]);

  if (cascade.isLoading || plan.isLoading) return <LoadingState />;
  if (cascade.isError || !cascade.data)
    return <ErrorState error={cascade.error} onRetry={() => void cascade.refetch()} />;
  const { counts } = cascade.data;
  const share = (value: number) => (counts.total > 0 ? (value / counts.total) * 100 : 0);

  return (
    <Stack gap="md">
      <Breadcrumbs separatorMargin={6}>
        <AnchorLink to="/plans" size="sm">
          {t('nav.plans')}
        </AnchorLink>
        <AnchorLink to="/plans/$planId" params={{ planId: String(planId) }} size="sm">
          {plan.data?.number || t('plans.untitledNumber')}
        </AnchorLink>
        <Text size="sm" c="dimmed" aria-current="page">
          {t('plans.cascade.title')}
        </Text>
      </Breadcrumbs>
      <Stack gap={2}>
        <PageTitle>{t('plans.cascade.title')}</PageTitle>
        <Text size="sm" c="dimmed">
          {t('plans.cascade.subtitle', { unit: cascade.data.unitName, title: plan.data?.title ?? '' })}
        </Text>
      </Stack>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            {(['total', 'issued', 'draft', 'none'] as const).map((key) => (
              <Stack key={key} gap={0}>
                <Text size="xs" c="dimmed">
                  {t(`plans.cascade.counts.${key}`)}
                </Text>
                <Text fz={24} fw={700} c={key === 'total' ? undefined : `${COLORS[key]}.8`}>
                  {formatNumber(counts[key])}
                  {key !== 'total' ? (
                    <Text span size="sm" c="dimmed" fw={400}>
                      {' '}
                      ({formatPercent(share(counts[key]))})
                    </Text>
                  ) : null}
                </Text>
              </Stack>
            ))}
          </SimpleGrid>
          <Progress.Root size="lg" aria-label={t('plans.cascade.bar')}>
            <Progress.Section value={share(counts.issued)} color="green" />
            <Progress.Section value={share(counts.draft)} color="yellow" />
            <Progress.Section value={share(counts.none)} color="red" />
          </Progress.Root>
        </Stack>
      </Paper>
      <Group gap="sm" wrap="wrap" align="flex-end">
        <TextInput
          flex="1 1 220px"
          leftSection={<IconSearch size={16} />}
          placeholder={t('units.filterPlaceholder')}
          aria-label={t('units.filter')}
          value={q}
          onChange={(event) => setQ(event.currentTarget.value)}
        />
        <SegmentedControl
          value={search.status ?? 'all'}
          onChange={(value) => onSearchChange({ status: value === 'all' ? undefined : (value as CascadeStatus) })}
          data={[
            { value: 'all', label: t('common.all') },
            ...CASCADE_STATUSES.map((status) => ({ value: status, label: t(`plans.cascade.status.${status}`) })),
          ]}
        />
        <Select
          w={220}
          aria-label={t('plans.cascade.sort')}
          data={CASCADE_SORTS.map((value) => ({ value, label: t(`plans.cascade.sorts.${value}`) }))}
          value={sort}
          onChange={(value) =>
            value && onSearchChange({ sort: value === 'status' ? undefined : (value as CascadeSearch['sort']) })
          }
          allowDeselect={false}
        />
      </Group>
      {items.length === 0 ? (
        <EmptyBlock title={t('plans.cascade.empty')} />
      ) : phone ? (
        <Stack gap="xs" opacity={cascade.isPlaceholderData ? 0.6 : 1}>
          {items.map((item) => (
            <Card key={item.unitId} withBorder padding="sm" data-testid="cascade-row">
              <Stack gap={4}>
                <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                  <Text size="sm" fw={600}>
                    {item.unitName}
                  </Text>
                  <CascadeBadge status={item.status} />
                </Group>
                <Text size="xs" c="dimmed">
                  {item.kindName}
                  {item.parentUnitName && item.depth > 1 ? ` · ${item.parentUnitName}` : ''}
                </Text>
                <UnitPlan item={item} />
              </Stack>
            </Card>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover opacity={cascade.isPlaceholderData ? 0.6 : 1}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('plans.cascade.unit')}</Table.Th>
                <Table.Th>{t('plans.cascade.parent')}</Table.Th>
                <Table.Th w={160}>{t('plans.fields.status')}</Table.Th>
                <Table.Th w={180}>{t('plans.cascade.plan')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.unitId} data-testid="cascade-row">
                  <Table.Td>
                    <Stack gap={0}>
                      <Text size="sm" fw={500}>
                        {item.unitName}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {item.kindName}
                      </Text>
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{item.parentUnitName ?? '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <CascadeBadge status={item.status} />
                  </Table.Td>
                  <Table.Td>
                    <UnitPlan item={item} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
