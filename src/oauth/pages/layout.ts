import { html, raw, type SafeHtml } from './html.js';

/**
 * The Gatehouse mark: the console's shield (console/src/components/Icon.tsx, `shield`),
 * drawn in the accent colour by gatehouse.css. Inline, so the page loads nothing else;
 * presentation attributes only, which the pages' CSP (no inline styles) allows.
 */
export const SHIELD_PATH = 'M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6z';
const LOGO = raw(
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="${SHIELD_PATH}" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/></svg>`,
);

export interface PageOptions {
  title: string;
  stylesheet: string;
  body: SafeHtml;
  footer?: SafeHtml;
}

/** One white card under the brand: every sign-in page shares this frame. */
export function layout({ title, stylesheet, body, footer }: PageOptions): string {
  return `<!doctype html>${html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<title>${title} · Gatehouse</title>
<link rel="stylesheet" href="${stylesheet}">
</head>
<body>
<div class="gh-page">
<header><span class="gh-brand">${LOGO}<span>Gatehouse</span></span></header>
<main class="gh-card">
${body}
</main>
${footer ? html`<footer class="gh-footer">${footer}</footer>` : ''}
</div>
</body>
</html>
`}`;
}

/** A "<p role=alert>" for an error or a confirmation, or nothing. */
export function alert(kind: 'error' | 'success', message: string | undefined, id?: string): SafeHtml {
  if (!message) return html``;
  return html`<p class="gh-alert gh-alert-${kind}" role="${kind === 'error' ? 'alert' : 'status'}"${id ? html` id="${id}"` : ''}>${message}</p>`;
}
