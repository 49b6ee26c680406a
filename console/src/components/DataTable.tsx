import type { ReactNode } from 'react';

export interface Column<T> {
  key: string;
  header: string;
  render(row: T): ReactNode;
  /** `order_by` value when the column can be sorted. */
  sortKey?: string;
  className?: string;
}

interface DataTableProps<T> {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey(row: T): string | number;
  loading?: boolean;
  error?: string | null;
  order?: { by?: string; direction?: 'asc' | 'desc' };
  onSort?(by: string, direction: 'asc' | 'desc'): void;
}

/**
 * A data table that turns into labelled cards below 720 px (each cell carries its header
 * in `data-label`), so nothing scrolls sideways at 360 px.
 */
export function DataTable<T>({ caption, columns, rows, rowKey, loading, error, order, onSort }: DataTableProps<T>) {
  return (
    <div className="gh-table-wrap" aria-busy={loading || undefined}>
      <table className="gh-table">
        <caption className="gh-visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={column.className} aria-sort={sortState(column, order)}>
                {column.sortKey && onSort ? (
                  <button
                    type="button"
                    className="gh-sort"
                    onClick={() => onSort(column.sortKey!, order?.by === column.sortKey && order?.direction === 'asc' ? 'desc' : 'asc')}
                  >
                    {column.header}
                    <span aria-hidden="true" className="gh-sort__arrow">
                      {order?.by === column.sortKey ? (order.direction === 'desc' ? '▼' : '▲') : '↕'}
                    </span>
                  </button>
                ) : (
                  column.header
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) => (
                <td key={column.key} data-label={column.header} className={column.className}>
                  {column.render(row)}
                </td>
              ))}
            </tr>
          ))}
          {rows.length === 0 && (
            <tr className="gh-table__empty">
              <td colSpan={columns.length}>{error ? <span role="alert">{error}</span> : loading ? 'Loading…' : 'No Data Available'}</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

function sortState<T>(column: Column<T>, order?: { by?: string; direction?: 'asc' | 'desc' }) {
  if (!column.sortKey || order?.by !== column.sortKey) return undefined;
  return order.direction === 'desc' ? 'descending' : 'ascending';
}
