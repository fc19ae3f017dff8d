import { ObjectionableTextMatcher, parseTextAllowlist } from './objectionable-text';

describe(ObjectionableTextMatcher.name, () => {
  const matcher = new ObjectionableTextMatcher();

  it.each(['fuck off', 'you are a bitch', 'what a cunt', 'shit', 'dickhead', 'nice tits'])(
    'refuses plain profanity: %s',
    (text) => expect(matcher.isObjectionable(text)).toBe(true),
  );

  it.each([
    'fuuuck',
    'FUCK',
    'f*ck',
    'fck',
    'sh1t',
    'a$$hole',
    'c0ck',
    'p3nis',
    'ʃṳ𝒸𝗄',
    'd1ckhead',
  ])('refuses look-alike spellings: %s', (text) =>
    expect(matcher.isObjectionable(text)).toBe(true),
  );

  it.each([
    'Dick Cockburn',
    'Scunthorpe',
    'Penistone',
    'Cockburn',
    'Sussex',
    'Essex',
    'assassin',
    'classic',
    'Dick Van Dyke',
    'Hancock',
    'Dickson',
    'Charles Dickens',
    'Shitake',
    'shiitake risotto',
    'Hitchcock',
    'Cumberbatch',
    'analysis',
    'kung fu',
  ])('lets an ordinary name or word through: %s', (text) =>
    expect(matcher.isObjectionable(text)).toBe(false),
  );

  it('still refuses a bad word beside an ordinary one', () => {
    expect(matcher.isObjectionable('Penistone penis')).toBe(true);
  });

  it('lets the allowlist add exceptions, whatever their case', () => {
    expect(matcher.isObjectionable('Fu Manchu')).toBe(true);
    const allowing = new ObjectionableTextMatcher(parseTextAllowlist(' Fu Manchu , MISHIT,,'));
    expect(allowing.isObjectionable('Fu Manchu')).toBe(false);
    expect(allowing.isObjectionable('a mishit')).toBe(false);
    expect(allowing.isObjectionable('fuck')).toBe(true);
  });
});

describe(parseTextAllowlist.name, () => {
  it('splits on commas, trims, lowercases and drops empty entries', () => {
    expect(parseTextAllowlist('')).toEqual([]);
    expect(parseTextAllowlist(' Fu Manchu ,,Mishit ')).toEqual(['fu manchu', 'mishit']);
  });
});
