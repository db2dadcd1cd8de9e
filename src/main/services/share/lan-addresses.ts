/** The addresses a LAN share may bind to: this machine's non-internal ones, without link-local IPv6 (it needs a scope id). */
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';

export function lanAddresses(table: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces()): Array<{ name: string; address: string }> {
  const out: Array<{ name: string; address: string }> = [];
  for (const [name, infos] of Object.entries(table)) {
    for (const info of infos ?? []) {
      if (info.internal || (info.family === 'IPv6' && info.address.toLowerCase().startsWith('fe80:'))) continue;
      out.push({ name, address: info.address });
    }
  }
  return out;
}
