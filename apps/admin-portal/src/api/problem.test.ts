import { describe, expect, it } from 'vitest';
import { ApiError, apiErrorFrom, fieldErrors, problemMessage, retryAfterSeconds } from './problem';

describe('fieldErrors', () => {
  it('nests dotted paths and keeps top-level fields flat', () => {
    expect(
      fieldErrors({
        title: 'Bad request',
        errors: [
          { path: 'name', message: 'name is required' },
          { path: 'location.lat', message: 'lat must be between -90 and 90' },
          { path: 'location.lng', message: 'lng must be a number' },
        ],
      }),
    ).toEqual({
      name: 'name is required',
      location: { lat: 'lat must be between -90 and 90', lng: 'lng must be a number' },
    });
  });

  it('joins repeated paths and skips empty ones', () => {
    expect(
      fieldErrors({
        errors: [
          { path: 'note', message: 'too long' },
          { path: 'note', message: 'must not contain links' },
          { path: '', message: 'the body is wrong' },
        ],
      }),
    ).toEqual({ note: 'too long; must not contain links' });
  });

  it('is empty without errors', () => {
    expect(fieldErrors({ title: 'Not found' })).toEqual({});
  });
});

describe('retryAfterSeconds', () => {
  const now = Date.parse('2026-12-05T10:00:00Z');

  it('reads delta-seconds', () => {
    expect(retryAfterSeconds('120', now)).toBe(120);
    expect(retryAfterSeconds(' 7 ', now)).toBe(7);
  });

  it('reads an HTTP date relative to now, never negative', () => {
    expect(retryAfterSeconds('Sat, 05 Dec 2026 10:01:30 GMT', now)).toBe(90);
    expect(retryAfterSeconds('Sat, 05 Dec 2026 09:59:00 GMT', now)).toBe(0);
  });

  it('gives null for a missing or unreadable header', () => {
    expect(retryAfterSeconds(null, now)).toBeNull();
    expect(retryAfterSeconds('', now)).toBeNull();
    expect(retryAfterSeconds('soon', now)).toBeNull();
  });
});

describe('problemMessage', () => {
  it('says when to retry a 429 with Retry-After', () => {
    expect(problemMessage(429, { title: 'Too Many Requests' }, 1)).toBe(
      'Too many requests. Try again in 1 second.',
    );
    expect(problemMessage(429, { detail: 'Slow down' }, 30)).toBe(
      'Slow down. Try again in 30 seconds.',
    );
    expect(problemMessage(429, null, 600)).toBe('Too many requests. Try again in 10 minutes.');
    expect(problemMessage(429, null, 7200)).toBe('Too many requests. Try again in 2 hours.');
  });

  it('says to retry shortly for a 429 without Retry-After', () => {
    expect(problemMessage(429, { detail: 'Rate limit reached.' }, null)).toBe(
      'Rate limit reached. Try again shortly.',
    );
  });

  it('prefers detail over title', () => {
    expect(problemMessage(409, { title: 'Conflict', detail: 'The report is decided.' }, null)).toBe(
      'The report is decided.',
    );
    expect(problemMessage(404, { title: 'Not Found' }, null)).toBe('Not Found');
  });

  it('appends field messages the head does not already say', () => {
    expect(
      problemMessage(
        400,
        {
          title: 'Bad Request',
          detail: 'The request is invalid.',
          errors: [
            { path: 'note', message: 'note must be at most 2000 characters' },
            { path: 'durationHours', message: 'durationHours must be at least 1' },
          ],
        },
        null,
      ),
    ).toBe(
      'The request is invalid: note must be at most 2000 characters; durationHours must be at least 1',
    );
    expect(
      problemMessage(
        400,
        { detail: 'note is required', errors: [{ path: 'note', message: 'note is required' }] },
        null,
      ),
    ).toBe('note is required');
  });

  it('names the status when the body is no problem', () => {
    expect(problemMessage(502, '<html>Bad gateway</html>', null)).toBe('The server answered 502.');
  });
});

describe('ApiError', () => {
  it('carries nested field errors in body.errors for react-admin', () => {
    const error = new ApiError(
      {
        title: 'Bad Request',
        code: 'validation',
        errors: [{ path: 'address.city', message: 'city is required' }],
      },
      400,
      null,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.code).toBe('validation');
    expect(error.body).toEqual({
      problem: expect.objectContaining({ code: 'validation' }),
      errors: { address: { city: 'city is required' } },
    });
    expect(error.message).toBe('Bad Request: city is required');
  });

  it('has no body.errors without field errors', () => {
    const error = new ApiError({ title: 'Forbidden' }, 403, null);
    expect(error.body).not.toHaveProperty('errors');
    expect(error.message).toBe('Forbidden');
  });

  it('is built from a response with its Retry-After', () => {
    const response = new Response(null, {
      status: 429,
      statusText: 'Too Many Requests',
      headers: { 'retry-after': '5' },
    });
    const error = apiErrorFrom(response, { title: 'Too Many Requests' });
    expect(error.retryAfter).toBe(5);
    expect(error.message).toBe('Too many requests. Try again in 5 seconds.');
  });

  it('falls back to the status text for a body that is no problem', () => {
    const response = new Response(null, { status: 503, statusText: 'Service Unavailable' });
    const error = apiErrorFrom(response, 'upstream down');
    expect(error.problem).toEqual({ status: 503, title: 'Service Unavailable' });
    expect(error.message).toBe('Service Unavailable');
  });
});
