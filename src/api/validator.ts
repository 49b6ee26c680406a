import { Ajv, type ValidateFunction } from 'ajv';
import formats, { type FormatsPlugin } from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

/**
 * Request validation of the API surface. Bodies are checked as sent: no type coercion and
 * no silent removal of unknown fields (both are a 422). The query string and path are text,
 * so they are coerced (`per_page=10` → 10). `allErrors` reports every field at once.
 */
function createAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({ coerceTypes: coerce, removeAdditional: false, useDefaults: true, allErrors: true, verbose: true, strict: false });
  // ajv-formats is CommonJS: its default export arrives as `.default` under NodeNext.
  const addFormats = ((formats as unknown as { default?: FormatsPlugin }).default ?? formats) as FormatsPlugin;
  addFormats(ajv, ['date-time', 'email', 'uri']);
  return ajv;
}

export function createValidatorCompiler(): FastifySchemaCompiler<any> {
  const strict = createAjv(false);
  const coercing = createAjv(true);
  return ({ schema, httpPart }) => {
    if (httpPart !== 'body') return coercing.compile(schema as object);
    const validate: ValidateFunction = strict.compile(schema as object);
    // A body-less request (curl -X POST) is validated as an empty object.
    const wrapped = (data: unknown) => {
      const value = data ?? {};
      const ok = validate(value);
      wrapped.errors = validate.errors;
      return ok ? { value } : false;
    };
    wrapped.errors = null as ValidateFunction['errors'];
    return wrapped;
  };
}
