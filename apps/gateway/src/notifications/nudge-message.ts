import type { InterestCategory } from '@rendezvous/contracts';

/** How each category reads inside a sentence; `other` is never named. */
const PHRASES: Record<Exclude<InterestCategory, 'other'>, string> = {
  tech: 'tech',
  science: 'science',
  business: 'business',
  arts: 'the arts',
  music: 'music',
  film: 'film',
  books: 'books',
  ideas: 'big ideas',
  sports: 'sports',
  outdoors: 'the outdoors',
  travel: 'travel',
  food: 'food',
  games: 'games',
  wellbeing: 'wellbeing',
  family: 'family life',
  social: 'meeting people',
};

function joined(phrases: string[]): string {
  if (phrases.length <= 1) return phrases.join('');
  return `${phrases.slice(0, -1).join(', ')} and ${phrases[phrases.length - 1]}`;
}

/**
 * The friendly line both people see with a proximity nudge. It names the shared categories and
 * nothing about the other person.
 */
export function nudgeMessage(sharedInterests: readonly InterestCategory[]): string {
  const named = sharedInterests
    .filter((category): category is Exclude<InterestCategory, 'other'> => category !== 'other')
    .map((category) => PHRASES[category]);
  if (named.length === 0) {
    return 'Someone nearby shares one of your interests. Say hello?';
  }
  return `Someone nearby is into ${joined(named)} too. Say hello?`;
}
