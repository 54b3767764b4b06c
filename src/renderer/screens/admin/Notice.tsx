import type { ReactNode } from 'react';
import { Icon } from '../../app/icons';
import type { IconName } from '../../app/icons';

const ICONS: Record<Tone, IconName> = { ok: 'ok', warning: 'warning', stop: 'stop', info: 'info' };
export type Tone = 'ok' | 'warning' | 'stop' | 'info';

/** A message in colour AND icon AND words; `alert` for refusals, `status` for outcomes. */
export function Notice({
  tone,
  children,
  live = tone === 'stop' ? 'alert' : 'status',
  testId,
}: {
  tone: Tone;
  children: ReactNode;
  live?: 'alert' | 'status' | 'none';
  testId?: string;
}) {
  return (
    <div
      className={`notice tone-${tone}`}
      role={live === 'none' ? undefined : live}
      data-testid={testId}
      data-tone={tone}
    >
      <Icon name={ICONS[tone]} size={24} />
      <div className="notice-body">{children}</div>
    </div>
  );
}
