import { backoffDelay } from './kafka-errors';

describe(backoffDelay.name, () => {
  it('doubles from the base and stays within the cap', () => {
    const max = () => 1;
    expect(backoffDelay(1, 200, 5_000, max)).toBe(200);
    expect(backoffDelay(2, 200, 5_000, max)).toBe(400);
    expect(backoffDelay(3, 200, 5_000, max)).toBe(800);
    expect(backoffDelay(10, 200, 5_000, max)).toBe(5_000);
  });

  it('jitters between half the ceiling and the ceiling', () => {
    expect(backoffDelay(3, 200, 5_000, () => 0)).toBe(400);
  });
});
