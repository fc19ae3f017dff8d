import {
  INTEREST_CATEGORIES,
  INTEREST_KEYWORDS,
  interestCategory,
  interestLookupKeys,
  keywordsOf,
  sortCategories,
} from './interest-taxonomy';

const listed = Object.keys(INTEREST_KEYWORDS) as (keyof typeof INTEREST_KEYWORDS)[];

describe(interestCategory.name, () => {
  it.each([
    ['devops', 'tech'],
    ['hardstyle', 'music'],
    ['philosophy', 'ideas'],
    ['chess', 'games'],
    ['kubernetes', 'tech'],
    ['astrophysics', 'science'],
    ['venture capital', 'business'],
    ['pottery', 'arts'],
    ['documentaries', 'film'],
    ['poetry', 'books'],
    ['bouldering', 'outdoors'],
    ['padel', 'sports'],
    ['digital nomad', 'travel'],
    ['sourdough', 'food'],
    ['meditation', 'wellbeing'],
    ['parenting', 'family'],
    ['volunteering', 'social'],
  ])('maps %s to %s', (interest, category) => {
    expect(interestCategory(interest)).toBe(category);
  });

  it('puts what it does not know in other', () => {
    expect(interestCategory('xylophone restoration of 1920s trams')).toBe('other');
    expect(interestCategory('qwertyuiop')).toBe('other');
  });

  it('ignores case, surrounding and repeated whitespace', () => {
    for (const variant of [
      'DevOps',
      '  devops ',
      'DEVOPS',
      'Machine   Learning',
      ' machine learning',
    ]) {
      expect(interestCategory(variant)).toBe('tech');
    }
  });

  it('reads punctuation between words as a space', () => {
    expect(interestCategory('Hip-Hop')).toBe('music');
    expect(interestCategory('sci/fi')).toBe('books');
    expect(interestCategory('K-Pop')).toBe('music');
  });

  it('keeps the symbols that make a term (c++, c#, r&b)', () => {
    expect(interestCategory('C++')).toBe('tech');
    expect(interestCategory('c#')).toBe('tech');
    expect(interestCategory('R&B')).toBe('music');
  });

  it('falls back to the last words of a phrase it does not know whole', () => {
    expect(interestCategory('underground indie rock')).toBe('music');
    expect(interestCategory('cooperative board games')).toBe('games');
    expect(interestCategory('wildlife photography')).toBe('arts');
    expect(interestCategory('rock climbing')).toBe('outdoors');
    expect(interestCategory('history of science')).toBe('science');
    expect(interestCategory('jazz on sundays')).toBe('music');
  });

  it('understands plurals it only knows in the singular, and the other way round', () => {
    expect(interestCategory('startups')).toBe('business');
    expect(interestCategory('marathons')).toBe('sports');
    expect(interestCategory('documentary')).toBe('film');
    expect(interestCategory('hobby rockets')).toBe('science');
    expect(interestCategory('comedies')).toBe('arts');
  });
});

describe('the keyword table', () => {
  it('has a rich list for every category except other', () => {
    expect(sortCategories(listed)).toEqual(INTEREST_CATEGORIES.filter((c) => c !== 'other'));
    for (const category of listed) expect(keywordsOf(category).length).toBeGreaterThanOrEqual(30);
  });

  it('lists each term once, so no term depends on table order', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const category of listed) {
      for (const term of keywordsOf(category)) {
        const before = seen.get(term);
        if (before) clashes.push(`${term}: ${before} and ${category}`);
        seen.set(term, category);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('maps every listed term to its own category', () => {
    for (const category of listed) {
      for (const term of keywordsOf(category))
        expect([term, interestCategory(term)]).toEqual([term, category]);
    }
  });
});

describe(interestLookupKeys.name, () => {
  it('tries the whole term first, then its tails, then single words from the right', () => {
    expect(interestLookupKeys('  Indie   Rock Bands ')).toEqual([
      'indie rock bands',
      'indie rock band',
      'rock bands',
      'rock band',
      'bands',
      'band',
      'rock',
      'indie',
    ]);
  });
});

describe(sortCategories.name, () => {
  it('dedupes and puts categories in display order', () => {
    expect(sortCategories(['music', 'tech', 'music', 'other', 'arts'])).toEqual([
      'tech',
      'arts',
      'music',
      'other',
    ]);
  });
});
