/**
 * One page of a collection as repositories receive it: a case-insensitive substring
 * `search` over the aggregate's main text columns, a whitelisted sort column, and bounds.
 */
export interface ListQuery<OrderBy extends string = string> {
  search?: string;
  orderBy: OrderBy;
  direction: 'asc' | 'desc';
  offset: number;
  limit: number;
}

export interface ListPage<T> {
  total: number;
  items: T[];
}
