/** The war room page as the shell sees it: the full width of the screen (a board fills a wall: no reading-width limit). */
import { definePage } from '../../app/page-definition';
import { WarRoomPage } from './warroom-page';

export const warRoomPage = definePage({
  id: 'warroom',
  title: 'War room',
  description: 'A big-screen board of agent health, and the incident timeline',
  navGroup: 'observe',
  icon: 'flag',
  component: WarRoomPage,
  contentType: () => 'table',
  shared: true,
});
