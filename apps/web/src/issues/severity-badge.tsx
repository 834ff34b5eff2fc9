import type { Severity } from '../api/types.ts';
import { Badge } from '../ui/badge.tsx';
import type { BadgeTone } from '../ui/badge.tsx';

const STYLE: Record<Severity, { tone: BadgeTone; label: string; hint: string }> = {
  blocking: { tone: 'danger', label: 'Blocking', hint: 'Users cannot complete what they came to do' },
  annoying: { tone: 'warn', label: 'Annoying', hint: 'Users are hindered but can go on' },
  warning: { tone: 'caution', label: 'Warning', hint: 'Something is off; users may not notice' },
  info: { tone: 'info', label: 'Info', hint: 'Worth knowing, nothing broken' },
};

export function SeverityBadge({ severity }: { severity: Severity }) {
  const style = STYLE[severity] ?? STYLE.info;
  return (
    <Badge tone={style.tone} dot title={style.hint}>
      {style.label}
    </Badge>
  );
}
