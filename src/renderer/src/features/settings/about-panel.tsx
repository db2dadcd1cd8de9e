/** What this console is running against: version, host, data source and where data is kept. */
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import type { AppInfo } from '../../../../shared/contract';
import { formatTimestamp } from '../../lib/relative-time';

export function AboutPanel({ info }: { info: AppInfo }) {
  const source = info.dataSource;
  return (
    <Container header={<Header variant="h2">About this console</Header>}>
      <KeyValuePairs
        columns={3}
        items={[
          { label: 'Version', value: `${info.name} ${info.version}` },
          { label: 'Host', value: `${info.host === 'electron' ? 'Desktop app' : 'Web host'} on ${info.platform}` },
          { label: 'Started', value: formatTimestamp(info.startedAt) },
          { label: 'Data source', value: source.kind === 'demo' ? `Demo fleet (${source.endpoint})` : source.label },
          {
            label: source.kind === 'demo' ? 'Demo regions' : 'Profiles',
            value: source.kind === 'demo' ? source.regions.join(', ') : source.profiles.join(', ') || '—',
          },
          { label: 'Data directory', value: info.dataDir },
        ]}
      />
    </Container>
  );
}
