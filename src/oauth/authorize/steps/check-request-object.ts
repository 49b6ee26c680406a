import { RequestNotSupported, RequestUriNotSupported } from '../../errors.js';
import type { Parameters } from '../../parameters.js';

/** OIDC Core §6: request objects are not supported, and discovery says so. */
export function checkRequestObject(params: Parameters): void {
  if (params.request !== undefined) throw new RequestNotSupported();
  if (params.request_uri !== undefined) throw new RequestUriNotSupported();
}
