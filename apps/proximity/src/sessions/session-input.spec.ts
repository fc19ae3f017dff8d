import { bleTokenProblem, detectedTokenProblem, interestsProblem } from './session-input';

describe('proximity input limits', () => {
  it('takes Bluetooth tokens of 8 to 128 characters', () => {
    expect(bleTokenProblem('a'.repeat(8))).toBeNull();
    expect(bleTokenProblem('a'.repeat(128))).toBeNull();
    for (const bad of ['a'.repeat(7), 'a'.repeat(129), 12345678, null, undefined]) {
      expect(bleTokenProblem(bad)).toBe('must be a string of 8 to 128 characters');
    }
  });

  it('takes 1 to 20 interests of at most 40 characters, none blank', () => {
    expect(interestsProblem(['chess'])).toBeNull();
    expect(interestsProblem(Array.from({ length: 20 }, (_, i) => `i${i}`))).toBeNull();
    expect(interestsProblem(['x'.repeat(40)])).toBeNull();
    for (const bad of [[], Array.from({ length: 21 }, () => 'a'), 'chess', null]) {
      expect(interestsProblem(bad)).toMatch(/^must be a list of 1 to 20 interests/);
    }
    expect(interestsProblem(['chess', '   '])).toMatch(/\(item 1 is not\)$/);
    expect(interestsProblem(['x'.repeat(41)])).toMatch(/\(item 0 is not\)$/);
    expect(interestsProblem(['chess', 7])).toMatch(/\(item 1 is not\)$/);
  });

  it('never repeats the rejected value', () => {
    expect(interestsProblem(['secret-interest', 'x'.repeat(41)])).not.toContain('secret');
  });

  it('refuses an encounter with oneself', () => {
    const token = 'token-0001';
    expect(detectedTokenProblem(token, { ownToken: token })).toBe('must differ from ownToken');
    expect(detectedTokenProblem('token-0002', { ownToken: token })).toBeNull();
    expect(detectedTokenProblem('short', { ownToken: token })).toMatch(/^must be a string/);
  });
});
