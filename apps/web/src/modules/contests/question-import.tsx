import { Alert, Anchor, Button, FileInput, Group, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconDownload, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/format';
import { ImportErrors } from '../../components/import-errors';
import { questionFileUrls, useImportQuestions } from './contests-api';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Questions from a sheet, all or nothing; every refused cell is listed by row and column. */
export function QuestionImport({ contestId }: { contestId: number }) {
  const { t } = useTranslation();
  const upload = useImportQuestions(contestId);
  const [file, setFile] = useState<File | null>(null);
  const [local, setLocal] = useState<string | undefined>();
  const urls = questionFileUrls(contestId);

  const choose = (chosen: File | null) => {
    setFile(chosen);
    upload.reset();
    setLocal(chosen && !chosen.name.toLowerCase().endsWith('.xlsx') ? t('import.onlyXlsx') : undefined);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return setLocal(t('import.chooseFirst'));
    if (!file.name.toLowerCase().endsWith('.xlsx')) return setLocal(t('import.onlyXlsx'));
    upload.mutate(file);
  };

  return (
    <Stack gap="sm" data-testid="question-import">
      <Text size="sm">{t('contests.questions.importIntro')}</Text>
      <Anchor href={urls.template} download size="sm">
        <Group gap={4} component="span">
          <IconDownload size={14} />
          {t('contests.questions.template')}
        </Group>
      </Anchor>
      <form onSubmit={submit} noValidate>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <FileInput
            flex="1 1 260px"
            label={t('contests.questions.fileLabel')}
            placeholder={t('contests.questions.chooseFile')}
            leftSection={<IconFileSpreadsheet size={16} />}
            accept={`.xlsx,${XLSX_TYPE}`}
            value={file}
            onChange={choose}
            error={local}
            disabled={upload.isPending}
            data-testid="question-import-file"
          />
          <Button type="submit" leftSection={<IconUpload size={16} />} loading={upload.isPending}>
            {t('import.submit')}
          </Button>
        </Group>
      </form>
      {upload.data ? (
        <Alert color="green" icon={<IconCircleCheck size={20} />} data-testid="question-import-result">
          {t('contests.questions.imported', { formatted: formatNumber(upload.data.imported) })}
        </Alert>
      ) : null}
      {upload.isError ? (
        <ImportErrors
          error={upload.error}
          title={t('contests.questions.importFailed')}
          testId="question-import-errors"
        />
      ) : null}
    </Stack>
  );
}
