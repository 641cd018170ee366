import { Alert, Anchor, Button, Group, Input, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconDownload, IconUpload } from '@tabler/icons-react';
import { type ChangeEvent, type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { errorMessage } from '../../app/errors';
import { formatNumber } from '../../app/format';
import { ATTENDANCE_TEMPLATE_URL, useAttendanceImport } from './activities-api';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Attendance from a sheet (all or nothing); every row the server could not match is listed. */
export function AttendanceImport({ activityId }: { activityId: number }) {
  const { t } = useTranslation();
  const id = useId();
  const upload = useAttendanceImport(activityId);
  const [file, setFile] = useState<File | null>(null);
  const [local, setLocal] = useState<string | undefined>();

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.currentTarget.files?.[0] ?? null;
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
  const rows =
    upload.error instanceof ApiError
      ? [...upload.error.details.filter((detail) => detail.row !== undefined || detail.column)].sort(
          (a, b) => (a.row ?? 0) - (b.row ?? 0),
        )
      : [];

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
          <Input.Wrapper label={t('activities.import.fileLabel')} error={local} id={id}>
            <input
              id={id}
              type="file"
              accept={`.xlsx,${XLSX_TYPE}`}
              onChange={choose}
              disabled={upload.isPending}
              data-testid="attendance-import-file"
            />
          </Input.Wrapper>
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
        <Stack gap="sm" data-testid="attendance-import-errors">
          <Alert color="red" icon={<IconAlertTriangle size={20} />} title={t('import.failedTitle')} role="alert">
            <Text size="sm" fw={600}>
              {t('import.nothingWritten')}
            </Text>
            <Text size="sm">
              {rows.length > 0
                ? t('import.fixAndRetry', { count: rows.length, formatted: formatNumber(rows.length) })
                : errorMessage(upload.error, t)}
            </Text>
          </Alert>
          {rows.length > 0 ? (
            <Table.ScrollContainer minWidth={300} maxHeight={420}>
              <Table striped withTableBorder stickyHeader>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={56}>{t('import.colRow')}</Table.Th>
                    <Table.Th w="25%">{t('import.colColumn')}</Table.Th>
                    <Table.Th>{t('import.colError')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((detail) => (
                    <Table.Tr key={`${detail.row ?? 0}|${detail.column ?? ''}|${detail.message}`}>
                      <Table.Td>{detail.row ?? '—'}</Table.Td>
                      <Table.Td>{detail.column ?? '—'}</Table.Td>
                      <Table.Td>{detail.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : null}
        </Stack>
      ) : null}
    </Stack>
  );
}
