import type { MeetCandidate } from './meet-ranking';
import { compareMeet } from './meet-ranking';

const venue = (venueId: string, callerKm: number, otherKm: number, scores = 0): MeetCandidate => ({
  venueId,
  callerKm,
  otherKm,
  callerScore: scores / 2,
  otherScore: scores / 2,
});

describe('compareMeet', () => {
  it('puts the venue whose longer trip is shorter first, even if the sum of trips is larger', () => {
    const nextToOne = venue('a', 0.1, 9.9);
    const halfway = venue('b', 5.5, 5.5);
    expect([nextToOne, halfway].sort(compareMeet).map((v) => v.venueId)).toEqual(['b', 'a']);
  });

  it('breaks a tie on the longer trip by the two scores together', () => {
    const plain = venue('a', 3, 2, 0.4);
    const liked = venue('b', 2, 3, 0.9);
    expect([plain, liked].sort(compareMeet).map((v) => v.venueId)).toEqual(['b', 'a']);
  });
});
