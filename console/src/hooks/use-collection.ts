import { useCallback, useEffect, useRef, useState } from 'react';
import type { ListQuery } from '../api/query';
import type { Meta, Paginated } from '../api/types';
import { errorMessage } from '../api/http';

export interface Collection<T> {
  rows: T[];
  meta: Meta | null;
  loading: boolean;
  error: string | null;
  query: ListQuery;
  setQuery(change: Partial<ListQuery>): void;
  reload(): void;
}

/**
 * One paginated, searchable, sortable API collection. Changing anything but the page goes
 * back to page 1; answers to stale requests are dropped.
 */
export function useCollection<T>(fetch: (query: ListQuery) => Promise<Paginated<T>>, initial: ListQuery = {}): Collection<T> {
  const [query, setQueryState] = useState<ListQuery>({ page: 1, per_page: 10, ...initial });
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<{ rows: T[]; meta: Meta | null; loading: boolean; error: string | null }>({
    rows: [],
    meta: null,
    loading: true,
    error: null,
  });
  const fetchRef = useRef(fetch);
  fetchRef.current = fetch;

  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    fetchRef.current(query).then(
      (result) => current && setState({ rows: result.data, meta: result.meta, loading: false, error: null }),
      (error: unknown) => current && setState({ rows: [], meta: null, loading: false, error: errorMessage(error) }),
    );
    return () => {
      current = false;
    };
  }, [query, version]);

  const setQuery = useCallback((change: Partial<ListQuery>) => {
    setQueryState((q) => ({ ...q, ...change, page: change.page ?? 1 }));
  }, []);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { ...state, query, setQuery, reload };
}
