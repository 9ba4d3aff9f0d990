// What a web page may not do to the sandbox. Any page the student visits can send requests to
// 127.0.0.1:4566 (a form POST needs no CORS), and a page on a domain that re-resolves to 127.0.0.1 (DNS
// rebinding) can even read the answers. So a request that a browser made for another site (it carries an
// `Origin` that is not the sandbox, or `Sec-Fetch-Site` other than same-origin/none) is refused, except
// where browsers belong: API Gateway invoke URLs, whose CORS the student configures. And every request
// must be addressed to the sandbox by name (`Host`): a loopback name, the bound address, or an AWS
// endpoint name; a rebinding attacker's domain is none of these.

import { hostname, networkInterfaces } from 'node:os';
import type { EdgeRequest } from './http-types.js';

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '']);

/** Whether `host` (an interface address or name) is reachable only from this machine. */
export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[|\]$/g, '');
  return name === 'localhost' || name === '::1' || /^127(\.\d{1,3}){3}$/.test(name);
}

/** `example.com:4566` -> `example.com`; `[::1]:4566` -> `::1`. */
function hostName(header: string): string {
  const value = header.trim().toLowerCase();
  if (value.startsWith('[')) return value.slice(1, value.indexOf(']'));
  return value.replace(/:\d*$/, '').replace(/\.$/, '');
}

/** Names that always mean this sandbox: loopback, `*.localhost` (S3 buckets, execute-api), AWS endpoint names. */
const ALWAYS_OURS = /^(?:localhost|.+\.localhost|(?:.+\.)?localhost\.localstack\.cloud|.+\.amazonaws\.com)$/;

export class BrowserGuard {
  private readonly names = new Set<string>();

  /** `boundHost`: the address the edge listens on; a wildcard adds every interface address and the machine's name. */
  constructor(boundHost: string) {
    const bound = boundHost.toLowerCase().replace(/^\[|\]$/g, '');
    if (WILDCARD_HOSTS.has(bound)) {
      for (const addresses of Object.values(networkInterfaces())) for (const a of addresses ?? []) this.names.add(a.address.toLowerCase());
      const machine = hostname().toLowerCase();
      this.names.add(machine);
      this.names.add(`${machine.split('.')[0]}.local`);
    } else {
      this.names.add(bound);
    }
  }

  /** Why the request's Host does not name the sandbox, or undefined when it does (or there is none). */
  hostRefusal(req: EdgeRequest): string | undefined {
    const header = req.headers.host;
    if (header === undefined) return undefined;
    const name = hostName(header);
    if (isLoopbackHost(name) || ALWAYS_OURS.test(name) || this.names.has(name)) return undefined;
    return `The sandbox answers only requests addressed to it (127.0.0.1, localhost or the address it listens on), not Host '${header}'. A web page on another domain that resolves to this machine sends such requests; point your AWS client at the sandbox's endpoint instead.`;
  }

  /** Why a browser's cross-site request is refused, or undefined when it is not one. */
  browserRefusal(req: EdgeRequest): string | undefined {
    const site = req.headers['sec-fetch-site']?.toLowerCase();
    const origin = req.headers.origin;
    const crossSiteFetch = site !== undefined && site !== 'same-origin' && site !== 'none';
    const foreignOrigin = origin !== undefined && !sameOrigin(origin, req.headers.host);
    if (!crossSiteFetch && !foreignOrigin) return undefined;
    const from = origin ? `a web page (Origin ${origin})` : `a web page (Sec-Fetch-Site ${site})`;
    return `The sandbox refuses AWS API calls from ${from}: only API Gateway invoke URLs answer browsers. Call the sandbox from the AWS CLI, an SDK or the lab command.`;
  }
}

function sameOrigin(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host.toLowerCase();
  } catch {
    return false;
  }
}
