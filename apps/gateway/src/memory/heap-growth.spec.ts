import { HEAP_GROWING_PERCENT, limitHeapGrowth } from './heap-growth';

describe(limitHeapGrowth.name, () => {
  it('sets V8 heap growth for the gateway', () => {
    const setFlags = jest.fn();
    limitHeapGrowth(['--enable-source-maps'], setFlags);
    expect(setFlags).toHaveBeenCalledWith(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  });

  it.each([['--heap-growing-percent=50'], ['--heap-growing-percent']])(
    'leaves an operator’s own %s alone',
    (flag) => {
      const setFlags = jest.fn();
      limitHeapGrowth(['--max-semi-space-size=16', flag], setFlags);
      expect(setFlags).not.toHaveBeenCalled();
    },
  );
});
