import { NO_MATCH, encounterAnswer, sharedInterests } from './encounter-rules';
import { InterestHasher } from './interest-hasher';

const hasher = new InterestHasher('k'.repeat(32));

describe(sharedInterests.name, () => {
  it('labels the interests both hold, once each, in display order', () => {
    const ada = hasher.entries(['Hardstyle', 'DevOps', 'Kubernetes', 'chess', 'techno']);
    const bob = hasher.entries(['devops ', 'kubernetes', 'TECHNO', 'hardstyle', 'tennis']);
    expect(sharedInterests(ada, bob)).toEqual(['tech', 'music']);
    expect(sharedInterests(bob, ada)).toEqual(['tech', 'music']);
  });

  it('finds nothing when only the categories agree', () => {
    const ada = hasher.entries(['devops', 'jazz']);
    const bob = hasher.entries(['kubernetes', 'techno']);
    expect(sharedInterests(ada, bob)).toEqual([]);
  });

  it('reports other for shared interests the taxonomy does not know', () => {
    expect(sharedInterests(hasher.entries(['zorbing']), hasher.entries(['Zorbing']))).toEqual([
      'other',
    ]);
  });
});

describe(encounterAnswer.name, () => {
  it('says nudgeSent only to the report that sent the nudge', () => {
    expect(encounterAnswer(['tech'], 'sent')).toEqual({
      match: true,
      sharedInterests: ['tech'],
      nudgeSent: true,
    });
    expect(encounterAnswer(['tech'], 'seen')).toEqual({
      match: true,
      sharedInterests: ['tech'],
      nudgeSent: false,
    });
  });

  it('answers a blocked pair or an ended session like an unknown token', () => {
    expect(encounterAnswer(['tech'], 'blocked')).toEqual(NO_MATCH);
    expect(encounterAnswer(['tech'], 'gone')).toEqual(NO_MATCH);
    expect(NO_MATCH).toEqual({ match: false, sharedInterests: [], nudgeSent: false });
  });
});
