import { notificationKindSpec } from '@lan-toa/contracts';
import { viDay } from '../../platform/dates.js';
import { escapeHtml } from '../../platform/html.js';
import { absoluteLink, type OutgoingMail } from './mail.js';

/** The e-mails' words: Vietnamese, plain text with a simple HTML twin, every link absolute. */

export interface MailNotice {
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
}

const timeFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
});

function footer() {
  const settings = absoluteLink('/notifications/settings');
  return {
    text: `\n--\nLan Tỏa — Công đoàn Giáo dục\nBạn nhận thư này theo cài đặt thông báo của mình. Thay đổi tại: ${settings}\n`,
    html: `<hr style="border:none;border-top:1px solid #ddd;margin:24px 0 12px"><p style="color:#666;font-size:12px">Lan Tỏa — Công đoàn Giáo dục. Bạn nhận thư này theo cài đặt thông báo của mình. <a href="${escapeHtml(settings)}">Thay đổi cài đặt thông báo</a>.</p>`,
  };
}

function page(inner: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"></head><body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#222;max-width:600px">${inner}${footer().html}</body></html>`;
}

export function noticeMail(to: string, notice: MailNotice): OutgoingMail {
  const link = notice.link ? absoluteLink(notice.link) : null;
  const kind = notificationKindSpec(notice.kind)?.label ?? 'Thông báo';
  const parts = [notice.title];
  if (notice.body) parts.push('', notice.body);
  if (link) parts.push('', `Xem chi tiết: ${link}`);
  const text = parts.join('\n') + footer().text;
  const html = page(
    `<p style="color:#666;font-size:13px;margin:0">${escapeHtml(kind)}</p>` +
      `<h2 style="font-size:18px;margin:4px 0 12px">${escapeHtml(notice.title)}</h2>` +
      (notice.body ? `<p style="white-space:pre-line">${escapeHtml(notice.body)}</p>` : '') +
      (link
        ? `<p><a href="${escapeHtml(link)}" style="display:inline-block;background:#1c7ed6;color:#fff;padding:8px 16px;border-radius:4px;text-decoration:none">Xem chi tiết</a></p>`
        : ''),
  );
  return { to, subject: `[Lan Tỏa] ${notice.title}`, text, html };
}

export function digestMail(to: string, day: Date, notices: MailNotice[]): OutgoingMail {
  const centre = absoluteLink('/notifications');
  const lines = notices.map((n) => {
    const link = n.link ? `\n   ${absoluteLink(n.link)}` : '';
    return `• ${n.title} (${timeFormat.format(n.createdAt)})${n.body ? `\n   ${n.body}` : ''}${link}`;
  });
  const text = [
    `Tổng hợp thông báo ngày ${viDay(day)}`,
    '',
    `Bạn có ${notices.length} thông báo chưa đọc:`,
    '',
    ...lines,
    '',
    `Xem tất cả thông báo: ${centre}`,
    footer().text,
  ].join('\n');
  const items = notices
    .map((n) => {
      const title = n.link
        ? `<a href="${escapeHtml(absoluteLink(n.link))}">${escapeHtml(n.title)}</a>`
        : escapeHtml(n.title);
      return `<li style="margin-bottom:10px">${title} <span style="color:#666;font-size:13px">(${escapeHtml(timeFormat.format(n.createdAt))})</span>${n.body ? `<br><span style="color:#444">${escapeHtml(n.body)}</span>` : ''}</li>`;
    })
    .join('');
  const html = page(
    `<h2 style="font-size:18px">Tổng hợp thông báo ngày ${escapeHtml(viDay(day))}</h2>` +
      `<p>Bạn có ${notices.length} thông báo chưa đọc:</p><ul style="padding-left:20px">${items}</ul>` +
      `<p><a href="${escapeHtml(centre)}">Xem tất cả thông báo</a></p>`,
  );
  return {
    to,
    subject: `[Lan Tỏa] Tổng hợp ${notices.length} thông báo ngày ${viDay(day)}`,
    text,
    html,
  };
}
