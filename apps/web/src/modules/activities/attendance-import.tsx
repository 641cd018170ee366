import { Alert, Anchor, Button, FileInput, Group, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconDownload, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/format';
import { ImportErrors } from '../../components/import-errors';
import { ATTENDANCE_TEMPLATE_URL, useAttendanceImport } from './activities-api';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Attendance from a sheet (all or nothing); every row the server could not match is listed. */
export function AttendanceImport({ activityId }: { activityId: number }) {
  const { t } = useTranslation();
  const upload = useAttendanceImport(activityId);
  const [file, setFile] = useState<File | null>(null);
  const [local, setLocal] = useState<string | undefined>();

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
    <Stack gap="sm">
      <Text size="sm">{t('activities.import.intro')}</Text>
      <Anchor href={ATTENDANCE_TEMPLATE_URL} download size="sm">
        <Group gap={4} component="span">
          <IconDownload size={14} />
          {t('activities.import.template')}
        </Group>
      </Anchor>
      <form onSubmit={submit} noValidate>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <FileInput
            flex="1 1 260px"
            label={t('activities.import.fileLabel')}
            placeholder={t('import.chooseXlsx')}
            leftSection={<IconFileSpreadsheet size={16} />}
            accept={`.xlsx,${XLSX_TYPE}`}
            value={file}
            onChange={choose}
            error={local}
            disabled={upload.isPending}
            data-testid="attendance-import-file"
          />
          <Button
            type="submit"
            leftSection={<IconUpload size={16} />}
            loading={upload.isPending}
            data-testid="attendance-import-submit"
          >
            {t('activities.import.submit')}
          </Button>
        </Group>
      </form>
      {upload.data ? (
        <Alert color="green" icon={<IconCircleCheck size={20} />} data-testid="attendance-import-result">
          {t('activities.import.done', {
            matched: formatNumber(upload.data.matched),
            added: formatNumber(upload.data.added),
            already: formatNumber(upload.data.alreadyPresent),
          })}
        </Alert>
      ) : null}
      {upload.isError ? (
        <ImportErrors error={upload.error} title={t('import.failedTitle')} testId="attendance-import-errors" />
      ) : null}
    </Stack>
  );
}
