import type { NewsMeta } from '@lan-toa/contracts';
import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors } from '../../app/errors';
import { useCreateArticle } from './news-api';

/** A new draft needs only its unit, title and category; the rest is written on the article's page. */
export function ArticleCreateModal({
  meta,
  opened,
  onClose,
}: {
  meta: NewsMeta;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateArticle();
  const [unitId, setUnitId] = useState<string | null>(meta.writableUnits[0] ? String(meta.writableUnits[0].id) : null);
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState<string | null>(meta.categories[0]?.code ?? null);
  const errors = fieldErrors(create.error);

  const submit = () => {
    create.mutate(
      { unitId: Number(unitId), title, category: category ?? '' },
      {
        onSuccess: (article) => {
          notifications.show({ color: 'green', message: t('news.form.created') });
          onClose();
          void navigate({ to: '/news/$articleId', params: { articleId: String(article.id) } });
        },
        onError: (error) => {
          if (Object.keys(fieldErrors(error)).length === 0) {
            notifications.show({ color: 'red', message: errorMessage(error, t) });
          }
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('news.create')} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack>
          <Select
            label={t('news.form.unit')}
            data={meta.writableUnits.map((unit) => ({ value: String(unit.id), label: unit.name }))}
            value={unitId}
            onChange={setUnitId}
            searchable
            allowDeselect={false}
            error={errors.unitId}
            data-testid="article-unit"
          />
          <TextInput
            label={t('news.form.title')}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={errors.title}
            required
            data-autofocus
            data-testid="article-new-title"
          />
          <Select
            label={t('news.form.category')}
            data={meta.categories.map((c) => ({ value: c.code, label: c.name }))}
            value={category}
            onChange={setCategory}
            allowDeselect={false}
            error={errors.category}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="article-create-submit">
              {t('news.form.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
