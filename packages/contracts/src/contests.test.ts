import { describe, expect, it } from 'vitest';
import { publicEntryInput } from './contests.js';

const messages = (input: unknown) => {
  const parsed = publicEntryInput.safeParse(input);
  if (parsed.success) return {};
  return Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
};

describe('the public registration form', () => {
  it('asks for an empty field instead of calling it invalid', () => {
    expect(messages({ fullName: ' ', unitName: '', phone: '' })).toEqual({
      fullName: 'Vui lòng nhập họ và tên',
      unitName: 'Vui lòng nhập đơn vị công tác',
      phone: 'Vui lòng nhập số điện thoại',
    });
    expect(messages({})).toEqual({
      fullName: 'Vui lòng nhập họ và tên',
      unitName: 'Vui lòng nhập đơn vị công tác',
      phone: 'Vui lòng nhập số điện thoại',
    });
  });

  it('calls a typed phone of the wrong shape invalid, and keeps a good one normalised', () => {
    expect(messages({ fullName: 'Vũ Thị Hoa', unitName: 'Trường Tiểu học Khánh Hòa', phone: '12' })).toEqual({
      phone: 'Số điện thoại không hợp lệ (ví dụ 0912345678)',
    });
    const parsed = publicEntryInput.parse({
      fullName: 'Vũ Thị Hoa',
      unitName: 'Trường Tiểu học Khánh Hòa',
      phone: '+84 912-345-678',
    });
    expect(parsed.phone).toBe('0912345678');
  });
});
