import { FeaturePlaceholder } from '../../components/feature-placeholder';

export function WarRoomPage() {
  return (
    <FeaturePlaceholder
      page="warroom"
      title="War room"
      description="A read-only live view of the fleet to share during an incident."
      icon="flag"
      heading="No war room open"
      body="A war room shares the fleet status, selected logs and metrics as a read-only page that teammates can open during an incident."
      action={{ label: 'Review the fleet first', page: 'fleet' }}
      highlights={['Read-only link, no credentials shared', 'Live fleet status and failing resources', 'Pinned log and metric views']}
    />
  );
}
