import { BlockList, isIP } from 'node:net';

export interface ClientIpOptions {
  /** CIDRs (or single addresses) of reverse proxies whose X-Forwarded-For is believed. */
  trustedProxies: readonly string[];
}

/**
 * Client IP from the socket peer; X-Forwarded-For only counts when the peer is a trusted proxy, and
 * then the right-most address not itself a trusted proxy wins (the left part is client-controlled).
 * Anyone else can write any X-Forwarded-For to dodge per-IP rate limits, so it is ignored.
 */
export function createClientIpResolver(options: ClientIpOptions): (peer: string | undefined, forwardedFor: string | undefined) => string {
  const trusted = new BlockList();
  for (const entry of options.trustedProxies) addTrusted(trusted, entry);
  const isTrusted = (address: string) => {
    const family = isIP(address);
    return family !== 0 && trusted.check(address, family === 6 ? 'ipv6' : 'ipv4');
  };

  return (peer, forwardedFor) => {
    const socketIp = normalize(peer ?? 'unknown');
    if (!forwardedFor || !isTrusted(socketIp)) return socketIp;
    const hops = forwardedFor.split(',').map((h) => normalize(h.trim())).filter((h) => isIP(h) !== 0);
    for (let i = hops.length - 1; i >= 0; i--) {
      const hop = hops[i];
      if (hop && !isTrusted(hop)) return hop;
    }
    return socketIp;
  };
}

function addTrusted(list: BlockList, entry: string): void {
  const [address = '', prefix] = entry.split('/');
  const family = isIP(address);
  if (family === 0) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR.`);
  const type = family === 6 ? 'ipv6' : 'ipv4';
  if (prefix === undefined) list.addAddress(address, type);
  else list.addSubnet(address, Number(prefix), type);
}

/** `::ffff:10.0.0.1` (IPv4 on a dual-stack socket) is the IPv4 address it wraps. */
function normalize(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}
