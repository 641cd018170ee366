import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors } from '../../app/errors';
import type { CultureEvaluationView } from '../../app/types';
import { useCultureCommand } from './culture-api';

interface CultureFormModalProps {
  row: CultureEvaluationView | null;
  onClose: () => void;
}

export function CultureFormModal({ row, onClose }: CultureFormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={row !== null}
      onClose={onClose}
      title={row ? t('culture.form.title', { unit: row.unitName, year: row.year }) : ''}
      size="md"
    >
      {row ? <CultureForm row={row} onClose={onClose} /> : null}
    </Modal>
  );
}

type Achieved = 'unknown' | 'yes' | 'no';

function CultureForm({ row, onClose }: { row: CultureEvaluationView; onClose: () => void }) {
  const { t } = useTranslation();
  const command = useCultureCommand();
  const [registered, setRegistered] = useState(row.unitRegistered ?? false);
  const [achieved, setAchieved] = useState<Achieved>(
    row.unitAchieved === null ? 'unknown' : row.unitAchieved ? 'yes' : 'no',
  );
  const [total, setTotal] = useState<number | string>(row.familiesTotal ?? '');
  const [familiesRegistered, setFamiliesRegistered] = useState<number | string>(row.familiesRegistered ?? '');
  const [familiesAchieved, setFamiliesAchieved] = useState<number | string>(row.familiesAchieved ?? '');
  const [local, setLocal] = useState<Record<string, string>>({});
  const server = fieldErrors(command.error);
  const num = (value: number | string) => (typeof value === 'number' ? value : 0);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (num(familiesRegistered) > num(total)) errors.familiesRegistered = t('culture.form.registeredTooMany');
    if (num(familiesAchieved) > num(familiesRegistered)) errors.familiesAchieved = t('culture.form.achievedTooMany');
    if (achieved === 'yes' && !registered) errors.unitAchieved = t('culture.form.achievedNotRegistered');
    setLocal(errors);
    if (Object.keys(errors).length > 0) return;
    command.mutate(
      {
        type: 'enter',
        unitId: row.unitId,
        year: row.year,
        body: {
          unitRegistered: registered,
          unitAchieved: achieved === 'unknown' ? null : achieved === 'yes',
          familiesTotal: num(total),
          familiesRegistered: num(familiesRegistered),
          familiesAchieved: num(familiesAchieved),
        },
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('culture.form.saved') });
          onClose();
        },
      },
    );
  };

  const numberProps = { min: 0, allowDecimal: false, thousandSeparator: '.', decimalSeparator: ',' } as const;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {command.isError && Object.keys(server).length === 0 ? (
          <Alert color="red" role="alert">
            {errorMessage(command.error, t)}
          </Alert>
        ) : null}
        {row.status === 'confirmed' ? <Alert color="yellow">{t('culture.form.reconfirm')}</Alert> : null}
        <Text fw={600} size="sm">
          {t('culture.form.unitSection')}
        </Text>
        <Switch
          label={t('culture.fields.unitRegistered')}
          checked={registered}
          onChange={(event) => {
            const on = event.currentTarget.checked;
            setRegistered(on);
            if (!on) setAchieved('unknown');
          }}
        />
        <Stack gap={4}>
          <Text size="sm">{t('culture.fields.unitAchieved')}</Text>
          <SegmentedControl
            value={achieved}
            onChange={(value) => setAchieved(value as Achieved)}
            disabled={!registered}
            data={[
              { value: 'unknown', label: t('culture.achieved.unknown') },
              { value: 'yes', label: t('culture.achieved.yes') },
              { value: 'no', label: t('culture.achieved.no') },
            ]}
          />
          {(local.unitAchieved ?? server.unitAchieved) ? (
            <Text size="xs" c="red">
              {local.unitAchieved ?? server.unitAchieved}
            </Text>
          ) : null}
        </Stack>
        <Text fw={600} size="sm" mt="xs">
          {t('culture.form.familiesSection')}
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <NumberInput
            label={t('culture.fields.familiesTotal')}
            value={total}
            onChange={setTotal}
            error={server.familiesTotal}
            {...numberProps}
          />
          <NumberInput
            label={t('culture.fields.familiesRegistered')}
            value={familiesRegistered}
            onChange={setFamiliesRegistered}
            error={local.familiesRegistered ?? server.familiesRegistered}
            {...numberProps}
          />
          <NumberInput
            label={t('culture.fields.familiesAchieved')}
            value={familiesAchieved}
            onChange={setFamiliesAchieved}
            error={local.familiesAchieved ?? server.familiesAchieved}
            {...numberProps}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={command.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={command.isPending} data-testid="culture-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
