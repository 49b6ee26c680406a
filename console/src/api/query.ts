/** The list parameters every collection takes (DESIGN §6). */
export interface ListQuery {
  filter?: string;
  order_by?: string;
  order_direction?: 'asc' | 'desc';
  page?: number;
  per_page?: number;
  [extra: string]: string | number | undefined;
}

/** Builds `?a=1&b=2`, leaving out empty values; '' when nothing is left. */
export function queryString(query: Record<string, string | number | boolean | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
