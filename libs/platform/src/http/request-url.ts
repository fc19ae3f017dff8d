import type { FieldError } from '@rendezvous/contracts';
import { textProblem } from './text';

/** A request URL in the one spelling every route decision and every forward uses. */
export interface NormalisedUrl {
  /** Canonical path (each segment decoded, checked and re-encoded one way) plus the query. */
  url: string;
  /** The decoded path segments, for routing decisions. */
  segments: string[];
}

const MALFORMED_ESCAPE = /%(?![\da-f]{2})/i;

function decode(component: string): string | null {
  if (MALFORMED_ESCAPE.test(component)) return null;
  try {
    return decodeURIComponent(component);
  } catch {
    return null; // escapes that are not UTF-8
  }
}

function pathProblem(message: string): FieldError {
  return { path: 'path', message: `path ${message}` };
}

function checkQuery(query: string): FieldError | null {
  for (const pair of query.split('&')) {
    const [name, value = ''] = pair.split('=', 2) as [string, string?];
    const decodedName = decode(name.replace(/\+/g, ' '));
    const decodedValue = decode(value.replace(/\+/g, ' '));
    const at = decodedName && textProblem(decodedName) === null ? decodedName : 'query';
    if (decodedName === null || decodedValue === null) {
      return { path: at, message: `${at} has a malformed percent-escape` };
    }
    const problem = textProblem(decodedName) ?? textProblem(decodedValue);
    if (problem) return { path: at, message: `${at} ${problem}` };
  }
  return null;
}

/**
 * Decodes and normalises a request target (API.md, Conventions: the gateway's decoded path).
 * Percent-escapes of ordinary characters are decoded, so `/api/v1/%65vents` is `/api/v1/events`;
 * duplicate slashes collapse. Malformed escapes, escapes that are not UTF-8, `.` and `..`
 * segments, an encoded `/` and text the API refuses anywhere (NUL) are a field error.
 */
export function normaliseRequestUrl(raw: string): NormalisedUrl | FieldError {
  const queryAt = raw.indexOf('?');
  const rawPath = queryAt === -1 ? raw : raw.slice(0, queryAt);
  const query = queryAt === -1 ? '' : raw.slice(queryAt + 1);
  if (!rawPath.startsWith('/')) return pathProblem('must start with /');
  const segments: string[] = [];
  const rawSegments = rawPath.slice(1).split('/');
  for (const [index, rawSegment] of rawSegments.entries()) {
    const segment = decode(rawSegment);
    if (segment === null) return pathProblem('has a malformed percent-escape');
    if (segment === '.' || segment === '..')
      return pathProblem('must not contain . or .. segments');
    if (segment.includes('/')) return pathProblem('must not contain an encoded /');
    const problem = textProblem(segment);
    if (problem) return pathProblem(problem);
    // Empty inner segments are doubled slashes; a trailing one is kept as sent.
    if (segment === '' && index < rawSegments.length - 1) continue;
    segments.push(segment);
  }
  if (query !== '') {
    const problem = checkQuery(query);
    if (problem) return problem;
  }
  const path = `/${segments.map(encodeURIComponent).join('/')}`;
  return { url: queryAt === -1 ? path : `${path}?${query}`, segments };
}

export function isNormalisedUrl(value: NormalisedUrl | FieldError): value is NormalisedUrl {
  return 'url' in value;
}
