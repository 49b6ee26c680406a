import type { Meta } from '../api/types';
import { pageList, rangeLabel } from '../lib/format';
import { IconButton } from './Button';

interface PaginationProps {
  meta: Meta | null;
  onPage(page: number): void;
  onPerPage(perPage: number): void;
  label: string;
}

export function Pagination({ meta, onPage, onPerPage, label }: PaginationProps) {
  if (!meta) return null;
  const current = meta.current_page;
  const last = Math.max(1, meta.total_pages);
  return (
    <nav className="gh-pagination" aria-label={`${label} pagination`}>
      <span className="gh-pagination__range">{rangeLabel(meta)}</span>
      <div className="gh-pagination__pages">
        <IconButton icon="chevronLeft" label="Previous page" disabled={current <= 1} onClick={() => onPage(current - 1)} />
        {pageList(current, last).map((page, i) =>
          page === null ? (
            <span key={`gap-${i}`} className="gh-pagination__gap" aria-hidden="true">
              …
            </span>
          ) : (
            <button
              key={page}
              type="button"
              className={`gh-page${page === current ? ' gh-page--current' : ''}`}
              aria-current={page === current ? 'page' : undefined}
              aria-label={`Page ${page}`}
              onClick={() => onPage(page)}
            >
              {page}
            </button>
          ),
        )}
        <IconButton icon="chevronRight" label="Next page" disabled={current >= last} onClick={() => onPage(current + 1)} />
      </div>
      <label className="gh-pagination__size">
        <span>Per page</span>
        <select value={meta.per_page} onChange={(e) => onPerPage(Number(e.target.value))}>
          {[10, 25, 50, 100].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
    </nav>
  );
}
