/** The war room page as the shell sees it. */
import { definePage } from '../../app/page-definition';
import { WarRoomPage } from './warroom-page';

export const warRoomPage = definePage({
  id: 'warroom',
  title: 'War room',
  description: 'A read-only live view to share during an incident',
  navGroup: 'observe',
  icon: 'flag',
  component: WarRoomPage,
});
