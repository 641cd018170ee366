import type { DocumentType, DocumentView } from '@lan-toa/contracts';
import {
  Alert,
  Button,
  FileInput,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors } from '../../app/errors';
import { useMe } from '../../app/session';
import { DateField } from '../../components/date-input';
import { AnchorLink } from '../../components/links';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState } from '../../components/states';
import { UnitPicker } from '../../components/unit-picker';
import { DocumentFiles } from './document-files';
import {
  documentQuery,
  libraryKeys,
  topicsQuery,
  uploadDocumentFile,
  useRemoveDocumentFile,
  useSaveDocument,
} from './library-api';
import { DOCUMENT_TYPES } from './library-search';

/** Adding a document (/library/new) or editing one (/library/:id/edit), with its PDF and Word files. */
export function DocumentFormPage({ documentId }: { documentId: number | null }) {
  const query = useQuery({ ...documentQuery(documentId ?? 0), enabled: documentId !== null });
  if (documentId !== null && query.isLoading) return <LoadingState />;
  if (documentId !== null && (query.isError || !query.data)) {
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <DocumentForm key={documentId ?? 'new'} existing={query.data ?? null} />;
}

function DocumentForm({ existing }: { existing: DocumentView | null }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const client = useQueryClient();
  const topics = useQuery(topicsQuery());
  const save = useSaveDocument(existing?.id ?? null);
  const removeFile = useRemoveDocumentFile(existing?.id ?? 0);
  const [unitId, setUnitId] = useState<number | null>(existing?.unitId ?? me.homeUnitIds[0] ?? null);
  const [type, setType] = useState<DocumentType>(existing?.type ?? 'resolution');
  const [number, setNumber] = useState(existing?.number ?? '');
  const [issuedOn, setIssuedOn] = useState(existing?.issuedOn ?? '');
  const [issuer, setIssuer] = useState(existing?.issuer ?? '');
  const [title, setTitle] = useState(existing?.title ?? '');
  const [summary, setSummary] = useState(existing?.summary ?? '');
  const [topicIds, setTopicIds] = useState<string[]>(existing?.topics.map((topic) => String(topic.id)) ?? []);
  const [files, setFiles] = useState<File[]>([]);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const errors = fieldErrors(save.error);

  const submit = async () => {
    setUploadError(null);
    const body = {
      type,
      number,
      issuedOn: issuedOn || null,
      issuer,
      title,
      summary,
      topicIds: topicIds.map(Number),
    };
    const saved = await save.mutateAsync(existing ? body : { ...body, unitId: unitId ?? 0 }).catch(() => null);
    if (!saved) return;
    setUploading(true);
    for (const file of files) {
      try {
        await uploadDocumentFile(saved.id, file);
      } catch (error) {
        setUploading(false);
        setUploadError(`${file.name}: ${errorMessage(error, t)}`);
        await client.invalidateQueries({ queryKey: libraryKeys.all });
        if (!existing) void navigate({ to: '/library/$documentId/edit', params: { documentId: String(saved.id) } });
        return;
      }
    }
    setUploading(false);
    await client.invalidateQueries({ queryKey: libraryKeys.all });
    void navigate({ to: '/library/$documentId', params: { documentId: String(saved.id) } });
  };

  return (
    <Stack gap="md" maw={860}>
      <AnchorLink to="/library" size="sm">
        {t('library.back')}
      </AnchorLink>
      <PageTitle>{existing ? t('library.editTitle') : t('library.createTitle')}</PageTitle>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
        noValidate
      >
        <Stack gap="sm">
          {existing ? null : (
            <UnitPicker
              label={t('library.fields.unit')}
              description={t('library.unitHint')}
              value={unitId}
              onChange={setUnitId}
              required
              error={errors.unitId}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Select
              label={t('library.fields.type')}
              data={DOCUMENT_TYPES.map((value) => ({ value, label: t(`library.types.${value}`) }))}
              value={type}
              onChange={(value) => setType((value as DocumentType | null) ?? 'other')}
              allowDeselect={false}
              required
              error={errors.type}
            />
            <TextInput
              label={t('library.fields.number')}
              placeholder="02-NQ/TW"
              value={number}
              onChange={(event) => setNumber(event.currentTarget.value)}
              error={errors.number}
            />
            <DateField
              label={t('library.fields.issuedOn')}
              value={issuedOn}
              onChange={setIssuedOn}
              error={errors.issuedOn}
            />
          </SimpleGrid>
          <TextInput
            label={t('library.fields.issuer')}
            placeholder={t('library.issuerPlaceholder')}
            value={issuer}
            onChange={(event) => setIssuer(event.currentTarget.value)}
            error={errors.issuer}
          />
          <Textarea
            label={t('library.fields.title')}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            autosize
            minRows={2}
            required
            error={errors.title}
            data-testid="document-title-input"
          />
          <Textarea
            label={t('library.fields.summary')}
            description={t('library.summaryHint')}
            value={summary}
            onChange={(event) => setSummary(event.currentTarget.value)}
            autosize
            minRows={3}
            maxRows={12}
            error={errors.summary}
          />
          <MultiSelect
            label={t('library.fields.topics')}
            data={(topics.data?.items ?? [])
              .filter((topic) => !topic.archived || topicIds.includes(String(topic.id)))
              .map((topic) => ({ value: String(topic.id), label: topic.name }))}
            value={topicIds}
            onChange={setTopicIds}
            searchable
            clearable
            error={errors.topicIds}
          />
          {existing ? (
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('library.files')}
              </Text>
              <DocumentFiles files={existing.files} onRemove={(fileId) => removeFile.mutate(fileId)} />
            </Stack>
          ) : null}
          <FileInput
            label={existing ? t('library.addFiles') : t('library.files')}
            description={t('library.filesHint')}
            placeholder={t('library.chooseFiles')}
            leftSection={<IconUpload size={16} />}
            accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            multiple
            clearable
            value={files}
            onChange={setFiles}
          />
          {save.isError && Object.keys(errors).length === 0 ? (
            <Alert color="red">{errorMessage(save.error, t)}</Alert>
          ) : null}
          {uploadError ? <Alert color="red">{uploadError}</Alert> : null}
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending || uploading} data-testid="document-save">
              {t('library.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
