import { Title, type TitleProps } from '@mantine/core';

/** The page's h1: a size smaller on phones, where long Vietnamese unit names wrap. */
export function PageTitle(props: Omit<TitleProps, 'order' | 'size'>) {
  return <Title order={1} fz={{ base: 'h3', sm: 'h2' }} lh={1.3} {...props} />;
}
