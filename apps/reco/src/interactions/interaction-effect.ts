import type { InteractionType } from '@rendezvous/contracts';

/** `like` and `interest` count as likes (and towards popularity); every type adds its dwell. */
export function interactionEffect(
  type: InteractionType,
  dwellSeconds: number,
): { likes: number; dwellSeconds: number } {
  return { likes: type === 'view' ? 0 : 1, dwellSeconds };
}
