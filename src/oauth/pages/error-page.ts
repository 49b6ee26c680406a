import { html } from './html.js';
import { layout } from './layout.js';

/** An error the user can read: what happened, and a way back. Never internal detail. */
export function errorPage(stylesheet: string, title: string, explanation: string): string {
  return layout({
    title,
    stylesheet,
    body: html`<h1>${title}</h1>
<p class="gh-lead">${explanation}</p>
<p class="gh-meta">If you followed a link from an application, go back to it and try again, or contact its administrator.</p>`,
  });
}
