import type { FastifyReply } from 'fastify';
import type { Services } from '../../services.js';
import type { BrowserSessions } from './browser-session.js';
import type { Csrf } from './csrf.js';
import { pageSecurityHeaders } from './security-headers.js';

/** What every page route needs, built once by the pages plugin. */
export interface PagesContext {
  services: Services;
  sessions: BrowserSessions;
  csrf: Csrf;
  /** Versioned href of the stylesheet. */
  stylesheet: string;
}

/** Sends a page with its security headers; `formTargets` widen CSP form-action (see security-headers.ts). */
export function sendPage(reply: FastifyReply, body: string, options: { status?: number; formTargets?: readonly string[] } = {}) {
  return reply
    .code(options.status ?? 200)
    .headers(pageSecurityHeaders(options.formTargets))
    .type('text/html; charset=utf-8')
    .send(body);
}

/** What the user sees of a redirect URI: its host, or the scheme of a native app. */
export function displayHost(uri: string): string {
  try {
    const url = new URL(uri);
    return url.host || url.protocol;
  } catch {
    return uri;
  }
}
