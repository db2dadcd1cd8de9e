/**
 * SSO OIDC (restJson1, unsigned): RegisterClient, StartDeviceAuthorization,
 * CreateToken, plus the emulator's own verification page, where a person
 * approves or denies a device code the way they would in the AWS access
 * portal.
 */
import { AwsError, type RequestContext, type Route } from '../core/types';
import { optString, optStringList, readJsonBody } from '../kit/json-body';
import { ACCESS_TOKEN_TTL_S, DEVICE_CODE_TTL_S, oidcError, type OidcStore } from './oidc-store';

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

function body(ctx: RequestContext) {
  try {
    return readJsonBody(ctx, 'InvalidRequestException');
  } catch (e) {
    if (e instanceof AwsError) throw oidcError(400, 'InvalidRequestException', 'invalid_request', 'Request body is not valid JSON');
    throw e;
  }
}

function required(value: string | undefined, field: string): string {
  if (!value) throw oidcError(400, 'InvalidRequestException', 'invalid_request', `${field} is required`);
  return value;
}

/** Base URL the caller reached us on, so the verification link works from the same machine. */
function baseUrl(ctx: RequestContext): string {
  const host = ctx.headers.host ?? '127.0.0.1';
  return `http://${host}`;
}

function page(status: number, title: string, text: string) {
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body style="font-family:sans-serif;max-width:32rem;margin:4rem auto"><h1>${title}</h1><p>${text}</p></body></html>\n`;
  return { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body: html };
}

export function oidcRoutes(store: OidcStore, now: () => number): Route[] {
  const decide = (approve: boolean) => (ctx: RequestContext) => {
    const code = ctx.query.get('user_code') ?? '';
    const auth = store.decide(code, approve);
    if (!auth)
      return page(404, 'Code not found', `The code ${escapeHtml(code)} is unknown, already used, or expired. Start the sign-in again from the console.`);
    return approve
      ? page(
          200,
          'Request approved',
          `Code ${auth.userCode} approved for ${escapeHtml(auth.startUrl)}. You can close this window and return to the AgentCore Ops Console.`,
        )
      : page(200, 'Request denied', `Code ${auth.userCode} denied. The console will report that access was denied.`);
  };
  return [
    {
      service: 'sso-oidc',
      operation: 'RegisterClient',
      method: 'POST',
      path: '/client/register',
      handle(ctx) {
        const b = body(ctx);
        const name = required(optString(b, 'clientName'), 'clientName');
        if (optString(b, 'clientType') !== 'public')
          throw oidcError(400, 'InvalidClientMetadataException', 'invalid_client_metadata', 'clientType must be public');
        const client = store.registerClient(name, optStringList(b, 'scopes') ?? []);
        return {
          body: {
            clientId: client.clientId,
            clientSecret: client.clientSecret,
            clientIdIssuedAt: Math.floor(now() / 1000),
            clientSecretExpiresAt: Math.floor(client.secretExpiresAt / 1000),
          },
        };
      },
    },
    {
      service: 'sso-oidc',
      operation: 'StartDeviceAuthorization',
      method: 'POST',
      path: '/device_authorization',
      handle(ctx) {
        const b = body(ctx);
        const client = store.authenticate(optString(b, 'clientId'), optString(b, 'clientSecret'));
        const auth = store.startDeviceAuthorization(client, required(optString(b, 'startUrl'), 'startUrl'));
        const verificationUri = `${baseUrl(ctx)}/_emulator/approve`;
        return {
          body: {
            deviceCode: auth.deviceCode,
            userCode: auth.userCode,
            verificationUri,
            verificationUriComplete: `${verificationUri}?user_code=${auth.userCode}`,
            expiresIn: DEVICE_CODE_TTL_S,
            interval: auth.interval,
          },
        };
      },
    },
    {
      service: 'sso-oidc',
      operation: 'CreateToken',
      method: 'POST',
      path: '/token',
      handle(ctx) {
        const b = body(ctx);
        const client = store.authenticate(optString(b, 'clientId'), optString(b, 'clientSecret'));
        const grantType = optString(b, 'grantType');
        let issued;
        if (grantType === DEVICE_GRANT) issued = store.pollDeviceCode(client, optString(b, 'deviceCode'));
        else if (grantType === 'refresh_token') issued = store.refresh(client, optString(b, 'refreshToken'));
        else throw oidcError(400, 'UnsupportedGrantTypeException', 'unsupported_grant_type', `Unsupported grant type: ${grantType ?? '(none)'}`);
        return {
          body: {
            accessToken: issued.token.accessToken,
            tokenType: 'Bearer',
            expiresIn: ACCESS_TOKEN_TTL_S,
            ...(issued.refreshToken ? { refreshToken: issued.refreshToken } : {}),
          },
        };
      },
    },
    { service: 'sso-oidc', operation: 'EmulatorApprove', method: 'GET', path: '/_emulator/approve', handle: decide(true) },
    { service: 'sso-oidc', operation: 'EmulatorDeny', method: 'GET', path: '/_emulator/deny', handle: decide(false) },
  ];
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
