import {
  Alert,
  Button,
  Card,
  Code,
  CopyButton,
  FileInput,
  Group,
  List,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconAlertTriangle, IconCopy, IconLock, IconPaperclip } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors } from '../../app/errors';
import { AnchorLink } from '../../components/links';
import { PageTitle } from '../../components/page-title';
import { categoriesQuery, useSendConcern } from './concerns-api';
import { MyConcernsList } from './my-concerns-page';

const EMPTY = { category: '', title: '', body: '', anonymous: false };

/** "Gửi ý kiến, kiến nghị": the member's form (phone first), then their own items. */
export function ConcernFormPage() {
  const { t } = useTranslation();
  const categories = useQuery(categoriesQuery);
  const [form, setForm] = useState(EMPTY);
  const [files, setFiles] = useState<File[]>([]);
  const [sent, setSent] = useState<{ code: string | null; unitName: string } | null>(null);
  const send = useSendConcern();
  const errors = fieldErrors(send.error);
  const fileError = Object.entries(errors).find(([field]) => field.includes('attachments'))?.[1];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate(
      { ...form, files },
      {
        onSuccess: (created) => {
          setSent({ code: created.trackingCode, unitName: created.unitName });
          setForm(EMPTY);
          setFiles([]);
          window.scrollTo({ top: 0 });
        },
      },
    );
  };

  return (
    <Stack gap="md" maw={680}>
      <PageTitle>{t('concerns.form.title')}</PageTitle>
      <Text>{t('concerns.form.intro')}</Text>
      {sent?.code ? (
        <Card withBorder padding="md" bg="yellow.0" data-testid="tracking-card">
          <Stack gap="xs">
            <Text fw={700}>{t('concerns.form.sentAnonymous', { unit: sent.unitName })}</Text>
            <Text size="sm">{t('concerns.form.codeIntro')}</Text>
            <Group gap="xs" wrap="wrap">
              <Code fz="xl" fw={700} data-testid="tracking-code">
                {sent.code}
              </Code>
              <CopyButton value={sent.code}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="light" leftSection={<IconCopy size={14} />} onClick={copy}>
                    {copied ? t('concerns.form.copied') : t('concerns.form.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Alert color="orange" icon={<IconAlertTriangle size={18} />} p="xs">
              {t('concerns.form.codeWarning')}
            </Alert>
            <AnchorLink to="/gop-y/theo-doi">{t('concerns.form.trackLink')}</AnchorLink>
            <Button variant="subtle" w="fit-content" onClick={() => setSent(null)}>
              {t('concerns.form.codeSaved')}
            </Button>
          </Stack>
        </Card>
      ) : null}
      {sent && !sent.code ? (
        <Alert color="green" role="status">
          {t('concerns.form.sentNamed', { unit: sent.unitName })}
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {send.error && Object.keys(errors).length === 0 ? (
            <Alert color="red">{errorMessage(send.error, t)}</Alert>
          ) : null}
          <Select
            label={t('concerns.form.category')}
            placeholder={t('concerns.form.categoryPlaceholder')}
            required
            data={(categories.data?.items ?? []).map((c) => ({
              value: c.code,
              label: t('concerns.form.categoryOption', { name: c.name, days: c.deadlineDays }),
            }))}
            value={form.category || null}
            onChange={(value) => setForm({ ...form, category: value ?? '' })}
            error={errors.category}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            label={t('concerns.form.titleLabel')}
            required
            maxLength={200}
            value={form.title}
            onChange={(e) => setForm({ ...form, title: e.currentTarget.value })}
            error={errors.title}
          />
          <Textarea
            label={t('concerns.form.body')}
            description={t('concerns.form.bodyHint')}
            required
            autosize
            minRows={5}
            maxLength={5000}
            value={form.body}
            onChange={(e) => setForm({ ...form, body: e.currentTarget.value })}
            error={errors.body}
          />
          <FileInput
            label={t('concerns.form.files')}
            description={form.anonymous ? t('concerns.form.filesAnonymous') : t('concerns.form.filesHint')}
            multiple
            clearable
            accept={
              form.anonymous ? 'image/jpeg,image/png,image/webp' : 'image/jpeg,image/png,image/webp,.pdf,.docx,.xlsx'
            }
            leftSection={<IconPaperclip size={16} />}
            value={files}
            onChange={(value) => setFiles(value.slice(0, 3))}
            error={fileError}
          />
          <Card withBorder padding="sm" bg={form.anonymous ? 'blue.0' : undefined}>
            <Switch
              label={t('concerns.form.anonymous')}
              checked={form.anonymous}
              onChange={(e) => setForm({ ...form, anonymous: e.currentTarget.checked })}
              thumbIcon={form.anonymous ? <IconLock size={10} /> : undefined}
            />
            <List size="sm" mt="xs" spacing={2}>
              <List.Item>{t('concerns.form.anonymousWhat1')}</List.Item>
              <List.Item>{t('concerns.form.anonymousWhat2')}</List.Item>
              <List.Item>{t('concerns.form.anonymousWhat3')}</List.Item>
              <List.Item>{t('concerns.form.anonymousWhat4')}</List.Item>
            </List>
          </Card>
          <Button type="submit" loading={send.isPending} w="fit-content">
            {form.anonymous ? t('concerns.form.sendAnonymous') : t('concerns.form.send')}
          </Button>
        </Stack>
      </form>
      <MyConcernsList />
    </Stack>
  );
}
