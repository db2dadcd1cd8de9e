/** Says at a glance what the console is looking at: the demo fleet or which AWS profile(s) and regions. */
import Badge from '@cloudscape-design/components/badge';
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { DataSource } from '../../../shared/contract';

export function dataSourceLabel(source: DataSource): string {
  if (source.kind === 'demo') return 'Demo fleet';
  const regions = source.regions.length === 1 ? source.regions[0] : `${source.regions.length} regions`;
  return [source.label, regions].filter(Boolean).join(' · ');
}

/**
 * TopNavigation renders its slots twice (a hidden, aria-hidden copy measures the
 * layout), so only the copy users see carries the test id.
 */
function useIsVisibleCopy(): [RefObject<HTMLSpanElement | null>, boolean] {
  const ref = useRef<HTMLSpanElement>(null);
  const [visible, setVisible] = useState(false);
  useLayoutEffect(() => setVisible(ref.current?.closest('[aria-hidden="true"]') === null), []);
  return [ref, visible];
}

export function DataSourceBadge({ source }: { source: DataSource | undefined }) {
  const [ref, visible] = useIsVisibleCopy();
  return (
    <span
      ref={ref}
      className="data-source-badge"
      data-testid={visible ? 'data-source-badge' : undefined}
      data-kind={source?.kind ?? 'loading'}
      title={source ? describe(source) : undefined}
    >
      <Badge color={source?.kind === 'demo' ? 'severity-medium' : 'blue'}>{source ? dataSourceLabel(source) : 'Connecting…'}</Badge>
    </span>
  );
}

function describe(source: DataSource): string {
  if (source.kind === 'demo') return `Local demo fleet served by the emulator at ${source.endpoint} (${source.regions.join(', ')})`;
  return `Profiles: ${source.profiles.join(', ') || 'none'} · Regions: ${source.regions.join(', ') || 'none'}`;
}
