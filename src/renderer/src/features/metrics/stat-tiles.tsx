/** The figures on top of a view: each "now" beside the previous period, with an arrow and a colour that say whether the change is bad. */
import Box from '@cloudscape-design/components/box';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import Icon from '@cloudscape-design/components/icon';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { StatTile } from '../../../../shared/metrics';
import { formatValue, tileDelta } from './metrics-format';

function Tile({ tile }: { tile: StatTile }) {
  const delta = tileDelta(tile);
  const iconVariant = delta?.tone === 'bad' ? 'error' : delta?.tone === 'good' ? 'success' : 'subtle';
  const color = delta?.tone === 'bad' ? 'text-status-error' : delta?.tone === 'good' ? 'text-status-success' : 'text-body-secondary';
  return (
    <div data-testid={`metrics-tile-${tile.id}`}>
      <Box variant="awsui-key-label">{tile.label}</Box>
      <Box fontSize="display-l" fontWeight="bold">
        {formatValue(tile.now, tile.unit)}
      </Box>
      <Box color={color} fontSize="body-m">
        {delta ? (
          <SpaceBetween direction="horizontal" size="xxs" alignItems="center">
            {delta.direction !== 'flat' && <Icon name={delta.direction === 'up' ? 'arrow-up' : 'arrow-down'} variant={iconVariant} size="small" />}
            <span>
              {delta.text} vs previous ({formatValue(tile.previous, tile.unit)})
            </span>
          </SpaceBetween>
        ) : (
          'No previous period to compare'
        )}
      </Box>
    </div>
  );
}

export function StatTiles({ tiles }: { tiles: readonly StatTile[] }) {
  if (tiles.length === 0) return null;
  return (
    <Container>
      <ColumnLayout columns={Math.min(4, tiles.length) as 1 | 2 | 3 | 4} variant="text-grid" minColumnWidth={180}>
        {tiles.map((tile) => (
          <Tile key={tile.id} tile={tile} />
        ))}
      </ColumnLayout>
    </Container>
  );
}
