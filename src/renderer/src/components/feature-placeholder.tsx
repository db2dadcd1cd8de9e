/**
 * The empty state of a page whose feature is not built yet: what the page
 * will do and the one step that leads there, in the console's own style.
 */
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import Icon, { type IconProps } from '@cloudscape-design/components/icon';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import { hrefFor } from '../routing/use-hash-route';
import type { PageId } from '../app/page-registry';

export interface FeaturePlaceholderProps {
  page: PageId;
  title: string;
  description: string;
  icon: IconProps.Name;
  heading: string;
  body: ReactNode;
  action: { label: string; page: PageId };
  /** Short list of what the page will show once an agent is picked. */
  highlights: readonly string[];
}

export function FeaturePlaceholder(props: FeaturePlaceholderProps) {
  return (
    <ContentLayout
      header={
        <Header variant="h1" description={props.description} data-testid={`page-${props.page}`}>
          {props.title}
        </Header>
      }
    >
      <Container>
        <div className="placeholder">
          <div className="placeholder__icon" aria-hidden="true">
            <Icon name={props.icon} size="large" variant="subtle" />
          </div>
          <SpaceBetween size="m" alignItems="center">
            <Box variant="h2" textAlign="center">
              {props.heading}
            </Box>
            <Box color="text-body-secondary" textAlign="center">
              {props.body}
            </Box>
            <Button variant="primary" href={hrefFor(props.action.page)}>
              {props.action.label}
            </Button>
            <ul className="placeholder__highlights" aria-label="Coming to this page">
              {props.highlights.map((item) => (
                <li key={item}>
                  <Icon name="check" size="small" variant="subtle" />{' '}
                  <Box variant="span" color="text-body-secondary">
                    {item}
                  </Box>
                </li>
              ))}
            </ul>
          </SpaceBetween>
        </div>
      </Container>
    </ContentLayout>
  );
}
