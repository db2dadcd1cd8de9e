/**
 * One request function for http:// and https:// agent URLs. HTTPS agents are
 * verified as Node verifies any server: a self-signed certificate is trusted
 * only when the user names it (NODE_EXTRA_CA_CERTS), never by switching the
 * check off, and the refusal says how.
 */
import { request as httpRequest, type ClientRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';

export function agentRequest(url: URL, options: RequestOptions, onResponse: (res: IncomingMessage) => void): ClientRequest {
  return (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, options, onResponse);
}

const UNTRUSTED_CERT = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
]);

/** Why a request to an agent failed, in words a user can act on. */
export function describeAgentError(err: NodeJS.ErrnoException): string {
  const code = err.code ?? err.message;
  if (UNTRUSTED_CERT.has(code)) return `${code}: the agent's TLS certificate is not trusted (start with NODE_EXTRA_CA_CERTS=<its cert.pem> to trust it)`;
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return `${code}: the agent's TLS certificate does not name this host`;
  if (code === 'CERT_HAS_EXPIRED') return `${code}: the agent's TLS certificate has expired`;
  return code;
}
