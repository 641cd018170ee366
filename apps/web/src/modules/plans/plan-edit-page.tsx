import { Alert, Breadcrumbs, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconPlus, IconSend } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors } from '../../app/errors';
import type { PlanDetail } from '../../app/types';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { AnchorLink } from '../../components/links';
import { PageTitle } from '../../components/page-title';
import { EmptyBlock, ErrorState, LoadingState } from '../../components/states';
import { PlanStatusBadge } from './plan-badges';
import {
  type AmendChanges,
  amendedTargetRows,
  amendedTaskRows,
  amendmentBody,
  countChanges,
  fieldsPatch,
  NO_CHANGES,
  type PlanFields,
  planFields,
  targetDiff,
  targetValues,
  taskDiff,
  withTargetRemoved,
  withTargetRestored,
  withTargetSaved,
  withTaskRemoved,
  withTaskRestored,
  withTaskSaved,
} from './plan-edit-state';
import { PlanFieldsForm } from './plan-fields-form';
import { PlanTargets, type TargetRow, targetRows } from './plan-targets';
import { PlanTasks, type TaskRow, taskRows } from './plan-tasks';
import { planQuery, useAmendPlan, useIssuePlan, useTargetCommand, useTaskCommand, useUpdatePlan } from './plans-api';
import type { TargetValues } from './target-form';
import { TargetFormModal } from './target-form-modal';
import { TaskFormModal, type TaskValues } from './task-form-modal';

export function PlanEditPage({ planId }: { planId: number }) {
  const { t } = useTranslation();
  const plan = useQuery(planQuery(planId));
  if (plan.isLoading) return <LoadingState />;
  if (plan.isError || !plan.data) return <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />;
  if (!plan.data.abilities.edit && !plan.data.abilities.amend) {
    return <EmptyBlock title={t('plans.cannotEdit')} description={t('plans.cannotEditHint')} />;
  }
  return <PlanEditor plan={plan.data} mode={plan.data.abilities.edit ? 'draft' : 'amend'} />;
}

type Editing<T> = { row: T | null } | null;

function PlanEditor({ plan, mode }: { plan: PlanDetail; mode: 'draft' | 'amend' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [fields, setFields] = useState<PlanFields>(() => planFields(plan));
  const [revision, setRevision] = useState(0);
  const [changes, setChanges] = useState<AmendChanges>(NO_CHANGES);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [editingTarget, setEditingTarget] = useState<Editing<TargetRow>>(null);
  const [editingTask, setEditingTask] = useState<Editing<TaskRow>>(null);
  const [removing, setRemoving] = useState<{ kind: 'target' | 'task'; id: number; code: string } | null>(null);
  const [issuing, setIssuing] = useState(false);

  const update = useUpdatePlan(plan.id);
  const issue = useIssuePlan(plan.id);
  const amend = useAmendPlan(plan.id);
  const targetCommand = useTargetCommand(plan.id);
  const taskCommand = useTaskCommand(plan.id);

  const base = planFields(plan);
  const patch = fieldsPatch(base, fields);
  const dirty = Object.keys(patch).length > 0;
  const draft = mode === 'draft';
  const saveErrors = fieldErrors(draft ? update.error : amend.error);
  const amendErrors = fieldErrors(amend.error);
  const fieldErrorsShown = Object.fromEntries(
    Object.entries({ ...saveErrors, ...amendErrors }).map(([key, value]) => [
      key.replace(/^changes\.fields\./u, ''),
      value,
    ]),
  );

  const tRows = draft ? targetRows(plan.targets) : amendedTargetRows(plan.targets, changes);
  const kRows = draft ? taskRows(plan.tasks) : amendedTaskRows(plan.tasks, changes);

  const save = () =>
    update.mutate(patch, {
      onSuccess: (saved) => {
        setFields(planFields(saved));
        setRevision((value) => value + 1);
        notifications.show({ color: 'green', message: t('plans.saved') });
      },
    });

  // ----- targets -----
  const targetInitial = (row: TargetRow | null): TargetValues | null =>
    row
      ? targetValues({ ...row.target, id: row.target.id ?? 0, parentThreshold: row.target.parentThreshold ?? null })
      : null;
  const submitTarget = (values: TargetValues) => {
    const row = editingTarget?.row ?? null;
    if (draft) {
      const command =
        row?.target.id != null
          ? { type: 'update' as const, id: row.target.id, body: targetDiff(targetInitial(row) as TargetValues, values) }
          : { type: 'add' as const, body: { ...values, sortOrder: plan.targets.length + 1 } };
      targetCommand.mutate(command, { onSuccess: () => setEditingTarget(null) });
      return;
    }
    setChanges((current) => withTargetSaved(current, plan, row, values));
    setEditingTarget(null);
  };
  const removeTarget = (row: TargetRow) => {
    if (draft) {
      if (row.target.id !== null) setRemoving({ kind: 'target', id: row.target.id, code: row.target.code });
      return;
    }
    setChanges((current) => withTargetRemoved(current, row));
  };
  const restoreTarget = (row: TargetRow) => setChanges((current) => withTargetRestored(current, row));

  // ----- tasks -----
  const taskInitial = (row: TaskRow | null): TaskValues | null =>
    row ? { code: row.task.code, title: row.task.title, description: row.task.description } : null;
  const submitTask = (values: TaskValues) => {
    const row = editingTask?.row ?? null;
    if (draft) {
      const command =
        row?.task.id != null
          ? { type: 'update' as const, id: row.task.id, body: taskDiff(taskInitial(row) as TaskValues, values) }
          : { type: 'add' as const, body: { ...values, sortOrder: plan.tasks.length + 1 } };
      taskCommand.mutate(command, { onSuccess: () => setEditingTask(null) });
      return;
    }
    setChanges((current) => withTaskSaved(current, plan, row, values));
    setEditingTask(null);
  };
  const removeTask = (row: TaskRow) => {
    if (draft) {
      if (row.task.id !== null) setRemoving({ kind: 'task', id: row.task.id, code: row.task.code });
      return;
    }
    setChanges((current) => withTaskRemoved(current, row));
  };
  const restoreTask = (row: TaskRow) => setChanges((current) => withTaskRestored(current, row));

  // ----- amendment -----
  const pending = countChanges(patch, changes);
  const submitAmendment = () => {
    if (reason.trim().length < 5) {
      setReasonError(t('plans.amend.reasonRequired'));
      return;
    }
    setReasonError(undefined);
    amend.mutate(amendmentBody(plan, patch, changes, reason), {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('plans.amend.done') });
        void navigate({ to: '/plans/$planId', params: { planId: String(plan.id) }, search: { tab: 'versions' } });
      },
    });
  };

  const editingTargetFloor =
    editingTarget?.row?.target.inherited && editingTarget.row.target.parentThreshold != null
      ? editingTarget.row.target.parentThreshold
      : editingTarget?.row?.target.inherited
        ? 0
        : null;

  return (
    <Stack gap="md">
      <Breadcrumbs separatorMargin={6}>
        <AnchorLink to="/plans" size="sm">
          {t('nav.plans')}
        </AnchorLink>
        <AnchorLink to="/plans/$planId" params={{ planId: String(plan.id) }} size="sm">
          {plan.number || t('plans.untitledNumber')}
        </AnchorLink>
        <Text size="sm" c="dimmed" aria-current="page">
          {draft ? t('plans.editDraft') : t('plans.amend.open')}
        </Text>
      </Breadcrumbs>
      <Group gap="sm" align="center">
        <PageTitle>{draft ? t('plans.editTitle') : t('plans.amend.title')}</PageTitle>
        <PlanStatusBadge plan={plan} />
      </Group>
      {draft ? null : <Alert color="blue">{t('plans.amend.hint')}</Alert>}
      {plan.parent ? <Alert color="gray">{t('plans.derivedHint', { number: plan.parent.number })}</Alert> : null}

      <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
        <Stack gap="md">
          <Title order={2} size="h4">
            {t('plans.documentSection')}
          </Title>
          {draft && update.isError && Object.keys(saveErrors).length === 0 ? (
            <Alert color="red" role="alert">
              {errorMessage(update.error, t)}
            </Alert>
          ) : null}
          <PlanFieldsForm value={fields} onChange={setFields} errors={fieldErrorsShown} revision={revision} />
          {draft ? (
            <Group justify="flex-end">
              <Button
                leftSection={<IconDeviceFloppy size={16} />}
                onClick={save}
                disabled={!dirty}
                loading={update.isPending}
                data-testid="plan-save"
              >
                {t('plans.saveDocument')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </Paper>

      <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={2} size="h4">
              {t('plans.tabs.targets')}
            </Title>
            <Button
              variant="light"
              leftSection={<IconPlus size={16} />}
              onClick={() => {
                targetCommand.reset();
                setEditingTarget({ row: null });
              }}
            >
              {t('plans.addTarget')}
            </Button>
          </Group>
          {tRows.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('plans.noTargets')}
            </Text>
          ) : (
            <PlanTargets
              rows={tRows}
              onEdit={(row) => {
                targetCommand.reset();
                setEditingTarget({ row });
              }}
              onRemove={removeTarget}
              onRestore={draft ? undefined : restoreTarget}
            />
          )}
        </Stack>
      </Paper>

      <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={2} size="h4">
              {t('plans.tabs.tasks')}
            </Title>
            <Button
              variant="light"
              leftSection={<IconPlus size={16} />}
              onClick={() => {
                taskCommand.reset();
                setEditingTask({ row: null });
              }}
            >
              {t('plans.addTask')}
            </Button>
          </Group>
          {kRows.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('plans.noTasks')}
            </Text>
          ) : (
            <PlanTasks
              rows={kRows}
              onEdit={(row) => {
                taskCommand.reset();
                setEditingTask({ row });
              }}
              onRemove={removeTask}
              onRestore={draft ? undefined : restoreTask}
            />
          )}
        </Stack>
      </Paper>

      {draft ? (
        plan.abilities.issue ? (
          <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
            <Group justify="space-between" gap="sm">
              <Text size="sm" c="dimmed" flex="1 1 260px">
                {dirty ? t('plans.saveBeforeIssue') : t('plans.issueHint')}
              </Text>
              <Button
                color="green"
                leftSection={<IconSend size={16} />}
                disabled={dirty}
                onClick={() => setIssuing(true)}
                data-testid="plan-issue"
              >
                {t('plans.issue')}
              </Button>
            </Group>
          </Paper>
        ) : null
      ) : (
        <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
          <Stack gap="sm">
            {amend.isError && Object.keys(amendErrors).length === 0 ? (
              <Alert color="red" role="alert">
                {errorMessage(amend.error, t)}
              </Alert>
            ) : amend.isError ? (
              <Alert color="red" role="alert">
                {Object.values(amendErrors).join(' ')}
              </Alert>
            ) : null}
            <Textarea
              label={t('plans.amend.reason')}
              description={t('plans.amend.reasonHint')}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              error={reasonError ?? amendErrors.reason}
              autosize
              minRows={2}
              required
            />
            <Group justify="space-between" gap="sm">
              <Text size="sm" c="dimmed">
                {t('plans.amend.pending', { count: pending })}
              </Text>
              <Button
                leftSection={<IconSend size={16} />}
                onClick={submitAmendment}
                disabled={pending === 0}
                loading={amend.isPending}
                data-testid="plan-amend-submit"
              >
                {t('plans.amend.submit')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}

      <TargetFormModal
        opened={editingTarget !== null}
        initial={targetInitial(editingTarget?.row ?? null)}
        inheritedFloor={editingTargetFloor}
        pending={targetCommand.isPending}
        error={draft ? targetCommand.error : undefined}
        onSubmit={submitTarget}
        onClose={() => setEditingTarget(null)}
      />
      <TaskFormModal
        opened={editingTask !== null}
        initial={taskInitial(editingTask?.row ?? null)}
        pending={taskCommand.isPending}
        error={draft ? taskCommand.error : undefined}
        onSubmit={submitTask}
        onClose={() => setEditingTask(null)}
      />
      <ConfirmDialog
        opened={removing !== null}
        title={removing?.kind === 'task' ? t('plans.removeTaskTitle') : t('plans.removeTargetTitle')}
        message={t('plans.removeConfirm', { code: removing?.code ?? '' })}
        confirmLabel={t('plans.remove')}
        danger
        loading={targetCommand.isPending || taskCommand.isPending}
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          if (!removing) return;
          const done = {
            onSuccess: () => setRemoving(null),
            onError: (error: unknown) => {
              setRemoving(null);
              notifications.show({ color: 'red', message: errorMessage(error, t) });
            },
          };
          if (removing.kind === 'target') targetCommand.mutate({ type: 'remove', id: removing.id }, done);
          else taskCommand.mutate({ type: 'remove', id: removing.id }, done);
        }}
      />
      <ConfirmDialog
        opened={issuing}
        title={t('plans.issueTitle')}
        message={t('plans.issueConfirm')}
        confirmLabel={t('plans.issue')}
        loading={issue.isPending}
        onCancel={() => setIssuing(false)}
        onConfirm={() =>
          issue.mutate(undefined, {
            onSuccess: () => {
              setIssuing(false);
              notifications.show({ color: 'green', message: t('plans.issued') });
              void navigate({ to: '/plans/$planId', params: { planId: String(plan.id) } });
            },
            onError: (error) => {
              setIssuing(false);
              notifications.show({ color: 'red', message: errorMessage(error, t) });
            },
          })
        }
      />
    </Stack>
  );
}
