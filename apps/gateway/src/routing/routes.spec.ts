import { classifyRoute, isKnownApiPath, pathOf, prefixesOf } from './routes';

describe(classifyRoute.name, () => {
  it('makes only signup, login, refresh and the JWKS public', () => {
    expect(classifyRoute('POST', '/api/v1/auth/signup').isPublic).toBe(true);
    expect(classifyRoute('post', '/api/v1/auth/login?x=1').isPublic).toBe(true);
    expect(classifyRoute('POST', '/api/v1/auth/refresh').isPublic).toBe(true);
    expect(classifyRoute('GET', '/api/v1/.well-known/jwks.json').isPublic).toBe(true);
    expect(classifyRoute('POST', '/api/v1/auth/logout').isPublic).toBe(false);
    expect(classifyRoute('GET', '/api/v1/auth/signup').isPublic).toBe(false);
    expect(classifyRoute('POST', '/api/v1/auth/signup/').isPublic).toBe(false);
    expect(classifyRoute('POST', '/api/v1/auth/signup/../../users/me').isPublic).toBe(false);
    expect(classifyRoute('GET', '/api/v1/users/me').isPublic).toBe(false);
  });

  it('applies the credential limit to signup, login and refresh only', () => {
    expect(classifyRoute('POST', '/api/v1/auth/login').isCredentialRoute).toBe(true);
    expect(classifyRoute('POST', '/api/v1/auth/logout').isCredentialRoute).toBe(false);
    expect(classifyRoute('GET', '/api/v1/.well-known/jwks.json').isCredentialRoute).toBe(false);
  });

  it('keeps every admin route for moderators and admins', () => {
    for (const path of ['users?q=a', 'reports/x/decision', 'audit', 'stats/daily', 'matching/m']) {
      expect(classifyRoute('GET', `/api/v1/admin/${path}`).isStaffOnly).toBe(true);
    }
    expect(classifyRoute('GET', '/api/v1/users/me').isStaffOnly).toBe(false);
    expect(classifyRoute('GET', '/api/v1/administrators').isStaffOnly).toBe(false);
  });

  it('keeps the learned ranking models for admins alone', () => {
    expect(classifyRoute('GET', '/api/v1/admin/matching/models').isAdminOnly).toBe(true);
    expect(classifyRoute('POST', '/api/v1/admin/matching/models/3/activate').isAdminOnly).toBe(
      true,
    );
    for (const path of ['users', 'reports/x/decision', 'stats', 'matchingx', 'matching-models']) {
      expect(classifyRoute('GET', `/api/v1/admin/${path}`).isAdminOnly).toBe(false);
    }
    expect(classifyRoute('GET', '/api/v1/matching/discover').isAdminOnly).toBe(false);
  });
});

describe(prefixesOf.name, () => {
  it('lists the path prefixes each service owns', () => {
    expect(prefixesOf('user')).toEqual([
      '/api/v1/auth',
      '/api/v1/.well-known',
      '/api/v1/users',
      '/api/v1/reports',
      '/api/v1/admin/users',
      '/api/v1/admin/reports',
      '/api/v1/admin/audit',
    ]);
    expect(prefixesOf('matching')).toEqual(['/api/v1/matching', '/api/v1/admin/matching']);
    expect(prefixesOf('reco')).toEqual(['/api/v1/venues', '/api/v1/reco']);
    expect(prefixesOf('booking-agent')).toEqual(['/api/v1/plans', '/api/v1/bookings']);
  });

  it('strips the query from a url', () => {
    expect(pathOf('/api/v1/users/me?x=1')).toBe('/api/v1/users/me');
  });
});

describe(isKnownApiPath.name, () => {
  it('knows the prefixes of the services and of the gateway itself', () => {
    expect(isKnownApiPath('/api/v1/users/me')).toBe(true);
    expect(isKnownApiPath('/api/v1/users')).toBe(true);
    expect(isKnownApiPath('/api/v1/notifications?after=x')).toBe(true);
    expect(isKnownApiPath('/api/v1/no-such-thing')).toBe(false);
    expect(isKnownApiPath('/api/v1/')).toBe(false);
    expect(isKnownApiPath('/api/v1/constructor')).toBe(false);
  });

  it('lets the second segment decide under admin; anything else there is unknown', () => {
    for (const path of ['stats', 'stats/daily', 'dead-letters', 'users/x', 'reports', 'audit']) {
      expect(isKnownApiPath(`/api/v1/admin/${path}`)).toBe(true);
    }
    expect(isKnownApiPath('/api/v1/admin/matching/models')).toBe(true);
    expect(isKnownApiPath('/api/v1/admin')).toBe(false);
    expect(isKnownApiPath('/api/v1/admin/secrets')).toBe(false);
    expect(isKnownApiPath('/api/v1/admin/constructor')).toBe(false);
  });
});
