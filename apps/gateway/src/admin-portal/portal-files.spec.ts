import { PORTAL_CACHE_CONTROL, portalSegments, portalTarget, queryOf } from './portal-files';

describe(portalTarget.name, () => {
  it('serves the page at the root, at index.html and for any path ending in /', () => {
    expect(portalTarget([''])).toEqual({ kind: 'page' });
    expect(portalTarget(['index.html'])).toEqual({ kind: 'page' });
    expect(portalTarget(['members', ''])).toEqual({ kind: 'page' });
    expect(portalTarget(['assets', ''])).toEqual({ kind: 'page' });
  });

  it('caches hashed files under assets/ for a year and other files for an hour', () => {
    expect(portalTarget(['assets', 'index-3fa9c2.js'])).toEqual({
      kind: 'file',
      file: 'assets/index-3fa9c2.js',
      cacheControl: 'public, max-age=31536000, immutable',
      otherwisePage: false,
    });
    expect(portalTarget(['favicon.svg'])).toMatchObject({
      file: 'favicon.svg',
      cacheControl: PORTAL_CACHE_CONTROL.plain,
    });
    // A root file merely named like the folder is not a hashed one.
    expect(portalTarget(['assets'])).toMatchObject({ cacheControl: PORTAL_CACHE_CONTROL.plain });
    expect(portalTarget(['icons', 'a.png'])).toMatchObject({
      cacheControl: PORTAL_CACHE_CONTROL.plain,
    });
    expect(PORTAL_CACHE_CONTROL.page).toBe('no-cache');
  });

  it('falls back to the page only for paths without a file extension', () => {
    expect(portalTarget(['members'])).toMatchObject({ otherwisePage: true });
    expect(portalTarget(['members', 'a1b2'])).toMatchObject({ otherwisePage: true });
    expect(portalTarget(['assets', 'index-0000.js'])).toMatchObject({ otherwisePage: false });
    expect(portalTarget(['robots.txt'])).toMatchObject({ otherwisePage: false });
    expect(portalTarget(['v1.2', 'x'])).toMatchObject({ otherwisePage: true });
  });

  it('never names a dot file or a segment that could leave the folder', () => {
    for (const segments of [
      ['.env'],
      ['assets', '.git', 'config'],
      ['..', 'package.json'],
      ['.', 'index.html'],
      ['assets', '..\\..\\secret.js'],
      ['a/../../b.js'],
      ['a\0.js'],
    ]) {
      expect({ segments, target: portalTarget(segments) }).toEqual({
        segments,
        target: { kind: 'missing' },
      });
    }
  });
});

describe(portalSegments.name, () => {
  it('decodes the segments after /admin/ and leaves the query out', () => {
    expect(portalSegments('/admin/')).toEqual(['']);
    expect(portalSegments('/admin/assets/a%20b.js?v=1')).toEqual(['assets', 'a b.js']);
    expect(portalSegments('/admin/members/')).toEqual(['members', '']);
  });
});

describe(queryOf.name, () => {
  it('keeps the query with its question mark', () => {
    expect(queryOf('/admin?next=%2Fmembers')).toBe('?next=%2Fmembers');
    expect(queryOf('/admin')).toBe('');
  });
});
