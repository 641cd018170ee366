import { MAX_TOPIC_DOCUMENTS } from '@lan-toa/contracts';
import { ActionIcon, Button, Flex, Group, List, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ActivityView } from '../../app/types';

/**
 * Topic documents of an activity (tài liệu chủ đề): the resolutions, directives, laws… it is
 * about. A small repeatable list in the form, a numbered list on the detail page.
 */

type TopicDocument = ActivityView['topicDocuments'][number];

/** A row of the form; `key` keeps React's rows stable while rows are added and removed. */
export interface TopicDocumentRow extends TopicDocument {
  key: number;
}

let nextKey = 1;
const row = (document: TopicDocument): TopicDocumentRow => ({ key: nextKey++, ...document });

export function topicRows(documents: TopicDocument[]): TopicDocumentRow[] {
  return documents.map(row);
}

/** Rows left entirely empty are dropped rather than refused. */
export function withoutBlankRows(rows: TopicDocumentRow[]): TopicDocumentRow[] {
  return rows.filter((entry) => entry.title.trim() !== '' || entry.number.trim() !== '');
}

/** What the form checks before sending (the server checks the rest), keyed like the server's details. */
export function topicErrors(rows: TopicDocumentRow[], t: TFunction): Record<string, string> {
  const errors: Record<string, string> = {};
  rows.forEach((entry, index) => {
    if (entry.title.trim() === '') errors[`topicDocuments.${index}.title`] = t('activities.topics.titleRequired');
  });
  return errors;
}

export function topicBody(rows: TopicDocumentRow[]): TopicDocument[] {
  return rows.map((entry) => ({ title: entry.title.trim(), number: entry.number.trim() }));
}

export function TopicDocumentsField({
  rows,
  onChange,
  error,
}: {
  rows: TopicDocumentRow[];
  onChange: (rows: TopicDocumentRow[]) => void;
  error: (field: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const update = (key: number, patch: Partial<TopicDocument>) =>
    onChange(rows.map((entry) => (entry.key === key ? { ...entry, ...patch } : entry)));
  const listError = error('topicDocuments');
  return (
    <Stack gap="xs" data-testid="topic-documents-field">
      <div>
        <Text size="sm" fw={500}>
          {t('activities.topics.label')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('activities.topics.hint', { max: MAX_TOPIC_DOCUMENTS })}
        </Text>
        {listError ? (
          <Text size="xs" c="red" role="alert">
            {listError}
          </Text>
        ) : null}
      </div>
      {rows.map((entry, index) => (
        <Paper key={entry.key} withBorder p="xs" radius="sm" data-testid="topic-document-row">
          <Group gap="xs" align="flex-start" wrap="nowrap">
            <Flex direction={{ base: 'column', sm: 'row' }} gap="xs" style={{ flex: 1, minWidth: 0 }}>
              <TextInput
                label={t('activities.topics.title')}
                placeholder={t('activities.topics.titlePlaceholder')}
                value={entry.title}
                onChange={(event) => update(entry.key, { title: event.currentTarget.value })}
                error={error(`topicDocuments.${index}.title`)}
                maxLength={300}
                required
                autoFocus={entry.title === '' && entry.number === '' && index === rows.length - 1}
                style={{ flex: 1, minWidth: 0 }}
                data-testid="topic-document-title"
              />
              <TextInput
                label={t('activities.topics.number')}
                placeholder={t('activities.topics.numberPlaceholder')}
                value={entry.number}
                onChange={(event) => update(entry.key, { number: event.currentTarget.value })}
                error={error(`topicDocuments.${index}.number`)}
                maxLength={100}
                w={{ base: '100%', sm: 180 }}
                data-testid="topic-document-number"
              />
            </Flex>
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              mt={24}
              onClick={() => onChange(rows.filter((other) => other.key !== entry.key))}
              aria-label={t('activities.topics.remove', { index: index + 1 })}
            >
              <IconTrash size={18} />
            </ActionIcon>
          </Group>
        </Paper>
      ))}
      <Button
        variant="light"
        size="xs"
        leftSection={<IconPlus size={14} />}
        onClick={() => onChange([...rows, row({ title: '', number: '' })])}
        disabled={rows.length >= MAX_TOPIC_DOCUMENTS}
        style={{ alignSelf: 'flex-start' }}
        data-testid="topic-document-add"
      >
        {t('activities.topics.add')}
      </Button>
    </Stack>
  );
}

/** Spaces and case aside, so "số 02-NQ/TW" in a title is found whatever its spacing. */
const squeeze = (text: string) => text.replace(/\s+/gu, '').toLocaleLowerCase('vi');

/**
 * The number, when it is not already part of the title: "Nghị quyết số 02-NQ/TW ngày 12/6/2021…"
 * needs no "Số, ký hiệu: 02-NQ/TW" after it.
 */
export function numberToShow(document: TopicDocument): string | null {
  const number = document.number.trim();
  if (number === '' || squeeze(document.title).includes(squeeze(number))) return null;
  return number;
}

export function TopicDocumentsList({ documents }: { documents: TopicDocument[] }) {
  const { t } = useTranslation();
  if (documents.length === 0) return null;
  return (
    <Stack gap={4} data-testid="activity-topics">
      <Text size="xs" c="dimmed">
        {t('activities.topics.label')}
      </Text>
      <List type="ordered" size="sm" spacing={4} withPadding>
        {documents.map((document, index) => {
          const number = numberToShow(document);
          return (
            // The list has no ids and the same document may appear twice: its place identifies it.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <List.Item key={index} style={{ overflowWrap: 'anywhere' }} data-testid="activity-topic-document">
              {document.title}
              {number ? (
                <Text span size="xs" c="dimmed">
                  {' · '}
                  {t('activities.topics.numberShown', { number })}
                </Text>
              ) : null}
            </List.Item>
          );
        })}
      </List>
    </Stack>
  );
}
