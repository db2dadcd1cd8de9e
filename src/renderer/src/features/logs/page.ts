/** The logs page as the shell sees it. */
import { definePage } from '../../app/page-definition';
import { LogsPage } from './logs-page';

export const logsPage = definePage({
  id: 'logs',
  title: 'Logs',
  description: 'Live tail of an agent’s CloudWatch logs',
  navGroup: 'observe',
  icon: 'transcript',
  component: LogsPage,
});
