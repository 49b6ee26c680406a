import { Button } from './Button';
import { Icon } from './Icon';

/** A full-page message for signing in, loading and fatal errors. */
export function StatusScreen({ title, message, action }: { title: string; message?: string; action?: { label: string; onClick(): void } }) {
  return (
    <div className="gh-status">
      <div className="gh-status__card" role={action ? 'alert' : 'status'}>
        <div className="gh-brand gh-brand--large">
          <Icon name="shield" size={28} />
          <span>Gatehouse</span>
        </div>
        <h1>{title}</h1>
        {message && <p className="gh-muted">{message}</p>}
        {action && (
          <Button variant="primary" onClick={action.onClick}>
            {action.label}
          </Button>
        )}
      </div>
    </div>
  );
}
