import type { ComboboxParsedItem } from '@mantine/core';
import { foldVietnamese } from '../app/format';

/** Combobox filter that ignores Vietnamese diacritics and case ("dang nhap" finds "Đăng nhập"). */
export function foldFilter({ options, search }: { options: ComboboxParsedItem[]; search: string }) {
  const needle = foldVietnamese(search);
  if (!needle) return options;
  return options.filter((option) => 'label' in option && foldVietnamese(option.label).includes(needle));
}
