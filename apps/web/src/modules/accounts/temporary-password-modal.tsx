import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy, IconKey } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TemporaryPasswordResponse } from '../../app/types';

interface TemporaryPasswordModalProps {
  result: TemporaryPasswordResponse | null;
  onClose: () => void;
}

/** Shows a temporary password exactly once; it is not kept anywhere after this modal closes. */
export function TemporaryPasswordModal({ result, onClose }: TemporaryPasswordModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={result !== null}
      onClose={onClose}
      title={t('accounts.tempPassword.title')}
      closeOnClickOutside={false}
    >
      {result ? (
        <Stack>
          <Text size="sm">
            {t('accounts.tempPassword.for', {
              name: result.account.displayName,
              login: result.account.email ?? result.account.phone ?? '',
            })}
          </Text>
          <Group gap="xs" wrap="nowrap" align="center">
            <IconKey size={18} />
            <Code fz="lg" px="sm" py={6} data-testid="temporary-password" style={{ wordBreak: 'break-all' }}>
              {result.temporaryPassword}
            </Code>
            <CopyButton value={result.temporaryPassword} timeout={2000}>
              {({ copied, copy }) => (
                <Button
                  size="xs"
                  variant={copied ? 'filled' : 'light'}
                  color={copied ? 'green' : undefined}
                  leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                  onClick={copy}
                >
                  {copied ? t('common.copied') : t('common.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Alert color="yellow">{t('accounts.tempPassword.once')}</Alert>
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('accounts.tempPassword.done')}</Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
