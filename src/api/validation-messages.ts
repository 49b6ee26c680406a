import type { ErrorObject } from 'ajv';

/**
 * Turns JSON-schema errors into Laravel-style field messages (`The name must be a string.`),
 * the shape ProcessMaker clients expect in a 422 body (DESIGN §6). A property's `title`
 * is its label; otherwise the wire name with `_` read as a space. Keys are dotted paths.
 */
export function fieldMessages(issues: readonly ErrorObject[]): Record<string, string[]> {
  // A Map: field names come from the request (`constructor`, `__proto__`), never from a prototype.
  const errors = new Map<string, string[]>();
  for (const issue of issues) {
    const { field, label } = locate(issue);
    const message = describe(issue, label);
    const list = errors.get(field) ?? [];
    if (!list.includes(message)) list.push(message);
    errors.set(field, list);
  }
  return Object.fromEntries(errors);
}

function locate(issue: ErrorObject): { field: string; label: string } {
  const path = issue.instancePath.split('/').filter(Boolean);
  const params = issue.params as { missingProperty?: string; additionalProperty?: string };
  const child = params.missingProperty ?? params.additionalProperty;
  if (child !== undefined) path.push(child);
  const field = path.join('.') || 'body';
  const titled = child !== undefined ? issue.parentSchema?.properties?.[child]?.title : issue.parentSchema?.title;
  const label = typeof titled === 'string' ? titled : field === 'body' ? 'request body' : field.replace(/_/g, ' ');
  return { field, label };
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  array: 'an array',
  object: 'an object',
};

function describe(issue: ErrorObject, label: string): string {
  const params = issue.params as Record<string, any>;
  switch (issue.keyword) {
    case 'required':
      return `The ${label} field is required.`;
    case 'additionalProperties':
      return `The ${label} field is not allowed.`;
    case 'type': {
      const type = String(params.type).split(',').find((t) => t !== 'null') ?? 'valid';
      if (type === 'boolean') return `The ${label} field must be true or false.`;
      return `The ${label} must be ${TYPE_NAMES[type] ?? 'valid'}.`;
    }
    case 'minLength':
      return params.limit === 1 ? `The ${label} field is required.` : `The ${label} must be at least ${params.limit} characters.`;
    case 'maxLength':
      return `The ${label} may not be greater than ${params.limit} characters.`;
    case 'minimum':
      return `The ${label} must be at least ${params.limit}.`;
    case 'maximum':
      return `The ${label} may not be greater than ${params.limit}.`;
    case 'minItems':
      return `The ${label} must have at least ${params.limit} ${params.limit === 1 ? 'item' : 'items'}.`;
    case 'maxItems':
      return `The ${label} may not have more than ${params.limit} items.`;
    case 'uniqueItems':
      return `The ${label} field has a duplicate value.`;
    case 'enum':
      return `The selected ${label} is invalid.`;
    case 'format':
      if (params.format === 'date-time') return `The ${label} is not a valid date.`;
      if (params.format === 'email') return `The ${label} must be a valid email address.`;
      return `The ${label} format is invalid.`;
    case 'pattern':
      return `The ${label} format is invalid.`;
    default:
      return `The ${label} is invalid.`;
  }
}
