import { CODE_PARAMS } from '../adapters/kit/adapter';
import type { RecognizedPage } from '../adapters/kit/page';

/*
 * Addresses are stored, sent and shown at most URL_MAX characters long (the
 * receivers' schemas refuse longer ones). A longer address is trimmed to what
 * identifies the procedure: scheme, host, path, the query parameters that
 * name a procedure or a dossier (ma_thu_tuc, MaTTHC, formalityId, mahoso, …,
 * any letter case) and the hash route (with its own identity parameters);
 * tracking parameters, search state and the like are dropped. Plain code: it
 * runs in the content script.
 */

export const URL_MAX = 2048;

/** Query parameters (lower case) that identify a procedure or a dossier. */
export const IDENTITY_PARAMS: readonly string[] = [...CODE_PARAMS, 'ma', 'formalityid', 'formalitycaseid', 'mahoso', 'mahs', 'id', 'procedure'];

const PATH_MAX = 600;
const ROUTE_MAX = 300;
const VALUE_MAX = 120;
const PARAMS_MAX = 6;

function identityQuery(query: URLSearchParams): URLSearchParams {
  const kept = new URLSearchParams();
  let n = 0;
  for (const [name, value] of query) {
    if (n >= PARAMS_MAX || !IDENTITY_PARAMS.includes(name.toLowerCase())) continue;
    kept.append(name.slice(0, 40), value.slice(0, VALUE_MAX));
    n++;
  }
  return kept;
}

/** The address itself when short enough, else its identity (always ≤ max characters). */
export function safeUrl(href: string, max = URL_MAX): string {
  if (href.length <= max) return href;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return href.slice(0, max);
  }
  const out = new URL(`${url.origin}${url.pathname.slice(0, PATH_MAX)}`);
  out.search = identityQuery(url.searchParams).toString();
  if (url.hash) {
    const q = url.hash.indexOf('?');
    const route = (q >= 0 ? url.hash.slice(0, q) : url.hash).slice(0, ROUTE_MAX);
    const routeQuery = q >= 0 ? identityQuery(new URLSearchParams(url.hash.slice(q + 1))).toString() : '';
    out.hash = routeQuery ? `${route}?${routeQuery}` : route;
  }
  const trimmed = out.toString();
  return trimmed.length <= max ? trimmed : trimmed.slice(0, max);
}

/** Site id of a page whose report failed validation ("trang không đọc được"). */
export const UNREADABLE_SITE = 'unreadable';

/**
 * What a tab shows when its page's message failed validation: no procedure
 * (the previous page's must not stay), the address trimmed to its identity,
 * and why in the evidence — the failing field and rule, never a value.
 */
export function unreadablePage(url: string | undefined, reason: string): RecognizedPage {
  let address = safeUrl(url ?? '');
  try {
    address = new URL(address).href.length <= URL_MAX ? address : 'about:blank';
  } catch {
    address = 'about:blank';
  }
  return {
    site: UNREADABLE_SITE,
    pageKind: 'unknown',
    url: address,
    procedure: null,
    confidence: 0,
    evidence: { urlRule: null, landmarks: [], tried: [reason.slice(0, 160)] },
  };
}
