import {
  DataSet,
  RegExpMatcher,
  englishDataset,
  englishRecommendedTransformers,
  pattern,
} from 'obscenity';

/**
 * Words that contain a listed word but are ordinary names or words. The library's whitelist
 * drops a match that lies inside one of them, after the same look-alike folding as the match.
 */
const ORDINARY_WORDS = ['penistone', 'shiitake'];

/**
 * The library's English dataset, with `dick` no longer matched as a word or inside one: it is a
 * common first name (Dick Van Dyke) and part of many surnames (Dickson, Dickens). Its insults
 * stay refused.
 */
function dataset(): DataSet<{ originalWord: string }> {
  return new DataSet<{ originalWord: string }>()
    .addAll(englishDataset)
    .removePhrasesIf((phrase) => phrase.metadata?.originalWord === 'dick')
    .addPhrase((phrase) =>
      phrase
        .setMetadata({ originalWord: 'dick' })
        .addPattern(pattern`|dck|`)
        .addPattern(pattern`dickhead`)
        .addPattern(pattern`dickwad`),
    );
}

/** Splits a comma-separated setting into trimmed, non-empty words or phrases. */
export function parseTextAllowlist(setting: string): string[] {
  return setting
    .split(',')
    .map((term) => term.trim().toLowerCase())
    .filter((term) => term.length > 0);
}

/** Whether text contains words the platform refuses in what people write for others to read. */
export class ObjectionableTextMatcher {
  private readonly matcher: RegExpMatcher;

  constructor(allowlist: readonly string[] = []) {
    const { blacklistedTerms, whitelistedTerms } = dataset().build();
    this.matcher = new RegExpMatcher({
      blacklistedTerms,
      whitelistedTerms: [...(whitelistedTerms ?? []), ...ORDINARY_WORDS, ...allowlist],
      ...englishRecommendedTransformers,
    });
  }

  isObjectionable(text: string): boolean {
    return this.matcher.hasMatch(text);
  }
}

// Built once per process. Validation decorators are static, so the platform hands the matcher
// the configured allowlist once at boot (PlatformModule) instead of the rule reading settings.
let shared = new ObjectionableTextMatcher();

export function useObjectionableTextAllowlist(
  allowlist: readonly string[],
): ObjectionableTextMatcher {
  shared = new ObjectionableTextMatcher(allowlist);
  return shared;
}

export function isObjectionableText(text: string): boolean {
  return shared.isObjectionable(text);
}
