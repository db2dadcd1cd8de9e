import { FeaturePlaceholder } from '../../components/feature-placeholder';

export function MemoryPage() {
  return (
    <FeaturePlaceholder
      page="memory"
      title="Memory"
      description="Browse the namespaces, records and events an agent remembers."
      icon="folder-open"
      heading="No memory resource selected"
      body="Memory shows what an agent has stored for each actor and session, and lets you remove records with an audit trail."
      action={{ label: 'Pick a memory in Fleet', page: 'fleet' }}
      highlights={['Namespaces and strategies at a glance', 'Records and events per actor and session', 'Audited, confirmed deletes']}
    />
  );
}
