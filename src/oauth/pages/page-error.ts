/**
 * An error shown to the user as an HTML page, never as a redirect: an unknown client or a
 * redirect URI that does not match (RFC 6749 §4.1.2.1, RFC 9700 §4.11), a failed CSRF check…
 */
export class PageError extends Error {
  readonly headers: Record<string, string> = {};

  constructor(
    readonly statusCode: number,
    readonly title: string,
    readonly explanation: string,
  ) {
    super(`${title}: ${explanation}`);
    this.name = 'PageError';
  }

  withHeader(name: string, value: string): this {
    this.headers[name] = value;
    return this;
  }
}

export const invalidClientPage = () =>
  new PageError(400, 'Unknown application', 'The application that sent you here is not registered with Gatehouse, or has been disabled.');

export const invalidRedirectPage = () =>
  new PageError(400, 'Invalid redirect address', 'The application asked to return you to an address it has not registered, so Gatehouse will not send you there.');

export const csrfFailurePage = () =>
  new PageError(403, 'This form has expired', 'The form was not sent from this Gatehouse page, or it is too old. Go back, reload the page and try again.');
