/**
 * The fleet view (filters, selection) the user last had, kept for the session,
 * so leaving the fleet (side navigation, Chat, Settings) and coming back by a
 * plain `#/fleet` link lands on the same filtered table.
 */
import type { Query } from '../../routing/hash-route';
import { rememberedView } from './fleet-query';

let last: Query = {};

export const rememberFleetView = (query: Query): void => {
  last = rememberedView(query);
};

export const lastFleetView = (): Query => last;
