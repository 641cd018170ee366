import type { SurveySummary } from '@lan-toa/contracts';
import { Badge, Card, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconClipboardText, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format';
import { useMe } from '../../app/session';
import { AnchorLink, ButtonLink } from '../../components/links';
import { PageTitle } from '../../components/page-title';
import { EmptyBlock, ErrorState, LoadingState } from '../../components/states';
import { surveysQuery } from './surveys-api';

const STATUS_COLORS = { draft: 'gray', scheduled: 'yellow', open: 'green', closed: 'dark' } as const;

export function SurveyStatusBadge({ status }: { status: SurveySummary['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light">
      {t(`surveys.status.${status}`)}
    </Badge>
  );
}

function SurveyCard({ item, mine }: { item: SurveySummary; mine: boolean }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm" radius="md" data-testid="survey-card">
      <Stack gap={4}>
        <Group gap={6}>
          <SurveyStatusBadge status={item.status} />
          <Badge variant="outline" color={item.anonymous ? 'grape' : 'blue'}>
            {item.anonymous ? t('surveys.anonymous') : t('surveys.named')}
          </Badge>
          {mine && item.responded ? (
            <Badge color="green" variant="light" leftSection={<IconCircleCheck size={12} />}>
              {t('surveys.responded')}
            </Badge>
          ) : null}
        </Group>
        <AnchorLink to="/surveys/$surveyId" params={{ surveyId: String(item.id) }} fw={600} c="dark" lh={1.35}>
          {item.title}
        </AnchorLink>
        <Text size="xs" c="dimmed">
          {t(`surveys.kinds.${item.kind}`)} ·{' '}
          {t('surveys.dates', { from: formatDate(item.opensOn), to: formatDate(item.closesOn), unit: item.unitName })}
        </Text>
      </Stack>
    </Card>
  );
}

/** "Khảo sát": the surveys sent to me (open first), and for managers those their units run. */
export function SurveyListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const manager = me.abilities.manageMembers;
  const [tab, setTab] = useState<'mine' | 'managed'>(manager && me.account.memberId === null ? 'managed' : 'mine');
  const list = useQuery(surveysQuery(tab));
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={2}>
          <PageTitle>{t('surveys.title')}</PageTitle>
          <Text size="sm" c="dimmed">
            {t('surveys.subtitle')}
          </Text>
        </Stack>
        {manager ? (
          <ButtonLink to="/surveys/new" leftSection={<IconPlus size={16} />} data-testid="survey-create">
            {t('surveys.create')}
          </ButtonLink>
        ) : null}
      </Group>
      {manager ? (
        <SegmentedControl
          value={tab}
          onChange={(value) => setTab(value as 'mine' | 'managed')}
          data={[
            { value: 'mine', label: t('surveys.mine') },
            { value: 'managed', label: t('surveys.managed') },
          ]}
          style={{ alignSelf: 'flex-start' }}
        />
      ) : null}
      {list.isLoading ? (
        <LoadingState />
      ) : list.isError || !list.data ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyBlock
          icon={<IconClipboardText size={28} />}
          title={tab === 'mine' ? t('surveys.emptyMine') : t('surveys.emptyManaged')}
          description={tab === 'managed' ? t('surveys.emptyManagedHint') : undefined}
        />
      ) : (
        <Stack gap="sm">
          {list.data.items.map((item) => (
            <SurveyCard key={item.id} item={item} mine={tab === 'mine'} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
