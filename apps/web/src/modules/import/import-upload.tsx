import { Button, Group, Input, Progress, Stack, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { type ChangeEvent, type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/format';
import type { UploadPhase } from './import-api';
import classes from './import-upload.module.css';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface ImportUploadProps {
  pending: boolean;
  phase: UploadPhase;
  progress: number;
  onUpload: (file: File) => void;
  onBack: () => void;
}

/** Step 2: a plain file input (reliable on phones and for tests) and a real upload progress bar. */
export function ImportUpload({ pending, phase, progress, onUpload, onBack }: ImportUploadProps) {
  const { t } = useTranslation();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | undefined>();

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.currentTarget.files?.[0] ?? null;
    setFile(chosen);
    setError(chosen && !chosen.name.toLowerCase().endsWith('.xlsx') ? t('import.onlyXlsx') : undefined);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return setError(t('import.chooseFirst'));
    if (!file.name.toLowerCase().endsWith('.xlsx')) return setError(t('import.onlyXlsx'));
    onUpload(file);
  };

  const percent = Math.round(progress * 100);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" mt="md">
        <Input.Wrapper label={t('import.fileLabel')} description={t('import.fileHint')} error={error} id={id}>
          <input
            id={id}
            className={classes.file}
            type="file"
            accept={`.xlsx,${XLSX_TYPE}`}
            onChange={choose}
            disabled={pending}
            data-testid="import-file"
            aria-invalid={error ? true : undefined}
          />
        </Input.Wrapper>
        {file && !error ? (
          <Text size="sm" c="dimmed">
            {t('import.fileChosen', { name: file.name, size: formatNumber(Math.max(1, Math.round(file.size / 1024))) })}
          </Text>
        ) : null}
        {pending ? (
          <Stack gap={4} aria-live="polite">
            {phase === 'validating' ? (
              <>
                <Progress value={100} striped animated aria-label={t('import.validating')} />
                <Text size="sm">{t('import.validating')}</Text>
              </>
            ) : (
              <>
                <Progress value={percent} aria-label={t('import.uploading')} transitionDuration={150} />
                <Text size="sm">{t('import.uploadingPercent', { percent })}</Text>
              </>
            )}
          </Stack>
        ) : null}
        <Group gap="sm">
          <Button variant="default" onClick={onBack} disabled={pending}>
            {t('common.back')}
          </Button>
          <Button type="submit" leftSection={<IconUpload size={16} />} loading={pending} data-testid="import-submit">
            {t('import.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
