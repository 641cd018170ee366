import { ActionIcon, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors } from '../../app/errors';
import type { GuestView } from '../../app/types';
import { useGuestCommand } from './activities-api';

/** Guests: people from outside the union who took part (a speaker, a partner organisation). */
export function GuestsPanel({
  activityId,
  guests,
  canEdit,
}: {
  activityId: number;
  guests: GuestView[];
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const command = useGuestCommand(activityId);
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [local, setLocal] = useState<string | undefined>();
  const server = fieldErrors(command.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim().length < 2) {
      setLocal(t('activities.guests.nameRequired'));
      return;
    }
    setLocal(undefined);
    command.mutate(
      { type: 'add', name: name.trim(), organisation: organisation.trim() },
      {
        onSuccess: () => {
          setName('');
          setOrganisation('');
        },
      },
    );
  };

  return (
    <Stack gap="sm">
      {guests.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('activities.guests.none')}
        </Text>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('activities.guests.name')}</Table.Th>
              <Table.Th>{t('activities.guests.organisation')}</Table.Th>
              {canEdit ? <Table.Th w={50} /> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {guests.map((guest) => (
              <Table.Tr key={guest.id}>
                <Table.Td>{guest.name}</Table.Td>
                <Table.Td>{guest.organisation || '—'}</Table.Td>
                {canEdit ? (
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('activities.guests.remove', { name: guest.name })}
                      onClick={() => command.mutate({ type: 'remove', guestId: guest.id })}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canEdit ? (
        <form onSubmit={submit} noValidate>
          <Group gap="sm" align="flex-start" wrap="wrap">
            <TextInput
              flex="1 1 200px"
              label={t('activities.guests.name')}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={local ?? server.name}
            />
            <TextInput
              flex="1 1 200px"
              label={t('activities.guests.organisation')}
              value={organisation}
              onChange={(event) => setOrganisation(event.currentTarget.value)}
              error={server.organisation}
            />
            <Button type="submit" mt={25} leftSection={<IconPlus size={16} />} loading={command.isPending}>
              {t('activities.guests.add')}
            </Button>
          </Group>
          {command.isError && Object.keys(server).length === 0 ? (
            <Text size="sm" c="red" mt="xs">
              {errorMessage(command.error, t)}
            </Text>
          ) : null}
        </form>
      ) : null}
    </Stack>
  );
}
