/**
 * SSO portal (`awsssoportal`, unsigned, bearer token in
 * `x-amz-sso_bearer_token`): the accounts and roles a signed-in person may use
 * and short-lived role credentials the emulator's SigV4 check then accepts.
 */
import { AwsError, type ModuleDeps, type RequestContext, type Route } from '../core/types';
import { paginateList } from '../core/pagination';
import type { OidcStore } from './oidc-store';

export const SSO_ROLES = ['AdministratorAccess', 'AgentCoreOperator', 'ReadOnlyAccess'] as const;
const ROLE_CREDENTIALS_TTL_MS = 3_600_000;

function unauthorized(): AwsError {
  return new AwsError(401, 'UnauthorizedException', 'Session token not found or invalid');
}

function header(ctx: RequestContext, name: string): string | undefined {
  const v = ctx.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export function accountsOf(deps: ModuleDeps): Array<{ accountId: string; accountName: string; emailAddress: string }> {
  const ids = [...new Set(deps.world.runtimes().map((r) => r.accountId))].sort();
  return ids.map((accountId, i) => ({
    accountId,
    accountName: i === 0 ? 'agentcore-demo' : `agentcore-demo-${i + 1}`,
    emailAddress: `aws+${accountId}@example.com`,
  }));
}

function pageSize(ctx: RequestContext): number {
  const raw = Number(ctx.query.get('max_result') ?? '20');
  if (!Number.isInteger(raw) || raw < 1 || raw > 100) throw new AwsError(400, 'InvalidRequestException', 'max_result must be between 1 and 100');
  return raw;
}

const badToken = (): never => {
  throw new AwsError(400, 'InvalidRequestException', 'Invalid next_token');
};

export function portalRoutes(deps: ModuleDeps, store: OidcStore): Route[] {
  const requireToken = (ctx: RequestContext) => {
    const token = store.validToken(header(ctx, 'x-amz-sso_bearer_token'));
    if (!token) throw unauthorized();
    return token;
  };
  const requireAccount = (accountId: string | null) => {
    const account = accountsOf(deps).find((a) => a.accountId === accountId);
    if (!account) throw new AwsError(403, 'ForbiddenException', 'No access');
    return account;
  };
  return [
    {
      service: 'sso',
      operation: 'GetRoleCredentials',
      method: 'GET',
      path: '/federation/credentials',
      handle(ctx) {
        requireToken(ctx);
        requireAccount(ctx.query.get('account_id'));
        const role = ctx.query.get('role_name');
        if (!role || !(SSO_ROLES as readonly string[]).includes(role)) throw new AwsError(403, 'ForbiddenException', 'No access');
        const creds = deps.credentials.issue(ROLE_CREDENTIALS_TTL_MS);
        return {
          body: {
            roleCredentials: {
              accessKeyId: creds.accessKeyId,
              secretAccessKey: creds.secretAccessKey,
              sessionToken: creds.sessionToken,
              expiration: creds.expiration,
            },
          },
        };
      },
    },
    {
      service: 'sso',
      operation: 'ListAccounts',
      method: 'GET',
      path: '/assignment/accounts',
      handle(ctx) {
        requireToken(ctx);
        const p = paginateList(accountsOf(deps), {
          scope: 'accounts',
          size: pageSize(ctx),
          nextToken: ctx.query.get('next_token') ?? undefined,
          onBadToken: badToken,
        });
        return { body: { accountList: p.items, ...(p.nextToken ? { nextToken: p.nextToken } : {}) } };
      },
    },
    {
      service: 'sso',
      operation: 'ListAccountRoles',
      method: 'GET',
      path: '/assignment/roles',
      handle(ctx) {
        requireToken(ctx);
        const account = requireAccount(ctx.query.get('account_id'));
        const roles = SSO_ROLES.map((roleName) => ({ roleName, accountId: account.accountId }));
        const p = paginateList(roles, {
          scope: `roles|${account.accountId}`,
          size: pageSize(ctx),
          nextToken: ctx.query.get('next_token') ?? undefined,
          onBadToken: badToken,
        });
        return { body: { roleList: p.items, ...(p.nextToken ? { nextToken: p.nextToken } : {}) } };
      },
    },
    {
      service: 'sso',
      operation: 'Logout',
      method: 'POST',
      path: '/logout',
      handle(ctx) {
        const token = requireToken(ctx);
        store.revoke(token.accessToken);
        return { body: {} };
      },
    },
  ];
}
