import { resolve } from 'node:path';
import { z } from 'zod';

/** The only reader of process.env. Validated at boot so a bad setting fails fast with a clear message. */
const envSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  ADMIN_LOGIN: z.string().min(3).optional(),
  ADMIN_PASSWORD: z.string().min(12, 'ADMIN_PASSWORD cần ít nhất 12 ký tự').optional(),
  /** Public URL; when it is https, cookies get Secure and the __Host- prefix. */
  PUBLIC_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEMO_DATA: z.enum(['true', 'false']).default('true'),
  /** How many reverse proxies stand in front (0: none). Only their X-Forwarded-For entries are believed. */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  /** Key (32 bytes, base64) encrypting Zalo/Facebook tokens at rest; absent: one kept in the database. */
  CHANNEL_SECRET_KEY: z
    .string()
    .refine((value) => Buffer.from(value, 'base64').length === 32, 'CHANNEL_SECRET_KEY phải là 32 byte mã hóa base64')
    .optional(),
  ZALO_API_URL: z.string().url().default('https://openapi.zalo.me'),
  ZALO_OAUTH_URL: z.string().url().default('https://oauth.zaloapp.com'),
  FACEBOOK_GRAPH_URL: z.string().url().default('https://graph.facebook.com/v26.0'),
  /** SMTP server for e-mail notifications (smtp://host:port or smtps://user:pass@host:465); absent: e-mail is skipped. */
  SMTP_URL: z
    .string()
    .url()
    .refine((value) => /^smtps?:\/\//u.test(value), 'SMTP_URL phải bắt đầu bằng smtp:// hoặc smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Lan Tỏa <khong-tra-loi@lantoa.local>'),
  /** Anonymous voice items of a unit with fewer active members than this are shown under the level above. */
  ANONYMOUS_MIN_UNIT_MEMBERS: z.coerce.number().int().min(1).max(1000).default(10),
});

export interface Config {
  databaseUrl: string | undefined;
  port: number;
  host: string;
  dataDir: string;
  embeddedPgPort: number;
  adminLogin: string | undefined;
  adminPassword: string | undefined;
  secureCookies: boolean;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  demoData: boolean;
  trustProxy: number;
  webDistDir: string;
  /** Where the public portal lives (PUBLIC_URL, else this server on localhost): links posted to Zalo and Facebook. */
  publicUrl: string;
  channels: { secretKey: string | undefined; zaloApiUrl: string; zaloOauthUrl: string; facebookGraphUrl: string };
  /** E-mail notifications: `smtpUrl` undefined means e-mail jobs are recorded as skipped. */
  mail: { smtpUrl: string | undefined; from: string };
  /** Smallest unit (active members) an anonymous concern or survey answer is shown under. */
  anonymousMinUnitMembers: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Cấu hình không hợp lệ:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL,
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    adminLogin: e.ADMIN_LOGIN,
    adminPassword: e.ADMIN_PASSWORD,
    secureCookies: e.PUBLIC_URL?.startsWith('https://') ?? false,
    logLevel: e.LOG_LEVEL,
    demoData: e.DEMO_DATA === 'true',
    trustProxy: e.TRUST_PROXY,
    webDistDir: resolve(import.meta.dirname, '../../web/dist'),
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/u, ''),
    channels: {
      secretKey: e.CHANNEL_SECRET_KEY,
      zaloApiUrl: e.ZALO_API_URL.replace(/\/+$/u, ''),
      zaloOauthUrl: e.ZALO_OAUTH_URL.replace(/\/+$/u, ''),
      facebookGraphUrl: e.FACEBOOK_GRAPH_URL.replace(/\/+$/u, ''),
    },
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    anonymousMinUnitMembers: e.ANONYMOUS_MIN_UNIT_MEMBERS,
  };
}
