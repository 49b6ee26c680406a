import type { User } from '../../users/user.js';
import { CSRF_FIELD } from './csrf.js';
import { hiddenFields, html } from './html.js';
import { alert, layout } from './layout.js';
import { describeScope } from './scope-descriptions.js';

export interface AuthorizedApp {
  clientId: number;
  clientName: string;
  scopes: string[];
}

export interface AccountView {
  stylesheet: string;
  csrfToken: string;
  user: User;
  apps: AuthorizedApp[];
  notice?: string;
}

/** Who is signed in, the applications they approved (each revocable), and sign-out. */
export function accountPage(view: AccountView): string {
  const { user } = view;
  const name = `${user.firstname} ${user.lastname}`.trim() || user.username;
  const csrf = { [CSRF_FIELD]: view.csrfToken };
  return layout({
    title: 'Your account',
    stylesheet: view.stylesheet,
    body: html`<h1>You are signed in</h1>
<p class="gh-lead">${name} <span class="gh-meta">(${user.username}, ${user.email})</span></p>
${alert('success', view.notice)}
<section class="gh-section" aria-labelledby="apps-title">
<h2 id="apps-title">Applications you have allowed</h2>
${
  view.apps.length === 0
    ? html`<p class="gh-meta">None yet.</p>`
    : html`<ul class="gh-scopes gh-apps">${view.apps.map(
        (app) => html`<li><span>${app.clientName}<span class="gh-scope-detail">${app.scopes.map((s) => describeScope(s).title).join(' · ')}</span></span>
<form method="post" action="/oauth/account/revoke">${hiddenFields({ ...csrf, client_id: String(app.clientId) })}
<button class="gh-button gh-button-danger gh-button-small" type="submit" aria-label="Revoke access for ${app.clientName}">Revoke access</button></form></li>`,
      )}</ul>`
}
</section>
<form method="post" action="/oauth/logout">
${hiddenFields(csrf)}
<div class="gh-actions"><button class="gh-button gh-button-secondary" type="submit">Sign out</button></div>
</form>`,
  });
}
