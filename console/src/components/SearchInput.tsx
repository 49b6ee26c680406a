import { useEffect, useId, useRef, useState } from 'react';
import { useDebouncedValue } from '../hooks/use-debounced-value';
import { Icon } from './Icon';

/** A labelled search box that reports its value 300 ms after typing stops. */
export function SearchInput({ label = 'Search', onSearch }: { label?: string; onSearch(value: string): void }) {
  const id = useId();
  const [value, setValue] = useState('');
  const debounced = useDebouncedValue(value.trim());
  const reported = useRef('');
  useEffect(() => {
    if (debounced === reported.current) return;
    reported.current = debounced;
    onSearch(debounced);
  }, [debounced, onSearch]);
  return (
    <div className="gh-search">
      <label htmlFor={id} className="gh-visually-hidden">
        {label}
      </label>
      <Icon name="search" />
      <input id={id} type="search" placeholder={label} value={value} onChange={(e) => setValue(e.target.value)} autoComplete="off" />
    </div>
  );
}
