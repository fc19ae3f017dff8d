import {
  currentTrace,
  newTraceId,
  runWithTrace,
  traceIdFromTraceparent,
  traceparentFor,
} from './trace-context';

describe('trace context', () => {
  it('reads the trace id of a valid W3C traceparent and rejects malformed or zero ones', () => {
    const id = '4bf92f3577b34da6a3ce929d0e0e4736';
    expect(traceIdFromTraceparent(`00-${id}-00f067aa0ba902b7-01`)).toBe(id);
    expect(traceIdFromTraceparent(`00-${'0'.repeat(32)}-00f067aa0ba902b7-01`)).toBeUndefined();
    expect(traceIdFromTraceparent('garbage')).toBeUndefined();
    expect(traceIdFromTraceparent(undefined)).toBeUndefined();
    expect(traceIdFromTraceparent(traceparentFor(id))).toBe(id);
  });

  it('makes fresh, well-formed ids across many refills of its random pool', () => {
    const ids = Array.from({ length: 2000 }, () => newTraceId());
    expect(new Set(ids).size).toBe(ids.length);
    const parents = ids.map((id) => traceparentFor(id));
    for (const [i, parent] of parents.entries()) {
      expect(traceIdFromTraceparent(parent)).toBe(ids[i]);
    }
    expect(new Set(parents.map((parent) => parent.slice(36, 52))).size).toBe(parents.length);
  });

  it('carries the context across awaits', async () => {
    const seen = await runWithTrace({ traceId: 't'.repeat(32), correlationId: 'c' }, async () => {
      await new Promise((resolve) => setImmediate(resolve));
      return currentTrace()?.correlationId;
    });
    expect(seen).toBe('c');
    expect(currentTrace()).toBeUndefined();
  });
});
