/** What a viewer sees on a page the share does not include (a typed or old link). */
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';

export function NotShared({ title }: { title: string }) {
  return (
    <Container header={<Header variant="h1">Not shared</Header>} data-testid="not-shared">
      <Box variant="p">{title} is not part of this read-only share. Use the navigation to open a shared page.</Box>
    </Container>
  );
}
