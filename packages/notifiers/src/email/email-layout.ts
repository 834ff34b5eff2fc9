import { escapeHtml } from '../escape-html.ts';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** A plain, table-free layout with inline styles: what mail clients render reliably. */
export function emailLayout(title: string, bodyHtml: string, dashboardUrl: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head>
<body style="margin:0;padding:24px;background:#f5f5f4;font-family:-apple-system,Segoe UI,Roboto,sans-serif;color:#1c1917">
<div style="max-width:640px;margin:0 auto;background:#fff;border-radius:8px;padding:24px">
<h1 style="font-size:18px;margin:0 0 16px">${escapeHtml(title)}</h1>
${bodyHtml}
<p style="margin-top:24px;font-size:12px;color:#78716c">Sent by Fixloop · <a href="${escapeHtml(dashboardUrl)}">${escapeHtml(dashboardUrl)}</a></p>
</div>
</body>
</html>`;
}

/** Key/value rows as a small HTML table. */
export function detailsTable(rows: ReadonlyArray<readonly [string, string]>): string {
  const cells = rows
    .map(
      ([key, value]) =>
        `<tr><td style="padding:2px 12px 2px 0;color:#78716c">${escapeHtml(key)}</td><td>${escapeHtml(value)}</td></tr>`,
    )
    .join('');
  return `<table style="border-collapse:collapse;font-size:14px">${cells}</table>`;
}
