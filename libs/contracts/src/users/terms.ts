/**
 * The comparable form of a free-text term (an interest, a skill, an industry): trimmed,
 * lower-cased, inner whitespace collapsed. "Machine  Learning " and "machine learning" agree.
 */
export function normaliseTerm(value: string): string {
  return value.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Normalised, without empties and duplicates, first occurrence kept. */
export function normaliseTerms(values: readonly string[]): string[] {
  return [...new Set(values.map(normaliseTerm).filter((term) => term.length > 0))];
}
