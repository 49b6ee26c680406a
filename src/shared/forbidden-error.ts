/**
 * The caller is authenticated and holds the route's permission, yet this particular change
 * is not theirs to make (e.g. granting themselves a permission). The API answers 403.
 */
export class ForbiddenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenError';
  }
}
