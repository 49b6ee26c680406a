/** Small display helpers shared by the pages. No imports, so Node unit tests can load them. */

export const MASKED_SECRET = '••••••••••••••••';

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return date.toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function fullName(user: { firstname?: string | null; lastname?: string | null; username?: string }): string {
  const name = [user.firstname, user.lastname].filter(Boolean).join(' ').trim();
  return name || user.username || '';
}

/** "Showing 11–20 of 23" for a page of a collection. */
export function rangeLabel(meta: { total: number; count: number; per_page: number; current_page: number }): string {
  if (meta.total === 0) return 'No results';
  const first = (meta.current_page - 1) * meta.per_page + 1;
  const last = first + meta.count - 1;
  return `Showing ${first}–${last} of ${meta.total}`;
}

/**
 * Page buttons to show: always the first and last, the current one and its neighbours,
 * with `null` where a gap is skipped: 1 … 4 5 6 … 10.
 */
export function pageList(current: number, total: number): (number | null)[] {
  if (total <= 7) return Array.from({ length: total }, (_, i) => i + 1);
  const pages = new Set([1, total, current - 1, current, current + 1].filter((p) => p >= 1 && p <= total));
  const sorted = [...pages].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const page of sorted) {
    const last = out[out.length - 1];
    if (typeof last === 'number' && page - last > 1) out.push(page - last === 2 ? last + 1 : null);
    out.push(page);
  }
  return out;
}
