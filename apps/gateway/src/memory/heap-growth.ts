import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the old generation grow past what survived its last full collection before
 * collecting again (V8's `--heap-growing-percent`). By its own measure V8 lets it grow to two or
 * three times that, and with thousands of sockets opening and closing the gateway's promoted
 * connection garbage then kept its RSS rising by a third between collections (README, Scaling
 * the gateway).
 */
export const HEAP_GROWING_PERCENT = 20;

const FLAG = '--heap-growing-percent';

/** Sets the gateway's heap growth, unless the operator gave node the flag themselves. */
export function limitHeapGrowth(
  execArgv: readonly string[] = process.execArgv,
  setFlags: (flags: string) => void = setFlagsFromString,
): void {
  if (execArgv.some((arg) => arg === FLAG || arg.startsWith(`${FLAG}=`))) return;
  setFlags(`${FLAG}=${HEAP_GROWING_PERCENT}`);
}
