/**
 * IAM Identity Center for the emulator: the OIDC device flow (sign-in) and the
 * SSO portal (accounts, roles, role credentials), so the console's real SSO
 * code path — including `fromSSO` and an AWS CLI v2 token cache — runs
 * against it unmodified.
 */
import type { EmulatorModule, ModuleDeps } from '../core/types';
import { oidcRoutes } from './oidc-routes';
import { OidcStore } from './oidc-store';
import { portalRoutes } from './portal-routes';

export { SSO_ROLES } from './portal-routes';

export function createSsoModule(deps: ModuleDeps): EmulatorModule {
  const store = new OidcStore(deps.seed, deps.now);
  return {
    routes: [...oidcRoutes(store, deps.now), ...portalRoutes(deps, store)],
    reset: () => store.clear(),
  };
}
