import { Container } from '@mantine/core';
import { IconHierarchy2 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../components/links';
import { EmptyBlock } from '../../components/states';

/** Signed in, but the account is attached to no unit and no member record. */
export function NoHomePage() {
  const { t } = useTranslation();
  return (
    <Container size="sm" py="xl">
      <EmptyBlock
        icon={<IconHierarchy2 size={28} />}
        title={t('home.noUnitTitle')}
        description={t('home.noUnitHint')}
        action={
          <ButtonLink to="/units" variant="light">
            {t('nav.units')}
          </ButtonLink>
        }
      />
    </Container>
  );
}
