import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api/http';

/** Loads one thing (a user, a group); `reload()` fetches it again, `set()` replaces it after a save. */
export function useResource<T>(load: () => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    let current = true;
    setError(null);
    loadRef.current().then(
      (value) => current && setData(value),
      (e: unknown) => current && setError(errorMessage(e)),
    );
    return () => {
      current = false;
    };
  }, [version, ...deps]); // eslint-disable-line react-hooks/exhaustive-deps
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, reload, set: setData };
}
