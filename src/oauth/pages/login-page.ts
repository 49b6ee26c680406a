import { CSRF_FIELD } from './csrf.js';
import { hiddenFields, html } from './html.js';
import { alert, layout } from './layout.js';

export interface LoginView {
  stylesheet: string;
  csrfToken: string;
  /** The authorization request carried through the form. */
  carried: Record<string, string>;
  clientName?: string;
  /** Host the user returns to afterwards, shown so a look-alike client stands out. */
  returnHost?: string;
  username?: string;
  error?: string;
}

/** The sign-in form: username or email, password, a CSRF token, nothing else. */
export function loginPage(view: LoginView): string {
  return layout({
    title: 'Sign in',
    stylesheet: view.stylesheet,
    body: html`<h1>Sign in</h1>
<p class="gh-lead">${view.clientName ? html`to continue to <strong>${view.clientName}</strong>` : 'to your Gatehouse account'}</p>
${alert('error', view.error, 'login-error')}
<form method="post" action="/oauth/login" novalidate>
${hiddenFields({ ...view.carried, [CSRF_FIELD]: view.csrfToken })}
<div class="gh-field">
<label for="username">Username or email</label>
<input class="gh-input" id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${view.username ?? ''}"${view.username ? '' : html` autofocus`}${view.error ? html` aria-describedby="login-error"` : ''}>
</div>
<div class="gh-field">
<label for="password">Password</label>
<input class="gh-input" id="password" name="password" type="password" autocomplete="current-password" required${view.username ? html` autofocus` : ''}>
</div>
<div class="gh-actions"><button class="gh-button" type="submit">Sign in</button></div>
</form>`,
    footer: view.returnHost ? html`You will return to <strong>${view.returnHost}</strong>` : undefined,
  });
}
