import { EventPattern, Payload } from '@nestjs/microservices';
import type { Topic, TopicEnvelope } from '@rendezvous/contracts';

type Handler<T extends Topic> = (envelope: TopicEnvelope<T>) => Promise<void>;

/**
 * Subscribes a consumer method to `topics`. The method takes the envelope of exactly those
 * topics (`TopicEnvelope<…>`), so a handler's type follows its subscription and a handler
 * declared for another topic's data does not compile. The transport has validated the envelope
 * against the topic's published schema before the method runs.
 */
export function OnEvent<const T extends readonly Topic[]>(...topics: T) {
  return <H extends Handler<T[number]>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<H>,
  ): void => {
    EventPattern(topics.length === 1 ? topics[0] : [...topics])(target, key, descriptor);
    Payload()(target, key, 0);
  };
}
