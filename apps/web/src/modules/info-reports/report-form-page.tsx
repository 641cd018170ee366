import {
  Alert,
  Anchor,
  Button,
  Card,
  Chip,
  FileInput,
  Group,
  Input,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconInfoCircle, IconPhoto } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors } from '../../app/errors';
import { formatDate } from '../../app/format';
import { AnchorLink } from '../../components/links';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState } from '../../components/states';
import { myReportsQuery, useSendReport } from './info-reports-api';
import { PLATFORMS as INFO_PLATFORMS } from './info-reports-enums';
import { StatusBadge } from './report-badges';

const EMPTY = { url: '', description: '', platform: '', anonymous: false };

/** "Báo tin xấu, độc": the member's form (phone first) and "Tin đã báo của tôi". */
export function ReportFormPage() {
  const { t } = useTranslation();
  const [form, setForm] = useState(EMPTY);
  const [file, setFile] = useState<File | null>(null);
  const [sent, setSent] = useState<'named' | 'anonymous' | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const send = useSendReport();
  const errors = fieldErrors(send.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSent(null);
    if (!form.url.trim() && !form.description.trim() && !file) {
      setLocalError(t('infoReports.form.needSomething'));
      return;
    }
    setLocalError(null);
    send.mutate(
      { body: form, file },
      {
        onSuccess: () => {
          setSent(form.anonymous ? 'anonymous' : 'named');
          setForm(EMPTY);
          setFile(null);
        },
      },
    );
  };

  return (
    <Stack gap="md" maw={640}>
      <PageTitle>{t('infoReports.form.title')}</PageTitle>
      <Text>{t('infoReports.form.intro')}</Text>
      <Alert variant="light" icon={<IconInfoCircle size={18} />}>
        {t('infoReports.form.next')}
      </Alert>
      {sent ? (
        <Alert color="green" role="status">
          {sent === 'anonymous' ? t('infoReports.form.sentAnonymous') : t('infoReports.form.sentNamed')}
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Input.Wrapper label={t('infoReports.form.platform')} required error={errors.platform}>
            <Chip.Group value={form.platform} onChange={(platform) => setForm({ ...form, platform: String(platform) })}>
              <Group gap={6} mt={4}>
                {INFO_PLATFORMS.map((platform) => (
                  <Chip key={platform} value={platform} size="sm">
                    {t(`infoReports.platforms.${platform}`)}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          </Input.Wrapper>
          <TextInput
            label={t('infoReports.form.url')}
            description={t('infoReports.form.urlHint')}
            type="url"
            inputMode="url"
            placeholder="https://"
            value={form.url}
            onChange={(event) => setForm({ ...form, url: event.currentTarget.value })}
            error={errors.url}
          />
          <Textarea
            label={t('infoReports.form.description')}
            description={t('infoReports.form.descriptionHint')}
            autosize
            minRows={3}
            maxLength={5000}
            value={form.description}
            onChange={(event) => setForm({ ...form, description: event.currentTarget.value })}
            error={errors.description}
          />
          <FileInput
            label={t('infoReports.form.screenshot')}
            description={t('infoReports.form.screenshotHint')}
            accept="image/jpeg,image/png,image/webp"
            leftSection={<IconPhoto size={16} />}
            clearable
            value={file}
            onChange={setFile}
            error={errors.file}
          />
          <Switch
            label={t('infoReports.form.anonymous')}
            description={form.anonymous ? t('infoReports.form.anonymousOn') : t('infoReports.form.anonymousOff')}
            checked={form.anonymous}
            onChange={(event) => setForm({ ...form, anonymous: event.currentTarget.checked })}
          />
          {localError ? (
            <Alert color="red" role="alert">
              {localError}
            </Alert>
          ) : null}
          {send.error && Object.keys(errors).length === 0 ? (
            <Alert color="red" role="alert">
              {errorMessage(send.error, t)}
            </Alert>
          ) : null}
          <Button type="submit" loading={send.isPending} fullWidth>
            {t('infoReports.form.submit')}
          </Button>
        </Stack>
      </form>
      <MyReports />
    </Stack>
  );
}

function MyReports() {
  const { t } = useTranslation();
  const query = useQuery(myReportsQuery());
  return (
    <Stack gap="xs" mt="md">
      <Title order={2} size="h3">
        {t('infoReports.mine.title')}
      </Title>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <Text c="dimmed">{t('infoReports.mine.empty')}</Text>
      ) : (
        query.data.items.map((report) => (
          <Card key={report.id} withBorder padding="sm">
            {/* The status on its own line under the text: beside it, it was cut to "M…", "Đang x…". */}
            <Stack gap={4} style={{ minWidth: 0 }}>
              <AnchorLink to="/info-reports/$reportId" params={{ reportId: report.id }} fw={500} lineClamp={2}>
                {report.description ?? report.url ?? t('infoReports.form.screenshot')}
              </AnchorLink>
              <Group gap="xs" wrap="wrap">
                <StatusBadge status={report.status} />
                <Text size="sm" c="dimmed">
                  {t(`infoReports.platforms.${report.platform}`)} · {formatDate(report.reportedOn)}
                </Text>
              </Group>
              {report.clarificationArticle ? (
                <Anchor href={`/tin-tuc/${report.clarificationArticle.slug}`} size="sm" target="_blank">
                  {report.clarificationArticle.title}
                </Anchor>
              ) : null}
            </Stack>
          </Card>
        ))
      )}
    </Stack>
  );
}
