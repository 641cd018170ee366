import { Group, Paper, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber, vnToday } from '../../app/format';
import { useMe } from '../../app/session';
import { PageTitle } from '../../components/page-title';
import { EmptyBlock } from '../../components/states';
import { UnitPicker } from '../../components/unit-picker';
import { deliveriesQuery, documentReachQuery, newsReachQuery } from './communication-api';
import type { CommunicationSearch } from './communication-search';
import { ConfirmationsTable, DeliveriesTable, ReadsByUnitTable, Section, TopArticlesTable } from './reach-sections';

interface CommunicationPageProps {
  search: CommunicationSearch;
  onSearchChange: (patch: Partial<CommunicationSearch>) => void;
}

/**
 * "Hiệu quả truyền thông": reads per article and per unit (news), confirmations per document
 * (library), posts per channel (channels), for a unit and its subtree — each figure from its own
 * module's API, each section standing alone when another is missing or refused.
 */
export function CommunicationPage({ search, onSearchChange }: CommunicationPageProps) {
  const { t } = useTranslation();
  const me = useMe();
  const today = vnToday();
  const thisYear = Number(today.slice(0, 4));
  const year = search.year ?? thisYear;
  const unitId = search.unitId ?? me.homeUnitIds[0];
  const from = `${year}-01-01`;
  const to = year === thisYear ? today : `${year}-12-31`;
  const years = Array.from({ length: 6 }, (_, i) => String(thisYear - i));

  return (
    <Stack gap="md">
      <div>
        <PageTitle>{t('communication.title')}</PageTitle>
        <Text size="sm" c="dimmed" maw={760}>
          {t('communication.intro')}
        </Text>
      </div>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <UnitPicker
          label={t('communication.unit')}
          value={unitId ?? null}
          onChange={(next) => onSearchChange({ unitId: next ?? undefined })}
          w={{ base: '100%', sm: 420 }}
          clearable={false}
        />
        <Select
          label={t('communication.year')}
          data={years}
          value={String(year)}
          onChange={(value) =>
            onSearchChange({ year: value && Number(value) !== thisYear ? Number(value) : undefined })
          }
          w={120}
          allowDeselect={false}
        />
      </Group>
      {unitId === undefined ? (
        <EmptyBlock title={t('communication.noUnit')} />
      ) : (
        <Figures unitId={unitId} year={year} from={from} to={to} />
      )}
    </Stack>
  );
}

function Figures({ unitId, year, from, to }: { unitId: number; year: number; from: string; to: string }) {
  const { t } = useTranslation();
  const news = useQuery(newsReachQuery(unitId, from, to));
  const library = useQuery(documentReachQuery(unitId, year));
  const channels = useQuery(deliveriesQuery(unitId));
  const confirmations = library.data?.items.reduce((sum, d) => sum + d.confirmations, 0);
  const posts = channels.data?.months.reduce((sum, m) => sum + m.published, 0);
  const cards = [
    { key: 'reads', value: news.data?.totalReads },
    { key: 'articles', value: news.data?.publishedArticles },
    { key: 'confirmations', value: confirmations },
    { key: 'posts', value: posts },
  ] as const;

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        {cards.map((card) => (
          <Paper key={card.key} withBorder p="sm" data-testid={`reach-card-${card.key}`}>
            <Text size="xs" c="dimmed">
              {t(`communication.cards.${card.key}`)}
            </Text>
            <Text fw={700} fz="h3">
              {card.value === undefined ? '—' : formatNumber(card.value)}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Section
          title={t('communication.readsByUnit')}
          hint={t('communication.readsByUnitHint', { from: formatDate(from), to: formatDate(to) })}
          query={news}
          isEmpty={(d) => d.units.length === 0}
          empty={t('communication.emptyReads')}
        >
          {(d) => <ReadsByUnitTable data={d} />}
        </Section>
        <Section
          title={t('communication.topArticles')}
          query={news}
          isEmpty={(d) => d.articles.length === 0}
          empty={t('communication.emptyReads')}
        >
          {(d) => <TopArticlesTable data={d} />}
        </Section>
        <Section
          title={t('communication.confirmationsByDocument')}
          hint={t('communication.confirmationsHint')}
          query={library}
          isEmpty={(d) => d.items.length === 0}
          empty={t('communication.emptyConfirmations')}
        >
          {(d) => <ConfirmationsTable data={d} />}
        </Section>
        <Section
          title={t('communication.deliveries')}
          hint={t('communication.deliveriesHint')}
          query={channels}
          isEmpty={(d) => d.months.length === 0}
          empty={t('communication.emptyDeliveries')}
        >
          {(d) => <DeliveriesTable data={d} />}
        </Section>
      </SimpleGrid>
    </Stack>
  );
}
