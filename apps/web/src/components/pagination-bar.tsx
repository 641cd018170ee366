import { Group, Pagination, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../app/format';

export const PAGE_SIZES = [25, 50, 100] as const;

interface PaginationBarProps {
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
  onPageSizeChange?: (pageSize: number) => void;
}

export function PaginationBar({ page, pageSize, total, onPageChange, onPageSizeChange }: PaginationBarProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <Group justify="space-between" gap="sm" wrap="wrap">
      <Text size="sm" c="dimmed">
        {t('common.rangeOfTotal', { from: formatNumber(from), to: formatNumber(to), total: formatNumber(total) })}
      </Text>
      <Group gap="sm" wrap="wrap">
        {onPageSizeChange ? (
          <Select
            aria-label={t('common.pageSize')}
            w={110}
            size="xs"
            allowDeselect={false}
            data={PAGE_SIZES.map((size) => ({ value: String(size), label: t('common.perPage', { size }) }))}
            value={String(pageSize)}
            onChange={(value) => value && onPageSizeChange(Number(value))}
          />
        ) : null}
        {pages > 1 ? (
          <Pagination
            total={pages}
            value={Math.min(page, pages)}
            onChange={onPageChange}
            size="sm"
            siblings={1}
            boundaries={1}
            getControlProps={(control) => ({ 'aria-label': t(`common.pageControl.${control}`) })}
          />
        ) : null}
      </Group>
    </Group>
  );
}
