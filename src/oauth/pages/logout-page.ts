import { CSRF_FIELD } from './csrf.js';
import { hiddenFields, html } from './html.js';
import { layout } from './layout.js';

/** RP-initiated logout confirmation (OIDC RP-Initiated Logout §2): one button, CSRF-protected. */
export function logoutConfirmPage(view: { stylesheet: string; csrfToken: string; carried: Record<string, string>; username: string; clientName?: string }): string {
  return layout({
    title: 'Sign out',
    stylesheet: view.stylesheet,
    body: html`<h1>Sign out of Gatehouse?</h1>
<p class="gh-lead">You are signed in as <strong>${view.username}</strong>${view.clientName ? html`; ${view.clientName} asked to sign you out` : ''}.</p>
<form method="post" action="/oauth/logout">
${hiddenFields({ ...view.carried, [CSRF_FIELD]: view.csrfToken })}
<div class="gh-actions">
<a class="gh-button gh-button-secondary" href="/oauth/account">Stay signed in</a>
<button class="gh-button" type="submit">Sign out</button>
</div>
</form>`,
  });
}

export function signedOutPage(stylesheet: string): string {
  return layout({
    title: 'Signed out',
    stylesheet,
    body: html`<h1>You have signed out</h1>
<p class="gh-lead">Your Gatehouse session has ended on this device.</p>
<div class="gh-actions"><a class="gh-button" href="/oauth/login">Sign in again</a></div>`,
  });
}
