import { deletedMarkerTtlSeconds } from './revoked-users';

describe(deletedMarkerTtlSeconds.name, () => {
  const now = new Date('2026-11-26T10:00:00.000Z');
  const keep = 86_400;

  it('keeps a new deletion for the whole time a token issued before it can live', () => {
    expect(deletedMarkerTtlSeconds('2026-11-26T10:00:00.000Z', now, keep)).toBe(keep);
  });

  it('keeps a deletion read back later only for what is left of that time', () => {
    expect(deletedMarkerTtlSeconds('2026-11-26T09:00:00.000Z', now, keep)).toBe(keep - 3600);
    expect(deletedMarkerTtlSeconds('2026-11-25T10:00:00.500Z', now, keep)).toBe(1);
  });

  it('needs no marker once every token issued before the deletion has expired', () => {
    expect(deletedMarkerTtlSeconds('2026-11-25T10:00:00.000Z', now, keep)).toBeNull();
    expect(deletedMarkerTtlSeconds('2026-11-20T10:00:00.000Z', now, keep)).toBeNull();
  });

  it('never keeps longer than the setting when the deletion is stamped ahead of this clock', () => {
    expect(deletedMarkerTtlSeconds('2026-11-26T10:00:05.000Z', now, keep)).toBe(keep);
  });
});
