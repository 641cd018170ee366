import { Alert, Anchor, Badge, Button, Card, Group, Image, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/errors';
import { formatDate, formatDateTime } from '../../app/format';
import { ButtonLink } from '../../components/links';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState } from '../../components/states';
import { type InfoReportDetail, reportQuery, useTransition } from './info-reports-api';
import { StatusBadge } from './report-badges';
import { ResponseForm } from './response-form';

/** One report: what was reported, the triage buttons the server allows, the response and history. */
export function ReportDetailPage({ reportId }: { reportId: string }) {
  const { t } = useTranslation();
  const query = useQuery(reportQuery(reportId));
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const report = query.data;
  const staff = report.abilities.respond || report.abilities.startVerifying;
  const row = (label: string, value: string | null) =>
    value ? (
      <Text size="sm">
        <Text span c="dimmed">
          {label}:
        </Text>{' '}
        {value}
      </Text>
    ) : null;
  return (
    <Stack gap="md" maw={760}>
      <ButtonLink
        to={staff ? '/info-reports/inbox' : '/info-reports'}
        variant="subtle"
        leftSection={<IconArrowLeft size={16} />}
        w="fit-content"
        px={0}
      >
        {/* Names the list it goes back to, like the other pages' back links. */}
        {staff ? t('infoReports.inbox.title') : t('infoReports.form.title')}
      </ButtonLink>
      <Stack gap={6}>
        <PageTitle>{t('infoReports.detail.title')}</PageTitle>
        <Group gap="xs">
          <StatusBadge status={report.status} />
          <Badge variant="outline" color="gray">
            {t(`infoReports.platforms.${report.platform}`)}
          </Badge>
        </Group>
      </Stack>
      <Card withBorder padding="md">
        <Stack gap="xs">
          {report.description ? <Text style={{ whiteSpace: 'pre-wrap' }}>{report.description}</Text> : null}
          {report.url ? (
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              <Text span c="dimmed">
                {t('infoReports.detail.link')}:
              </Text>{' '}
              <Anchor href={report.url} target="_blank" rel="noopener noreferrer nofollow">
                {report.url}
              </Anchor>
            </Text>
          ) : null}
          {report.hasScreenshot ? (
            <Anchor href={`/api/info-reports/${report.id}/screenshot`} target="_blank">
              <Image
                src={`/api/info-reports/${report.id}/screenshot/thumbnail`}
                alt={t('infoReports.detail.screenshot')}
                maw={320}
                radius="sm"
              />
            </Anchor>
          ) : null}
          {staff
            ? row(
                t('infoReports.detail.reporter'),
                report.anonymous
                  ? t('infoReports.detail.anonymous')
                  : [report.reporterName, report.reporterUnitName].filter(Boolean).join(' — '),
              )
            : null}
          {row(t('infoReports.detail.reportedOn'), formatDate(report.reportedOn))}
          {row(t('infoReports.detail.triagedOn'), report.triagedOn ? formatDate(report.triagedOn) : null)}
          {row(t('infoReports.detail.concludedOn'), report.concludedOn ? formatDate(report.concludedOn) : null)}
        </Stack>
      </Card>
      {staff ? <TriageButtons report={report} /> : null}
      <Title order={2} size="h4">
        {t('infoReports.detail.response')}
      </Title>
      {report.abilities.respond ? (
        <ResponseForm report={report} />
      ) : staff ? (
        <Text c="dimmed">{t('infoReports.detail.respondAfterStart')}</Text>
      ) : (
        <ResponseSummary report={report} />
      )}
      {report.events.length > 0 ? (
        <Stack gap={4}>
          <Title order={2} size="h4">
            {t('infoReports.detail.history')}
          </Title>
          {report.events.map((event) => (
            <Text size="sm" key={`${event.at}-${event.to}`}>
              {formatDateTime(event.at)} — {t(`infoReports.statuses.${event.to}`)}
              {event.by ? ` (${event.by})` : ''}
              {event.note ? `: ${event.note}` : ''}
            </Text>
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
}

function ResponseSummary({ report }: { report: InfoReportDetail }) {
  const { t } = useTranslation();
  if (!report.clarificationArticle && !report.letterNumber && !report.letterRecipient) {
    return <Text c="dimmed">{t('infoReports.detail.noResponse')}</Text>;
  }
  return (
    <Stack gap={4}>
      {report.clarificationArticle ? (
        <Text size="sm">
          {t('infoReports.detail.article')}:{' '}
          <Anchor href={`/tin-tuc/${report.clarificationArticle.slug}`} target="_blank">
            {report.clarificationArticle.title}
          </Anchor>
        </Text>
      ) : null}
      {report.letterRecipient || report.letterNumber ? (
        <Text size="sm">
          {[report.letterNumber, report.letterRecipient, report.letterSentOn ? formatDate(report.letterSentOn) : null]
            .filter(Boolean)
            .join(' — ')}
        </Text>
      ) : null}
    </Stack>
  );
}

function TriageButtons({ report }: { report: InfoReportDetail }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const transition = useTransition(report.id);
  const a = report.abilities;
  const go = (to: string) =>
    transition.mutate({ to, ...(note.trim() ? { note: note.trim() } : {}) }, { onSuccess: () => setNote('') });
  const buttons = [
    a.startVerifying && { to: 'verifying', label: t('infoReports.detail.startVerifying'), color: 'blue' },
    a.conclude && { to: 'verified', label: t('infoReports.detail.verified'), color: 'red' },
    a.conclude && { to: 'false_alarm', label: t('infoReports.detail.falseAlarm'), color: 'gray' },
    a.handOver && { to: 'handed_over', label: t('infoReports.detail.handOver'), color: 'grape' },
    a.reopen && { to: 'verifying', label: t('infoReports.detail.reopen'), color: 'yellow' },
  ].filter((b): b is { to: string; label: string; color: string } => Boolean(b));
  if (buttons.length === 0) return null;
  return (
    <Card withBorder padding="md">
      <Stack gap="xs">
        <Textarea
          label={t('infoReports.detail.note')}
          autosize
          minRows={1}
          maxLength={2000}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
        <Group gap="xs">
          {buttons.map((b) => (
            <Button
              key={b.label}
              color={b.color}
              variant="light"
              loading={transition.isPending}
              onClick={() => go(b.to)}
            >
              {b.label}
            </Button>
          ))}
        </Group>
        {transition.error ? (
          <Alert color="red" role="alert">
            {errorMessage(transition.error, t)}
          </Alert>
        ) : null}
      </Stack>
    </Card>
  );
}
