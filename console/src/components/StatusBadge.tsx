/** ACTIVE / INACTIVE as a coloured badge with the word spelled out (colour is not the only cue). */
export function StatusBadge({ status }: { status: string }) {
  const active = status === 'ACTIVE';
  return <span className={`gh-badge ${active ? 'gh-badge--success' : 'gh-badge--muted'}`}>{active ? 'Active' : 'Inactive'}</span>;
}
