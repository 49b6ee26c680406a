import { CSRF_FIELD } from './csrf.js';
import { hiddenFields, html } from './html.js';
import { layout } from './layout.js';
import { describeScope } from './scope-descriptions.js';

export interface ConsentView {
  stylesheet: string;
  csrfToken: string;
  carried: Record<string, string>;
  clientName: string;
  returnHost: string;
  scopes: readonly string[];
  username: string;
}

/** Names the client and every scope it asks for; Allow or Deny (OIDC Core §3.1.2.4). */
export function consentPage(view: ConsentView): string {
  const initial = view.clientName.trim().charAt(0).toUpperCase() || '?';
  return layout({
    title: `Allow ${view.clientName}?`,
    stylesheet: view.stylesheet,
    body: html`<div class="gh-client"><span class="gh-avatar" aria-hidden="true">${initial}</span>
<div><h1>${view.clientName}</h1><span class="gh-meta">${view.returnHost}</span></div></div>
<p><strong>${view.clientName}</strong> would like to:</p>
<ul class="gh-scopes">${view.scopes.map((scope) => {
      const { title, detail } = describeScope(scope);
      return html`<li>${title}${detail ? html`<span class="gh-scope-detail">${detail}</span>` : ''}</li>`;
    })}</ul>
<p class="gh-meta">Signed in as <strong>${view.username}</strong>. You can revoke this access at any time from your <a href="/oauth/account">Gatehouse account</a>.</p>
<form method="post" action="/oauth/consent">
${hiddenFields({ ...view.carried, [CSRF_FIELD]: view.csrfToken })}
<div class="gh-actions">
<button class="gh-button gh-button-secondary" type="submit" name="decision" value="deny">Deny</button>
<button class="gh-button" type="submit" name="decision" value="allow">Allow</button>
</div>
</form>`,
    footer: html`Not you? <a href="/oauth/logout">Sign out</a>`,
  });
}
