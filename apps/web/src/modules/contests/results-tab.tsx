import { Button, Group, Paper, SegmentedControl, Select, Stack } from '@mantine/core';
import { IconChartBar, IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyBlock } from '../../components/states';
import { AttemptsAdmin } from './attempts-admin';
import type { ContestView } from './contest-types';
import { rankingXlsxUrl } from './contests-api';
import { ParticipationTable } from './participation-table';
import { RankingTable } from './ranking-table';

type Section = 'ranking' | 'units' | 'attempts';
const OVERALL = 'overall';

/** Rankings with prizes, unit participation, and the attempts organisers check and void. */
export function ResultsTab({ contest }: { contest: ContestView }) {
  const { t } = useTranslation();
  const rounds = [...contest.rounds].sort((a, b) => a.number - b.number);
  const current =
    rounds.find((r) => r.state === 'open') ?? rounds.filter((r) => r.state === 'closed').at(-1) ?? rounds[0];
  const [section, setSection] = useState<Section>('ranking');
  const [choice, setChoice] = useState<string>(current ? String(current.id) : OVERALL);

  if (rounds.length === 0) {
    return (
      <EmptyBlock
        icon={<IconChartBar size={28} />}
        title={t('contests.results.noRounds')}
        description={t('contests.rounds.emptyHint')}
      />
    );
  }
  const roundId = choice === OVERALL ? null : Number(choice);
  const round = rounds.find((r) => r.id === roundId) ?? null;
  // Attempts belong to a round: the overall choice falls back to the current round there.
  const attemptsRound = round ?? current ?? rounds[0];
  const options = [
    ...rounds.map((r) => ({
      value: String(r.id),
      label: t('contests.results.roundOption', { number: r.number, title: r.title }),
    })),
    ...(section === 'attempts' ? [] : [{ value: OVERALL, label: t('contests.results.overall') }]),
  ];

  return (
    <Stack gap="sm">
      <SegmentedControl
        value={section}
        onChange={(value) => setSection(value as Section)}
        data={[
          { value: 'ranking', label: t('contests.results.ranking') },
          { value: 'units', label: t('contests.results.units') },
          { value: 'attempts', label: t('contests.results.attempts') },
        ]}
        fullWidth
        maw={520}
      />
      <Group gap="sm" align="flex-end" justify="space-between">
        <Select
          label={t('contests.results.round')}
          data={options}
          value={section === 'attempts' && choice === OVERALL ? String(attemptsRound?.id) : choice}
          onChange={(value) => value && setChoice(value)}
          allowDeselect={false}
          w={{ base: '100%', sm: 360 }}
        />
        {section === 'ranking' ? (
          <Button
            component="a"
            href={rankingXlsxUrl(contest.id, roundId)}
            download
            variant="default"
            leftSection={<IconDownload size={16} />}
          >
            {t('contests.results.exportXlsx')}
          </Button>
        ) : null}
      </Group>
      <Paper withBorder radius="md" p={{ base: 'xs', sm: 'md' }}>
        {section === 'ranking' ? (
          <RankingTable key={choice} contestId={contest.id} roundId={roundId} manager />
        ) : section === 'units' ? (
          <ParticipationTable key={choice} contestId={contest.id} roundId={roundId} />
        ) : attemptsRound ? (
          <AttemptsAdmin key={attemptsRound.id} round={attemptsRound} />
        ) : null}
      </Paper>
    </Stack>
  );
}
