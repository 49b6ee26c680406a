import { ConfigError } from './config.js';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/**
 * The issuer is an https URL without query or fragment (RFC 8414 §2); plain http is
 * accepted only for a loopback host, for development (RFC 9700 §2.6).
 */
export function validateIssuer(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('GATEHOUSE_ISSUER', `must be an absolute URL, got "${raw}"`);
  }
  if (url.search || url.hash || raw.includes('#')) {
    throw new ConfigError('GATEHOUSE_ISSUER', 'must not have a query or fragment');
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new ConfigError('GATEHOUSE_ISSUER', 'must use https unless the host is loopback');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError('GATEHOUSE_ISSUER', 'must be an http(s) URL');
  }
  return raw.replace(/\/+$/, '');
}
