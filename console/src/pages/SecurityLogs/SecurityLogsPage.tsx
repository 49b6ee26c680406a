import { useState, type FormEvent } from 'react';
import { securityLogsApi } from '../../api/groups';
import type { SecurityLog } from '../../api/types';
import { Button } from '../../components/Button';
import { DataTable, type Column } from '../../components/DataTable';
import { TextField } from '../../components/Field';
import { Pagination } from '../../components/Pagination';
import { Card, PageHeader } from '../../components/PageHeader';
import { useCollection } from '../../hooks/use-collection';
import { formatDateTime } from '../../lib/format';
import { describeParty, EMPTY_FILTERS, filterParams, type LogFilters } from './log-filters';

/** Audit events (DESIGN §6): who did what to which target, from where, and when. */
export function SecurityLogsPage() {
  const logs = useCollection(securityLogsApi.list, { per_page: 25, order_direction: 'desc' });
  const [filters, setFilters] = useState<LogFilters>(EMPTY_FILTERS);
  const set = (key: keyof LogFilters) => (value: string) => setFilters((f) => ({ ...f, [key]: value }));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    logs.setQuery(filterParams(filters));
  };
  const clear = () => {
    setFilters(EMPTY_FILTERS);
    logs.setQuery(filterParams(EMPTY_FILTERS));
  };
  const columns: Column<SecurityLog>[] = [
    { key: 'when', header: 'When', className: 'gh-col-nowrap', render: (l) => <time dateTime={l.created_at}>{formatDateTime(l.created_at)}</time> },
    { key: 'event', header: 'Event', render: (l) => <span className="gh-mono">{l.event}</span> },
    { key: 'actor', header: 'Actor', render: (l) => describeParty(l.actor) },
    { key: 'target', header: 'Target', render: (l) => describeParty(l.target) },
    { key: 'ip', header: 'IP', className: 'gh-col-nowrap', render: (l) => <span className="gh-mono">{l.ip ?? '—'}</span> },
    { key: 'agent', header: 'User Agent', className: 'gh-col-agent', render: (l) => <span title={l.user_agent ?? undefined}>{l.user_agent ?? '—'}</span> },
  ];
  return (
    <>
      <PageHeader title="Security Logs" description="Sign-ins, token and client changes, secret reveals. Secrets and tokens are never logged." />
      <Card>
        <form className="gh-filters" onSubmit={apply} aria-label="Filter security logs">
          <TextField label="Search" value={filters.search} onChange={set('search')} placeholder="Event or user name" autoComplete="off" />
          <TextField label="Event" value={filters.event} onChange={set('event')} placeholder="auth_client.created" autoComplete="off" />
          <TextField label="Actor ID" value={filters.actorId} onChange={set('actorId')} inputMode="numeric" autoComplete="off" />
          <TextField label="From" type="date" value={filters.from} onChange={set('from')} />
          <TextField label="To" type="date" value={filters.to} onChange={set('to')} />
          <div className="gh-filters__actions">
            <Button type="submit" variant="primary">
              Apply Filters
            </Button>
            <Button onClick={clear}>Clear</Button>
          </div>
        </form>
        <DataTable caption="Security logs" columns={columns} rows={logs.rows} rowKey={(l) => l.id} loading={logs.loading} error={logs.error} />
        <Pagination meta={logs.meta} label="Security logs" onPage={(page) => logs.setQuery({ page })} onPerPage={(per_page) => logs.setQuery({ per_page })} />
      </Card>
    </>
  );
}
