import type { ReactNode } from 'react';
import { Icon } from '../app/icons';
import type { VerdictLook } from './verdictLook';

/** The verdict in huge type: colour AND icon AND words, with the detail sentence below. */
export function VerdictPanel({
  look,
  id,
  role,
  children,
}: {
  look: VerdictLook;
  id?: string;
  role?: 'alert' | 'status';
  children?: ReactNode;
}) {
  return (
    <section className={`verdict tone-${look.tone}`} data-tone={look.tone} id={id} role={role}>
      <p className="verdict-title">
        <Icon name={look.icon} size={52} />
        <span>{look.title}</span>
      </p>
      <p className="verdict-detail">{look.detail}</p>
      {children}
    </section>
  );
}
