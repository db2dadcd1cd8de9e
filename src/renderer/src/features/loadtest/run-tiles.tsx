/** The figures on top of a run: throughput, success, p99, users, stage and counts, large enough for the back of a war room. */
import Box from '@cloudscape-design/components/box';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import { formatValue } from '../metrics/metrics-format';

export interface RunTile {
  id: string;
  label: string;
  value: string;
  detail?: string;
  tone?: 'bad' | 'good';
}

export function RunTiles({ tiles }: { tiles: readonly RunTile[] }) {
  return (
    <Container>
      <ColumnLayout columns={tiles.length > 4 ? 4 : (tiles.length as 1 | 2 | 3 | 4)} variant="text-grid" minColumnWidth={160}>
        {tiles.map((tile) => (
          <div key={tile.id} data-testid={`loadtest-tile-${tile.id}`}>
            <Box variant="awsui-key-label">{tile.label}</Box>
            <Box fontSize="display-l" fontWeight="bold" color={tile.tone === 'bad' ? 'text-status-error' : 'inherit'}>
              {tile.value}
            </Box>
            {tile.detail && (
              <Box color="text-body-secondary" fontSize="body-m">
                {tile.detail}
              </Box>
            )}
          </div>
        ))}
      </ColumnLayout>
    </Container>
  );
}

export const countText = (n: number): string => formatValue(n, 'count');
