import { describe, expect, it } from 'vitest';
import { compareVietnameseNames, foldVietnamese, normalizePhone, splitVietnameseName } from './names.js';

describe('Vietnamese names', () => {
  it('splits family, middle and given names', () => {
    expect(splitVietnameseName('Nguyễn Thị Thu Hà')).toEqual({ family: 'Nguyễn', middle: 'Thị Thu', given: 'Hà' });
    expect(splitVietnameseName('  Lê   Lợi ')).toEqual({ family: 'Lê', middle: '', given: 'Lợi' });
    expect(splitVietnameseName('Hùng')).toEqual({ family: '', middle: '', given: 'Hùng' });
  });

  it('sorts by given name, then middle, then family, with Vietnamese collation', () => {
    const names = [
      'Trần Văn Bình',
      'Nguyễn Văn Đức',
      'Lê Thị An',
      'Nguyễn Văn Dũng',
      'Phạm Thị Ánh',
      'Đỗ Văn An',
      'Bùi Thị An',
    ];
    expect([...names].sort(compareVietnameseNames)).toEqual([
      'Bùi Thị An',
      'Lê Thị An',
      'Đỗ Văn An',
      'Phạm Thị Ánh',
      'Trần Văn Bình',
      'Nguyễn Văn Dũng',
      'Nguyễn Văn Đức',
    ]);
  });

  it('folds diacritics and đ for search', () => {
    expect(foldVietnamese('Nguyễn Văn Đức')).toBe('nguyen van duc');
    expect(foldVietnamese('ĐẶNG THỊ HƯỜNG')).toBe('dang thi huong');
    // Decomposed input (as some keyboards send it) folds the same as composed.
    expect(foldVietnamese('Nguye\u0302\u0303n')).toBe('nguyen');
  });

  it('normalises phone numbers', () => {
    expect(normalizePhone('+84 912-345-678')).toBe('0912345678');
    expect(normalizePhone('0912.345.678')).toBe('0912345678');
    expect(normalizePhone('84912345678')).toBe('0912345678');
  });
});
