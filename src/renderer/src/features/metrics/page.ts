/** The metrics page as the shell sees it. */
import { definePage } from '../../app/page-definition';
import { MetricsPage } from './metrics-page';

export const metricsPage = definePage({
  id: 'metrics',
  title: 'Metrics',
  description: 'Latency, errors and cost per agent',
  navGroup: 'observe',
  icon: 'grid-view',
  component: MetricsPage,
});
