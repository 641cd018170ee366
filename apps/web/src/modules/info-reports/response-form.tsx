import { Alert, Button, Card, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors } from '../../app/errors';
import { DateField } from '../../components/date-input';
import { articlesQuery, type InfoReportDetail, useRespond } from './info-reports-api';

/** The response of province staff: a published clarification article, the letter sent, notes. */
export function ResponseForm({ report }: { report: InfoReportDetail }) {
  const { t } = useTranslation();
  const [articleId, setArticleId] = useState<string | null>(
    report.clarificationArticle ? String(report.clarificationArticle.id) : null,
  );
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const articles = useQuery(articlesQuery(debounced));
  const [letterRecipient, setRecipient] = useState(report.letterRecipient ?? '');
  const [letterSentOn, setSentOn] = useState(report.letterSentOn ?? '');
  const [letterNumber, setNumber] = useState(report.letterNumber ?? '');
  const [notes, setNotes] = useState(report.notes ?? '');
  const respond = useRespond(report.id);
  const errors = fieldErrors(respond.error);
  const options = (articles.data?.items ?? []).map((a) => ({ value: String(a.id), label: `${a.title} (#${a.id})` }));
  if (report.clarificationArticle && !options.some((o) => o.value === String(report.clarificationArticle?.id))) {
    options.unshift({
      value: String(report.clarificationArticle.id),
      label: `${report.clarificationArticle.title} (#${report.clarificationArticle.id})`,
    });
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    respond.mutate({
      clarificationArticleId: articleId ? Number(articleId) : null,
      letterRecipient: letterRecipient.trim() || null,
      letterSentOn: letterSentOn || null,
      letterNumber: letterNumber.trim() || null,
      notes: notes.trim() || null,
    });
  };
  return (
    <Card withBorder padding="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Select
            label={t('infoReports.detail.article')}
            placeholder={t('infoReports.detail.articleSearch')}
            data={options}
            value={articleId}
            onChange={setArticleId}
            searchable
            clearable
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options: all }) => all}
            nothingFoundMessage="—"
            error={errors.clarificationArticleId}
          />
          <TextInput
            label={t('infoReports.detail.letterRecipient')}
            value={letterRecipient}
            onChange={(event) => setRecipient(event.currentTarget.value)}
            maxLength={300}
            error={errors.letterRecipient}
          />
          <TextInput
            label={t('infoReports.detail.letterNumber')}
            value={letterNumber}
            onChange={(event) => setNumber(event.currentTarget.value)}
            maxLength={100}
            error={errors.letterNumber}
          />
          <DateField
            label={t('infoReports.detail.letterSentOn')}
            value={letterSentOn}
            onChange={setSentOn}
            error={errors.letterSentOn}
          />
          <Textarea
            label={t('infoReports.detail.notes')}
            autosize
            minRows={2}
            maxLength={5000}
            value={notes}
            onChange={(event) => setNotes(event.currentTarget.value)}
            error={errors.notes}
          />
          {respond.isSuccess ? <Alert color="green">{t('infoReports.detail.saved')}</Alert> : null}
          {respond.error && Object.keys(errors).length === 0 ? (
            <Alert color="red" role="alert">
              {errorMessage(respond.error, t)}
            </Alert>
          ) : null}
          <Button type="submit" loading={respond.isPending}>
            {t('infoReports.detail.save')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
