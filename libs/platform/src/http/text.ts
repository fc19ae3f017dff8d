// NUL: Postgres cannot store it in text. Unpaired surrogates: not Unicode, so UTF-8 (the
// database, JSON on the wire, Kafka) cannot carry them.
const UNFIT = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be accepted as text anywhere in the API (`null` when it can). */
export function textProblem(value: string): string | null {
  return UNFIT.test(value) ? 'must not contain NUL characters or unpaired surrogates' : null;
}
