/**
 * Plays the user's browser for the code + PKCE examples: follows redirects by hand with a
 * cookie jar, fills in the sign-in form (hidden fields and CSRF token included, as a
 * browser submits them) and, when asked, presses Allow on the consent page. Nothing here
 * knows about the example: it only follows what the server sends, until the server
 * redirects to the example's loopback listener, which it then visits.
 */

export interface Page {
  url: string;
  status: number;
  body: string;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const decode = (value: string) => value.replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]);

/** The first form on a page whose action matches, with its hidden fields. */
export function readForm(page: Page, action: string): { action: string; fields: Record<string, string> } {
  const form = new RegExp(`<form[^>]*action="(${action.replace(/[/.?]/g, '\\$&')}[^"]*)"[^>]*>([\\s\\S]*?)</form>`).exec(page.body);
  if (!form) throw new Error(`no form posting to ${action} on ${page.url} (${page.status}):\n${page.body.slice(0, 2000)}`);
  const fields: Record<string, string> = {};
  for (const input of form[2].matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) fields[decode(input[1])] = decode(input[2]);
  return { action: new URL(decode(form[1]), page.url).href, fields };
}

export class Browser {
  private readonly cookies = new Map<string, string>();

  private async request(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const headers: Record<string, string> = { accept: 'text/html' };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, {
      method: init.method ?? 'GET',
      headers: init.form ? { ...headers, 'content-type': 'application/x-www-form-urlencoded' } : headers,
      body: init.form ? new URLSearchParams(init.form) : undefined,
      redirect: 'manual',
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    return response;
  }

  /** Loads a URL (GET, or POST with a form) and follows redirects as a browser would. */
  async open(url: string, form?: Record<string, string>): Promise<Page> {
    let response = await this.request(url, form ? { method: 'POST', form } : {});
    for (let hops = 0; response.status >= 300 && response.status < 400; hops++) {
      if (hops > 10) throw new Error(`too many redirects from ${url}`);
      url = new URL(response.headers.get('location')!, url).href;
      await response.body?.cancel();
      response = await this.request(url);
    }
    return { url, status: response.status, body: await response.text() };
  }

  /**
   * From the authorization URL to wherever the server finally sends the browser: signs in
   * on the login page and answers the consent page if one is shown.
   */
  async authorize(authorizationUrl: string, user: { username: string; password: string }, consent: 'allow' | 'deny' = 'allow'): Promise<Page> {
    let page = await this.open(authorizationUrl);
    if (new URL(page.url).pathname === '/oauth/login') {
      const login = readForm(page, '/oauth/login');
      page = await this.open(login.action, { ...login.fields, username: user.username, password: user.password });
    }
    if (new URL(page.url).pathname === '/oauth/consent' || page.body.includes('action="/oauth/consent"')) {
      const form = readForm(page, '/oauth/consent');
      page = await this.open(form.action, { ...form.fields, decision: consent });
    }
    return page;
  }
}
