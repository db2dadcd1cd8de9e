/**
 * Whether an agent uses a JWT (OAuth) authorizer, from its detail in the
 * fleet (`fleet.resource`): such agents reject SigV4, so the chat offers the
 * bearer-token field up front. One lookup per agent, remembered.
 */
import { useEffect, useState } from 'react';
import { api } from '../../api';

type Authorizer = 'sigv4' | 'jwt' | 'unknown';
const known = new Map<string, Authorizer>();

export function useAgentAuthorizer(agentKey: string | undefined): Authorizer {
  const [value, setValue] = useState<Authorizer>(() => (agentKey ? (known.get(agentKey) ?? 'unknown') : 'unknown'));
  useEffect(() => {
    if (!agentKey) return;
    const cached = known.get(agentKey);
    if (cached) {
      setValue(cached);
      return;
    }
    let live = true;
    setValue('unknown');
    api.call('fleet.resource', { key: agentKey }).then(
      (detail) => {
        const type: Authorizer = detail.kind === 'runtime' ? detail.authorizer.type : 'unknown';
        known.set(agentKey, type);
        if (live) setValue(type);
      },
      // Unknown stays unknown: the chat still offers the token after a bearer_required error.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [agentKey]);
  return value;
}
