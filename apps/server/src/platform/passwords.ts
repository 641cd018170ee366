import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { AppError } from './errors.js';

// OWASP's argon2id setting: 19 MiB, 2 passes, 1 lane. (2 is Algorithm.Argon2id, a const enum.)
const OPTIONS = { algorithm: 2 as const, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

/** The most common passwords (and this product's obvious ones); checked case-insensitively. */
const COMMON = new Set([
  '123456789012',
  '1234567890123',
  '12345678910',
  '123456789123',
  '111111111111',
  '000000000000',
  'password1234',
  'password123!',
  'passw0rd1234',
  'qwertyuiop12',
  'qwerty123456',
  '1q2w3e4r5t6y',
  'abc123456789',
  'iloveyou1234',
  'admin1234567',
  'administrator',
  'welcome12345',
  'matkhau12345',
  'matkhau123456',
  'congdoan1234',
  'congdoan2023',
  'congdoan2024',
  'congdoan2025',
  'lantoa123456',
  'lantoa2024!!',
  'ninhbinh1234',
  'ninhbinh2024',
  'giaoduc12345',
  'vietnam12345',
  'hanoi1234567',
  'aaaaaaaaaaaa',
  'abcdefghijkl',
  'qazwsxedcrfv',
  '1qaz2wsx3edc',
  'zaq12wsxcde3',
  'asdfghjkl123',
  'baseball1234',
  'football1234',
  'superman1234',
  'princess1234',
  'sunshine1234',
  'trustno11234',
]);

export function checkPasswordStrength(password: string, context: string[] = []): void {
  const problems: string[] = [];
  if ([...password].length < PASSWORD_MIN) problems.push(`Mật khẩu cần ít nhất ${PASSWORD_MIN} ký tự.`);
  if ([...password].length > PASSWORD_MAX) problems.push(`Mật khẩu tối đa ${PASSWORD_MAX} ký tự.`);
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || /^(.)\1+$/u.test(password)) problems.push('Mật khẩu quá phổ biến, dễ bị đoán.');
  if (context.some((word) => word.length >= 4 && lower.includes(word.toLowerCase()))) {
    problems.push('Mật khẩu không được chứa tên đăng nhập.');
  }
  if (problems.length > 0) {
    throw new AppError(
      'WEAK_PASSWORD',
      problems.join(' '),
      problems.map((message) => ({ field: 'newPassword', message })),
    );
  }
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A random password that passes the checks above: 16 characters, no look-alikes. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(16);
  return Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join('');
}

let dummyHash: Promise<string> | undefined;
/** Verifying against a throwaway hash keeps "no such login" as slow as "wrong password". */
export async function burnVerifyTime(password: string): Promise<void> {
  dummyHash ??= hashPassword(generatePassword());
  await verifyPassword(await dummyHash, password);
}
