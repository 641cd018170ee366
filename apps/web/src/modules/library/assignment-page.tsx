import { Badge, Card, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { IconClock } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format';
import { useMe } from '../../app/session';
import { AnchorLink } from '../../components/links';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState } from '../../components/states';
import { AssignmentProgressPanel } from './assignment-progress';
import { ConfirmPanel } from './assignment-quiz';
import { DocumentFiles } from './document-files';
import { assignmentQuery } from './library-api';

/** One study assignment: the documents to read, the member's confirmation, the unit's progress. */
export function AssignmentPage({ assignmentId }: { assignmentId: number }) {
  const { t } = useTranslation();
  const me = useMe();
  const query = useQuery(assignmentQuery(assignmentId));
  if (query.isLoading) return <LoadingState />;
  if (query.isError || !query.data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const assignment = query.data;
  // Managers of the assigning unit, or of a unit inside the audience (the server scopes their rows).
  const follows = assignment.canManage || me.abilities.manageMembers;

  return (
    <Stack gap="md" maw={900}>
      <AnchorLink to="/study" size="sm">
        {t('library.study.back')}
      </AnchorLink>
      <Stack gap={4}>
        <PageTitle data-testid="assignment-heading">{assignment.title}</PageTitle>
        <Group gap={6} wrap="nowrap" align="flex-start">
          <IconClock size={16} style={{ flexShrink: 0, marginTop: 2 }} />
          <Text size="sm">
            {t('library.study.deadlineBy', { date: formatDate(assignment.deadline), unit: assignment.unitName })}
          </Text>
        </Group>
        <Group gap={6}>
          {assignment.countsAsStudy ? (
            <Badge variant="outline" color="grape">
              {t('library.study.countsShort')}
            </Badge>
          ) : null}
        </Group>
        {assignment.note ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {assignment.note}
          </Text>
        ) : null}
      </Stack>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('library.study.documents')}
        </Title>
        {assignment.documents.map((document) => (
          <Card key={document.id} withBorder radius="md" padding="sm" data-testid="assignment-document">
            <Stack gap={6}>
              <Group gap={6}>
                <Badge variant="light">{t(`library.types.${document.type}`)}</Badge>
                {document.number ? (
                  <Text size="sm" fw={600}>
                    {document.number}
                  </Text>
                ) : null}
                {document.issuedOn ? (
                  <Text size="sm" c="dimmed">
                    {formatDate(document.issuedOn)}
                  </Text>
                ) : null}
              </Group>
              <AnchorLink
                to="/library/$documentId"
                params={{ documentId: String(document.id) }}
                fw={600}
                c="dark"
                lh={1.35}
                data-testid="assignment-document-link"
              >
                {document.title}
              </AnchorLink>
              {document.issuer ? (
                <Text size="xs" c="dimmed">
                  {document.issuer}
                </Text>
              ) : null}
              <DocumentFiles files={document.files} />
            </Stack>
          </Card>
        ))}
      </Stack>
      <ConfirmPanel assignment={assignment} />
      {follows ? (
        <>
          <Divider />
          <Text size="sm" c="dimmed">
            {t('library.study.audience', { units: assignment.audience.map((unit) => unit.name).join(', ') })}
          </Text>
          <AssignmentProgressPanel assignment={assignment} />
        </>
      ) : null}
    </Stack>
  );
}
