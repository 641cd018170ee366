import nodemailer, { type Transporter } from 'nodemailer';

/**
 * Sending e-mail over SMTP (nodemailer). Set once at start from the config (`configureMail`);
 * without an SMTP server nothing is sent and the caller records the e-mail as skipped.
 */
export interface MailSettings {
  smtpUrl: string | undefined;
  from: string;
  /** Absolute base for the links in e-mails (PUBLIC_URL). */
  publicUrl: string;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

let settings: MailSettings = {
  smtpUrl: undefined,
  from: 'Lan Tỏa <khong-tra-loi@lantoa.local>',
  publicUrl: 'http://localhost:3000',
};
let transport: Transporter | null = null;

export function configureMail(next: MailSettings): void {
  transport?.close();
  transport = null;
  settings = { ...next, publicUrl: next.publicUrl.replace(/\/+$/u, '') };
}

export function mailSettings(): MailSettings {
  return settings;
}

/** An app path made absolute for an e-mail ("/notifications" → "https://…/notifications"). */
export function absoluteLink(path: string): string {
  return `${settings.publicUrl}${path}`;
}

/** 'skipped' when no SMTP server is configured; throws on an SMTP error (the job retries). */
export async function sendMail(mail: OutgoingMail): Promise<'sent' | 'skipped'> {
  if (!settings.smtpUrl) return 'skipped';
  transport ??= nodemailer.createTransport(settings.smtpUrl, {
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  await transport.sendMail({
    from: settings.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    textEncoding: 'quoted-printable',
  });
  return 'sent';
}
