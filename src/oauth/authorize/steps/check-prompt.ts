import { InvalidRequest } from '../../errors.js';
import type { Parameters } from '../../parameters.js';
import { parseScope } from '../../../tokens/scopes.js';

/** `prompt` values Gatehouse implements (OIDC Core §3.1.2.1); listed in discovery. */
export const PROMPT_VALUES = ['none', 'login', 'consent', 'select_account'] as const;

export interface PromptRequest {
  prompts: ReadonlySet<string>;
  /** Seconds since the user last entered their password beyond which they must again. */
  maxAge?: number;
}

/**
 * OIDC Core §3.1.2.1: `prompt` is a space-separated set in which `none` stands alone;
 * `max_age` is a whole number of seconds. `select_account` shows the sign-in form, where
 * the user may pick another account.
 */
export function checkPrompt(params: Parameters): PromptRequest {
  const prompts = new Set(parseScope(params.prompt));
  for (const prompt of prompts) {
    if (!(PROMPT_VALUES as readonly string[]).includes(prompt)) throw new InvalidRequest(`Unsupported prompt value: ${prompt.slice(0, 32)}.`);
  }
  if (prompts.has('none') && prompts.size > 1) throw new InvalidRequest('prompt=none cannot be combined with other values.');
  const raw = params.max_age;
  if (raw !== undefined && !/^\d{1,9}$/.test(raw)) throw new InvalidRequest('max_age must be a whole number of seconds.');
  return { prompts, maxAge: raw === undefined ? undefined : Number(raw) };
}
