import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconBellCog, IconCheck, IconChevronDown, IconKey, IconLanguage, IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage, LANGUAGES } from '../app/i18n';
import type { Me } from '../app/types';
import { AnchorLink } from './links';

interface AccountMenuProps {
  me: Me;
  onChangePassword: () => void;
  onLogout: () => void;
}

function initials(name: string): string {
  const words = name.trim().split(/\s+/u);
  const last = words[words.length - 1] ?? '';
  return last.charAt(0).toUpperCase() || '?';
}

export function AccountMenu({ me, onChangePassword, onLogout }: AccountMenuProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const name = me.account.displayName;
  return (
    <Menu position="bottom-end" width={240} shadow="md" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t('account.menu')} data-testid="account-menu">
          <Group gap={8} wrap="nowrap">
            <Avatar color="blue" radius="xl" size={32}>
              {initials(name)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="sm" maw={180} truncate>
              {name}
            </Text>
            <IconChevronDown size={14} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="dark" truncate>
            {name}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {me.account.email ?? me.account.phone ?? ''}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item leftSection={<IconKey size={16} />} onClick={onChangePassword}>
          {t('account.changePassword')}
        </Menu.Item>
        <Menu.Item
          component={AnchorLink}
          to="/notifications/settings"
          leftSection={<IconBellCog size={16} />}
          c="dark"
          underline="never"
        >
          {t('notifications.settings')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Label>
          <Group gap={6}>
            <IconLanguage size={14} />
            {t('account.language')}
          </Group>
        </Menu.Label>
        {LANGUAGES.map((code) => (
          <Menu.Item
            key={code}
            onClick={() => changeLanguage(code)}
            rightSection={code === language ? <IconCheck size={16} /> : null}
            aria-current={code === language ? 'true' : undefined}
          >
            {t(`languages.${code}`)}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item color="red" leftSection={<IconLogout size={16} />} onClick={onLogout} data-testid="logout">
          {t('account.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
