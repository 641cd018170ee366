import { Button, CopyButton, Group, Paper, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy, IconExternalLink, IconWorld } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ContestView } from './contest-types';

/** The address of a public contest's own page, for anyone: /thi/:contestId on this site. */
export function publicContestUrl(contestId: number): string {
  return `${window.location.origin}/thi/${contestId}`;
}

/** For organisers of a public contest: the link to share, with a copy button. */
export function PublicLinkBox({ contest }: { contest: ContestView }) {
  const { t } = useTranslation();
  const url = publicContestUrl(contest.id);
  return (
    <Paper withBorder radius="md" p="sm" bg="blue.0" data-testid="public-link">
      <Stack gap={6}>
        <Group gap={6} wrap="nowrap">
          <IconWorld size={18} color="var(--mantine-color-blue-8)" aria-hidden />
          <Text size="sm" fw={600}>
            {t('contests.public.shareTitle')}
          </Text>
        </Group>
        <Text size="xs" c="dimmed">
          {contest.status === 'published' ? t('contests.public.shareHint') : t('contests.public.shareDraft')}
        </Text>
        <Text
          size="sm"
          ff="monospace"
          bg="white"
          px="xs"
          py={6}
          style={{ overflowWrap: 'anywhere', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 6 }}
          data-testid="public-link-url"
        >
          {url}
        </Text>
        <Group gap="xs">
          <CopyButton value={url}>
            {({ copied, copy }) => (
              <Button
                onClick={copy}
                size="sm"
                color={copied ? 'green' : 'blue'}
                leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                data-testid="public-link-copy"
              >
                {copied ? t('common.copied') : t('common.copy')}
              </Button>
            )}
          </CopyButton>
          <Button
            component="a"
            href={url}
            target="_blank"
            rel="noopener"
            size="sm"
            variant="default"
            leftSection={<IconExternalLink size={16} />}
          >
            {t('contests.public.shareOpen')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
