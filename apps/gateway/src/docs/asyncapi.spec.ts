import { EVENT_SCHEMAS, TOPICS } from '@rendezvous/contracts';
import { asyncApiDocument } from './asyncapi';

describe(asyncApiDocument.name, () => {
  it('publishes the safety events with their data schemas', () => {
    const { channels, components } = asyncApiDocument() as {
      channels: Record<string, { address: string }>;
      components: { messages: Record<string, { payload: { properties: { data: unknown } } }> };
    };
    for (const topic of [
      TOPICS.USER_STATUS_CHANGED,
      TOPICS.REPORT_CREATED,
      TOPICS.REPORT_DECIDED,
      TOPICS.AUDIT_RECORDED,
    ]) {
      const id = topic.replace(/\./g, '_');
      expect(channels[id]?.address).toBe(topic);
      expect(components.messages[id]?.payload.properties.data).toEqual(EVENT_SCHEMAS[topic]?.data);
    }
  });
});
