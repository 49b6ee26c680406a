import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Icon, type IconName } from './Icon';

export interface MenuAction {
  label: string;
  icon: IconName;
  onSelect(): void;
  danger?: boolean;
}

/**
 * A menu button (WAI-ARIA APG): Enter/Space/ArrowDown opens and focuses the first item,
 * arrows move, Escape closes and returns focus, Tab leaves. Renders nothing without items.
 */
export function ActionsMenu({ label, actions }: { label: string; actions: MenuAction[] }) {
  const [open, setOpen] = useState(false);
  const [place, setPlace] = useState<{ top: number; right: number }>({ top: 0, right: 0 });
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!menuRef.current?.contains(event.target as Node) && !buttonRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const follow = () => measure();
    document.addEventListener('pointerdown', onPointer);
    window.addEventListener('resize', follow);
    window.addEventListener('scroll', follow, true);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      window.removeEventListener('resize', follow);
      window.removeEventListener('scroll', follow, true);
    };
  }, [open]); // eslint-disable-line react-hooks/exhaustive-deps

  /** The list is fixed to the viewport, so a scrolling table cannot clip it; it opens upwards near the bottom. */
  function measure() {
    const rect = buttonRef.current?.getBoundingClientRect();
    if (!rect) return;
    const height = actions.length * 40 + 16;
    const below = rect.bottom + 4 + height <= window.innerHeight;
    setPlace({ top: below ? rect.bottom + 4 : Math.max(8, rect.top - 4 - height), right: Math.max(8, window.innerWidth - rect.right) });
  }
  const toggle = (wanted = !open) => {
    if (wanted) measure();
    setOpen(wanted);
  };

  if (actions.length === 0) return null;

  const items = () => [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  const onMenuKey = (event: KeyboardEvent) => {
    const all = items();
    const index = all.indexOf(document.activeElement as HTMLElement);
    const move = (i: number) => all[(i + all.length) % all.length]?.focus();
    if (event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'ArrowUp') move(index - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(all.length - 1);
    else if (event.key === 'Escape') {
      setOpen(false);
      buttonRef.current?.focus();
    } else if (event.key === 'Tab') setOpen(false);
    else return;
    if (event.key !== 'Tab') event.preventDefault();
  };
  const select = (action: MenuAction) => {
    setOpen(false);
    buttonRef.current?.focus();
    action.onSelect();
  };

  return (
    <div className="gh-menu">
      <button
        ref={buttonRef}
        type="button"
        className="gh-button gh-button--ghost gh-icon-button"
        aria-label={label}
        title={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => toggle()}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            toggle(true);
          }
        }}
      >
        <Icon name="more" />
      </button>
      {open && (
        <ul ref={menuRef} id={menuId} role="menu" aria-label={label} className="gh-menu__list" style={place} onKeyDown={onMenuKey}>
          {actions.map((action) => (
            <li key={action.label} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className={`gh-menu__item${action.danger ? ' gh-menu__item--danger' : ''}`}
                onClick={() => select(action)}
              >
                <Icon name={action.icon} />
                {action.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
