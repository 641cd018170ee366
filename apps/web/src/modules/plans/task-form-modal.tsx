import { Alert, Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors } from '../../app/errors';

export interface TaskValues {
  code: string;
  title: string;
  description: string;
}

interface TaskFormModalProps {
  opened: boolean;
  initial: TaskValues | null;
  pending?: boolean;
  error?: unknown;
  onSubmit: (values: TaskValues) => void;
  onClose: () => void;
}

const CODE = /^[0-9A-Za-z][0-9A-Za-z._-]{0,19}$/u;

export function TaskFormModal(props: TaskFormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.initial ? t('plans.taskForm.editTitle') : t('plans.taskForm.addTitle')}
      size="lg"
    >
      <TaskForm {...props} />
    </Modal>
  );
}

function TaskForm({ initial, pending, error, onSubmit, onClose }: TaskFormModalProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<TaskValues>(initial ?? { code: '', title: '', description: '' });
  const [local, setLocal] = useState<Partial<Record<keyof TaskValues, string>>>({});
  const server = fieldErrors(error);
  const set = (key: keyof TaskValues, value: string) => setValues((current) => ({ ...current, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: typeof local = {};
    if (!CODE.test(values.code.trim())) problems.code = t('plans.targetForm.codeInvalid');
    if (values.title.trim().length < 3) problems.title = t('plans.taskForm.titleRequired');
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    onSubmit({ code: values.code.trim(), title: values.title.trim(), description: values.description.trim() });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {error && Object.keys(server).length === 0 ? (
          <Alert color="red" role="alert">
            {errorMessage(error, t)}
          </Alert>
        ) : null}
        <Group gap="sm" align="flex-start" wrap="wrap">
          <TextInput
            w={100}
            label={t('plans.taskFields.code')}
            placeholder="9"
            value={values.code}
            onChange={(event) => set('code', event.currentTarget.value)}
            error={local.code ?? server.code}
            required
            data-autofocus
          />
          <TextInput
            label={t('plans.taskFields.title')}
            value={values.title}
            onChange={(event) => set('title', event.currentTarget.value)}
            error={local.title ?? server.title}
            required
            flex="1 1 220px"
          />
        </Group>
        <Textarea
          label={t('plans.taskFields.description')}
          value={values.description}
          onChange={(event) => set('description', event.currentTarget.value)}
          error={server.description}
          autosize
          minRows={4}
          maxRows={14}
          maxLength={20_000}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={pending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {t('plans.taskForm.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
