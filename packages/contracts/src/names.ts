/**
 * Vietnamese personal names: "Nguyễn Thị Thu Hà" is family "Nguyễn", middle "Thị Thu",
 * given "Hà". Lists sort by given name, then middle, then family (the Vietnamese way).
 */
export interface NameParts {
  family: string;
  middle: string;
  given: string;
}

/** Collapses runs of spaces and trims; NFC so that composed and decomposed input compare equal. */
export function normalizeSpaces(value: string): string {
  return value.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

export function splitVietnameseName(fullName: string): NameParts {
  const words = normalizeSpaces(fullName).split(' ').filter(Boolean);
  if (words.length === 0) return { family: '', middle: '', given: '' };
  if (words.length === 1) return { family: '', middle: '', given: words[0] ?? '' };
  return {
    family: words[0] ?? '',
    middle: words.slice(1, -1).join(' '),
    given: words[words.length - 1] ?? '',
  };
}

/**
 * Folds text for search: lower case, no diacritics, đ → d. "Nguyễn Văn Đức" → "nguyen van duc".
 * The same function folds stored text and queries, so they always agree.
 */
export function foldVietnamese(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/[đĐ]/gu, 'd')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}

const collator = new Intl.Collator('vi', { sensitivity: 'variant' });

/** Orders full names the Vietnamese way: given name, then middle, then family. */
export function compareVietnameseNames(a: string, b: string): number {
  const pa = splitVietnameseName(a);
  const pb = splitVietnameseName(b);
  return (
    collator.compare(pa.given, pb.given) ||
    collator.compare(pa.middle, pb.middle) ||
    collator.compare(pa.family, pb.family)
  );
}

/** Keeps only digits and a leading +84 turned into 0, so "+84 912-345-678" = "0912345678". */
export function normalizePhone(value: string): string {
  const digits = value.replace(/[^\d+]/gu, '');
  if (digits.startsWith('+84')) return `0${digits.slice(3)}`;
  if (digits.startsWith('84') && digits.length === 11) return `0${digits.slice(2)}`;
  return digits.replace(/\+/gu, '');
}
