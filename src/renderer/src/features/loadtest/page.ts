/** The load test page as the shell sees it. */
import { definePage } from '../../app/page-definition';
import { LoadTestPage } from './loadtest-page';

export const loadTestPage = definePage({
  id: 'loadtest',
  title: 'Load test',
  description: 'Drive concurrent invocations and measure the tail',
  navGroup: 'observe',
  icon: 'upload-download',
  component: LoadTestPage,
});
