import type { FieldError } from '@rendezvous/contracts';
import type { NormalisedUrl } from './request-url';
import { normaliseRequestUrl } from './request-url';

const url = (raw: string) => (normaliseRequestUrl(raw) as NormalisedUrl).url;
const problem = (raw: string) => normaliseRequestUrl(raw) as FieldError;

describe(normaliseRequestUrl.name, () => {
  it('decodes escapes of ordinary characters into one spelling', () => {
    expect(url('/api/v1/%65vents')).toBe('/api/v1/events');
    expect(url('/api/v1/%65%76ents?x=%41')).toBe('/api/v1/events?x=%41');
    expect(url('/API/v1/events')).toBe('/API/v1/events');
    expect(url('/api/v1/users/caf%c3%a9')).toBe('/api/v1/users/caf%C3%A9');
    expect(url('/api/v1//events///x')).toBe('/api/v1/events/x');
    expect(url('/api/v1/events/')).toBe('/api/v1/events/');
    expect(url('/')).toBe('/');
  });

  it('gives the decoded segments for routing decisions', () => {
    expect((normaliseRequestUrl('/api/v1/%61uth/login') as NormalisedUrl).segments).toEqual([
      'api',
      'v1',
      'auth',
      'login',
    ]);
  });

  it('refuses malformed escapes, dot segments, encoded slashes and NUL in the path', () => {
    for (const raw of [
      '/api/v1/events/%zz',
      '/api/v1/events/%',
      '/api/v1/events/%E0%A4%A',
      '/api/v1/events/%C0%AF',
      '/api/v1/events/%ED%A0%80',
      '/api/v1/../v1/events',
      '/api/v1/%2e%2e/events',
      '/api/v1/./events',
      '/api/v1/events%2F1',
      '/api/v1/events/%00',
      'api/v1/events',
      'http://example.com/api/v1/events',
    ]) {
      expect(problem(raw).path).toBe('path');
    }
  });

  it('refuses malformed escapes and NUL in the query, naming the parameter', () => {
    expect(problem('/api/v1/events?q=%zz').path).toBe('q');
    expect(problem('/api/v1/events?q=a%00b').path).toBe('q');
    expect(problem('/api/v1/events?%zz=1').path).toBe('query');
    expect(url('/api/v1/events?q=a+b&near=1,2&&x')).toBe('/api/v1/events?q=a+b&near=1,2&&x');
  });
});
