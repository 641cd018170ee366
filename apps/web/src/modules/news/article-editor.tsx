import type { ArticleView, NewsMeta } from '@lan-toa/contracts';
import {
  ActionIcon,
  Button,
  FileButton,
  Group,
  Image,
  Loader,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPhoto, IconPhotoPlus, IconTrash } from '@tabler/icons-react';
import type { Editor } from '@tiptap/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors } from '../../app/errors';
import { RichTextEditor } from '../plans/rich-text-editor';
import { ArticleImage } from './article-image';
import { uploadArticleImage, useUpdateArticle } from './news-api';

export interface ArticleDraft {
  title: string;
  summary: string;
  category: string;
  bodyHtml: string;
}

export const draftOf = (article: ArticleView): ArticleDraft => ({
  title: article.title,
  summary: article.summary,
  category: article.category.code,
  bodyHtml: article.bodyHtml,
});

const EXTENSIONS = [ArticleImage];
const IMAGE_TYPES = 'image/jpeg,image/png,image/webp';

/** Title, summary, category, cover and text of an article one may edit; saved with one PATCH. */
export function ArticleEditor({
  article,
  meta,
  draft,
  onDraftChange,
}: {
  article: ArticleView;
  meta: NewsMeta;
  draft: ArticleDraft;
  onDraftChange: (draft: ArticleDraft | null) => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateArticle(article.id);
  const [uploading, setUploading] = useState(false);
  const errors = fieldErrors(update.error);
  const set = (patch: Partial<ArticleDraft>) => onDraftChange({ ...draft, ...patch });

  const upload = async (file: File | null, cover: boolean, editor?: Editor | null) => {
    if (!file) return;
    setUploading(true);
    try {
      const image = await uploadArticleImage(article.id, file, cover);
      if (cover) update.reset();
      if (cover) await update.mutateAsync({ coverFileId: image.fileId });
      else
        editor
          ?.chain()
          .focus()
          .insertContent({ type: 'image', attrs: { src: image.url, alt: '' } })
          .run();
    } catch (error) {
      notifications.show({ color: 'red', message: errorMessage(error, t), autoClose: 10_000 });
    } finally {
      setUploading(false);
    }
  };

  const save = () =>
    update.mutate(draft, {
      onSuccess: () => {
        onDraftChange(null);
        notifications.show({ color: 'green', message: t('news.form.saved') });
      },
      onError: (error) => notifications.show({ color: 'red', message: errorMessage(error, t) }),
    });

  return (
    <Stack gap="md">
      <TextInput
        label={t('news.form.title')}
        value={draft.title}
        onChange={(event) => set({ title: event.currentTarget.value })}
        error={errors.title}
        required
        data-testid="article-title-input"
      />
      <Textarea
        label={t('news.form.summary')}
        description={t('news.form.summaryHint')}
        value={draft.summary}
        onChange={(event) => set({ summary: event.currentTarget.value })}
        error={errors.summary}
        autosize
        minRows={2}
        data-testid="article-summary-input"
      />
      <Select
        label={t('news.form.category')}
        data={meta.categories.map((c) => ({ value: c.code, label: c.name }))}
        value={draft.category}
        onChange={(value) => value && set({ category: value })}
        allowDeselect={false}
        error={errors.category}
      />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('news.form.cover')}
        </Text>
        {article.coverUrl ? <Image src={article.coverUrl} maw={480} radius="sm" alt="" /> : null}
        <Group gap="xs">
          <FileButton onChange={(file) => void upload(file, true)} accept={IMAGE_TYPES}>
            {(props) => (
              <Button {...props} variant="light" leftSection={<IconPhoto size={16} />} loading={uploading}>
                {article.coverUrl ? t('news.form.changeCover') : t('news.form.uploadCover')}
              </Button>
            )}
          </FileButton>
          {article.coverUrl ? (
            <Button
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={16} />}
              onClick={() => update.mutate({ coverFileId: null })}
            >
              {t('news.form.removeCover')}
            </Button>
          ) : null}
        </Group>
        <Text size="xs" c="dimmed">
          {t('news.form.coverHint')}
        </Text>
      </Stack>
      <RichTextEditor
        label={t('news.form.body')}
        value={draft.bodyHtml}
        onChange={(bodyHtml) => set({ bodyHtml })}
        error={errors.bodyHtml}
        extensions={EXTENSIONS}
        toolbarExtra={(editor) => (
          <FileButton onChange={(file) => void upload(file, false, editor)} accept={IMAGE_TYPES}>
            {(props) => (
              <Tooltip label={t('news.form.insertImage')} withArrow openDelay={400}>
                <ActionIcon
                  {...props}
                  variant="default"
                  size="md"
                  aria-label={t('news.form.insertImage')}
                  disabled={!editor || uploading}
                >
                  {uploading ? <Loader size={14} /> : <IconPhotoPlus size={16} />}
                </ActionIcon>
              </Tooltip>
            )}
          </FileButton>
        )}
      />
      <Group justify="flex-end">
        <Button onClick={save} loading={update.isPending} data-testid="article-save">
          {t('news.form.save')}
        </Button>
      </Group>
    </Stack>
  );
}
