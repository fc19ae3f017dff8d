import { PROXIMITY_LIMITS } from '@rendezvous/contracts';

const { BLE_TOKEN_MIN, BLE_TOKEN_MAX, INTERESTS_MIN, INTERESTS_MAX, INTEREST_MAX } =
  PROXIMITY_LIMITS;

// Problems name limits, never the value: a rejected interest must not reach a log either.

export function bleTokenProblem(value: unknown): string | null {
  return typeof value === 'string' && value.length >= BLE_TOKEN_MIN && value.length <= BLE_TOKEN_MAX
    ? null
    : `must be a string of ${BLE_TOKEN_MIN} to ${BLE_TOKEN_MAX} characters`;
}

export function interestsProblem(value: unknown): string | null {
  const expected = `must be a list of ${INTERESTS_MIN} to ${INTERESTS_MAX} interests of 1 to ${INTEREST_MAX} characters`;
  if (!Array.isArray(value) || value.length < INTERESTS_MIN || value.length > INTERESTS_MAX) {
    return expected;
  }
  const bad = value.findIndex(
    (item) => typeof item !== 'string' || item.trim().length === 0 || item.length > INTEREST_MAX,
  );
  return bad === -1 ? null : `${expected} (item ${bad} is not)`;
}

export function detectedTokenProblem(value: unknown, body: { ownToken?: unknown }): string | null {
  return bleTokenProblem(value) ?? (value === body.ownToken ? 'must differ from ownToken' : null);
}
