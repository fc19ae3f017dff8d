/** Where the admin portal is served (API.md, Admin portal); Vite builds it with this `base`. */
export const PORTAL_PATH = '/admin';
export const PORTAL_INDEX = 'index.html';
/** Vite's output folder for files whose names carry a content hash. */
const HASHED_FOLDER = 'assets';

export const PORTAL_CACHE_CONTROL = {
  /** The page names the current hashed files, so browsers revalidate it every time (ETag). */
  page: 'no-cache',
  /** A changed file gets a new name, so a name's content never changes. */
  hashed: 'public, max-age=31536000, immutable',
  /** Files Vite copies as they are (the favicon): their names stay the same across builds. */
  plain: 'public, max-age=3600',
} as const;

/** What a path under `/admin/` asks for. */
export type PortalTarget =
  /** The application's page: `/admin/`, `/admin/index.html`, any path ending in `/`. */
  | { kind: 'page' }
  /**
   * A file of the build, if there is one. When there is none, a path without a file extension
   * is one of the application's own (hash or history) routes and gets the page; any other is
   * a missing file.
   */
  | { kind: 'file'; file: string; cacheControl: string; otherwisePage: boolean }
  /** Never a file of the build (dot files, separators the URL normaliser would not let through). */
  | { kind: 'missing' };

const FILE_EXTENSION = /.\.[^.]+$/;

function isPlainSegment(segment: string): boolean {
  return !segment.startsWith('.') && !/[\\/\0]/.test(segment);
}

/**
 * Decides what a request under `/admin/` is for, from its decoded path segments after `admin`
 * (`/admin/assets/a.js` is `['assets', 'a.js']`, `/admin/` is `['']`).
 */
export function portalTarget(segments: readonly string[]): PortalTarget {
  const named = segments.filter((segment) => segment !== '');
  const last = segments[segments.length - 1] ?? '';
  if (!named.every(isPlainSegment)) return { kind: 'missing' };
  if (last === '' || (named.length === 1 && last === PORTAL_INDEX)) return { kind: 'page' };
  return {
    kind: 'file',
    file: named.join('/'),
    cacheControl:
      named[0] === HASHED_FOLDER && named.length > 1
        ? PORTAL_CACHE_CONTROL.hashed
        : PORTAL_CACHE_CONTROL.plain,
    otherwisePage: !FILE_EXTENSION.test(last),
  };
}

/** The decoded path segments after `/admin/` of a normalised request URL. */
export function portalSegments(url: string): string[] {
  const queryAt = url.indexOf('?');
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  return path
    .slice(PORTAL_PATH.length + 1)
    .split('/')
    .map((segment) => decodeURIComponent(segment));
}

/** The query of a request URL, with its `?`, or nothing. */
export function queryOf(url: string): string {
  const queryAt = url.indexOf('?');
  return queryAt === -1 ? '' : url.slice(queryAt);
}
