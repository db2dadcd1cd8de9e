/**
 * Whether an agent uses a JWT (OAuth) authorizer, from its detail in the
 * fleet (`fleet.resource`, shared with the detail page's cache): such agents
 * reject SigV4, so the chat offers the bearer-token field up front.
 */
import type { ResourceDetail } from '../../../../shared/fleet';
import { useApiQuery } from '../../state/api-query';

type Authorizer = 'sigv4' | 'jwt' | 'unknown';

const authorizerOf = (detail: ResourceDetail): Authorizer => (detail.kind === 'runtime' ? detail.authorizer.type : 'unknown');

export function useAgentAuthorizer(agentKey: string | undefined): Authorizer {
  // Unknown stays unknown on failure: the chat still offers the token after a bearer_required error.
  const query = useApiQuery('fleet.resource', { key: agentKey ?? '' }, { enabled: agentKey !== undefined, select: authorizerOf });
  return (agentKey && query.data) || 'unknown';
}
