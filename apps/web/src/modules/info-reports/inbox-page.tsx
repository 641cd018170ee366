import { Badge, Box, Card, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconChartLine } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format';
import { AnchorLink, ButtonLink } from '../../components/links';
import { PageTitle } from '../../components/page-title';
import { PaginationBar } from '../../components/pagination-bar';
import { EmptyBlock, ErrorState, LoadingState } from '../../components/states';
import { INBOX_PAGE_SIZE, inboxQuery } from './info-reports-api';
import { STATUSES as INFO_REPORT_STATUSES } from './info-reports-enums';
import { StatusBadge } from './report-badges';

/** The province's triage inbox: reports by status, newest first. */
export function InboxPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string>('new');
  const [page, setPage] = useState(1);
  const query = useQuery(inboxQuery(status === 'all' ? null : status, page));
  const counts = query.data?.counts ?? {};
  // One filter, shown stacked on a phone and in a row from "sm" up.
  const filter = {
    value: status,
    onChange: (value: string) => {
      setStatus(value);
      setPage(1);
    },
    data: [
      { value: 'all', label: t('infoReports.inbox.all') },
      ...INFO_REPORT_STATUSES.map((s) => ({
        value: s,
        label: `${t(`infoReports.statuses.${s}`)}${counts[s] ? ` (${counts[s]})` : ''}`,
      })),
    ],
  };
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <PageTitle>{t('infoReports.inbox.title')}</PageTitle>
        <ButtonLink to="/info-reports/trend" variant="light" leftSection={<IconChartLine size={16} />}>
          {t('infoReports.inbox.trend')}
        </ButtonLink>
      </Group>
      <SegmentedControl {...filter} orientation="vertical" hiddenFrom="sm" fullWidth />
      <SegmentedControl {...filter} visibleFrom="sm" />
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <EmptyBlock title={t('infoReports.inbox.empty')} description={t('infoReports.inbox.emptyHint')} />
      ) : (
        <>
          {query.data.items.map((report) => (
            <Card key={report.id} withBorder padding="sm">
              <Stack gap={4}>
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <AnchorLink
                    to="/info-reports/$reportId"
                    params={{ reportId: report.id }}
                    fw={500}
                    lineClamp={2}
                    style={{ minWidth: 0 }}
                  >
                    {report.description ?? report.url ?? t('infoReports.inbox.noDescription')}
                  </AnchorLink>
                  {/* Not shrunk below its width: on a phone the badge was cut to "M" for "Mới". */}
                  <Box style={{ flexShrink: 0, maxWidth: '45%' }}>
                    <StatusBadge status={report.status} />
                  </Box>
                </Group>
                <Group gap="xs">
                  <Badge variant="outline" color="gray">
                    {t(`infoReports.platforms.${report.platform}`)}
                  </Badge>
                  <Text size="sm" c="dimmed">
                    {t('infoReports.inbox.reportedOn', { date: formatDate(report.reportedOn) })} ·{' '}
                    {report.anonymous ? t('infoReports.inbox.anonymous') : report.reporterName}
                  </Text>
                </Group>
              </Stack>
            </Card>
          ))}
          {query.data.total > INBOX_PAGE_SIZE ? (
            <PaginationBar page={page} pageSize={INBOX_PAGE_SIZE} total={query.data.total} onPageChange={setPage} />
          ) : null}
        </>
      )}
    </Stack>
  );
}
