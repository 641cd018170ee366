import { Badge, Button, Card, Group, Stack, Switch, Table, Text, Tooltip } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconBan, IconFlag, IconListCheck, IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/format';
import { PaginationBar } from '../../components/pagination-bar';
import { EmptyBlock, ErrorState, LoadingState } from '../../components/states';
import { EssayScoreModal, VoidAttemptModal } from './attempt-modals';
import { formatDuration, formatScore, formatVnMoment } from './contest-format';
import type { AttemptAdminRow, RoundView } from './contest-types';
import { ATTEMPTS_PAGE_SIZE, adminAttemptsQuery } from './contests-api';

const STATUS_COLORS = { open: 'blue', submitted: 'green', expired: 'orange', voided: 'red' } as const;

function Flags({ row }: { row: AttemptAdminRow }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {row.flags.map((flag) => (
        <Tooltip key={flag} label={t(`contests.flags.${flag}`)} multiline w={220}>
          <Badge color="orange" variant="light" leftSection={<IconFlag size={12} />} tt="none">
            {t(`contests.flagsShort.${flag}`)}
          </Badge>
        </Tooltip>
      ))}
    </Group>
  );
}

/** Every attempt of a round, flagged ones on demand; void one with a reason, score essays. */
export function AttemptsAdmin({ round }: { round: RoundView }) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [flagged, setFlagged] = useState(false);
  const [page, setPage] = useState(1);
  const [voiding, setVoiding] = useState<AttemptAdminRow | null>(null);
  const [scoring, setScoring] = useState<AttemptAdminRow | null>(null);
  const list = useQuery(adminAttemptsQuery(round.id, flagged, page));
  const hasEssay = round.essayQuestion !== null;

  const actions = (row: AttemptAdminRow) => (
    <Group gap={4} wrap="nowrap">
      {hasEssay && row.status !== 'open' && row.status !== 'voided' ? (
        <Button
          size="compact-xs"
          variant="light"
          leftSection={<IconPencil size={12} />}
          color={row.essayScore === null ? 'blue' : 'gray'}
          onClick={() => setScoring(row)}
          data-testid="attempt-score-essay"
        >
          {row.essayScore === null
            ? t('contests.attempts.scoreEssay')
            : t('contests.attempts.essayScored', { score: formatNumber(row.essayScore) })}
        </Button>
      ) : null}
      {row.status === 'submitted' || row.status === 'expired' ? (
        <Button
          size="compact-xs"
          variant="subtle"
          color="red"
          leftSection={<IconBan size={12} />}
          onClick={() => setVoiding(row)}
          data-testid="attempt-void"
        >
          {t('contests.attempts.void')}
        </Button>
      ) : null}
    </Group>
  );
  const status = (row: AttemptAdminRow) => (
    <Text size="sm" fw={600} c={`${STATUS_COLORS[row.status]}.8`} style={{ whiteSpace: 'nowrap', flexShrink: 0 }}>
      {t(`contests.attemptStatus.${row.status}`)}
    </Text>
  );

  return (
    <Stack gap="sm">
      <Switch
        label={t('contests.attempts.flaggedOnly')}
        checked={flagged}
        onChange={(event) => {
          setFlagged(event.currentTarget.checked);
          setPage(1);
        }}
      />
      {list.isLoading ? (
        <LoadingState />
      ) : list.isError || !list.data ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyBlock
          icon={<IconListCheck size={28} />}
          title={flagged ? t('contests.attempts.noFlagged') : t('contests.attempts.empty')}
          description={flagged ? t('contests.attempts.noFlaggedHint') : t('contests.attempts.emptyHint')}
        />
      ) : (
        <Stack gap="sm" opacity={list.isPlaceholderData ? 0.6 : 1}>
          {phone ? (
            <Stack gap="xs">
              {list.data.items.map((row) => (
                <Card key={row.attemptId} withBorder padding="sm">
                  <Stack gap={4}>
                    <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                      <Stack gap={0} miw={0}>
                        <Text size="sm" fw={600}>
                          {row.fullName}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {row.unitName}
                        </Text>
                      </Stack>
                      {status(row)}
                    </Group>
                    <Text size="xs">
                      {t('contests.round.attemptLine', { number: row.attemptNo })} · {formatVnMoment(row.startedAt)} ·{' '}
                      {formatScore(row.correct, round.questionCount)} · {formatDuration(row.timeUsedSeconds, t)}
                    </Text>
                    <Flags row={row} />
                    {row.voidReason ? (
                      <Text size="xs" c="red.8">
                        {t('contests.attempts.voidReasonLine', { reason: row.voidReason })}
                      </Text>
                    ) : null}
                    {actions(row)}
                  </Stack>
                </Card>
              ))}
            </Stack>
          ) : (
            <Table.ScrollContainer minWidth={880} type="native">
              <Table striped highlightOnHover verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('contests.ranking.name')}</Table.Th>
                    <Table.Th ta="right">{t('contests.attempts.number')}</Table.Th>
                    <Table.Th w={150}>{t('contests.attempts.status')}</Table.Th>
                    <Table.Th>{t('contests.attempts.startedAt')}</Table.Th>
                    <Table.Th ta="right">{t('contests.ranking.correct')}</Table.Th>
                    <Table.Th ta="right">{t('contests.ranking.time')}</Table.Th>
                    <Table.Th>{t('contests.attempts.ip')}</Table.Th>
                    <Table.Th>{t('contests.attempts.flags')}</Table.Th>
                    <Table.Th>{t('common.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((row) => (
                    <Table.Tr key={row.attemptId} data-testid="admin-attempt">
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {row.fullName}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {row.unitName}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">{formatNumber(row.attemptNo)}</Table.Td>
                      <Table.Td>
                        {status(row)}
                        {row.voidReason ? (
                          <Text size="xs" c="red.8" maw={200}>
                            {row.voidReason}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                          {formatVnMoment(row.startedAt)}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">{formatScore(row.correct, round.questionCount)}</Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {formatDuration(row.timeUsedSeconds, t)}
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs" ff="monospace">
                          {row.ip ?? '—'}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Flags row={row} />
                      </Table.Td>
                      <Table.Td>{actions(row)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <PaginationBar page={page} pageSize={ATTEMPTS_PAGE_SIZE} total={list.data.total} onPageChange={setPage} />
        </Stack>
      )}
      <VoidAttemptModal row={voiding} onClose={() => setVoiding(null)} />
      <EssayScoreModal row={scoring} essayQuestion={round.essayQuestion} onClose={() => setScoring(null)} />
    </Stack>
  );
}
