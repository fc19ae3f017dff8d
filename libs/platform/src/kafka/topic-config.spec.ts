import { topicConfigChange } from './topic-config';

describe(topicConfigChange.name, () => {
  const entry = (name: string, value: string, topicOverride = true) => ({
    name,
    value,
    topicOverride,
  });

  it('changes nothing when the topic already holds every desired value', () => {
    const current = [entry('cleanup.policy', 'compact'), entry('retention.ms', '604800000', false)];
    expect(topicConfigChange(current, [{ name: 'cleanup.policy', value: 'compact' }])).toBeNull();
  });

  it('sets a desired value that differs from the broker default', () => {
    const current = [entry('cleanup.policy', 'delete', false)];
    expect(topicConfigChange(current, [{ name: 'cleanup.policy', value: 'compact' }])).toEqual([
      { name: 'cleanup.policy', value: 'compact' },
    ]);
  });

  it("keeps the topic's other overrides, since the whole set is replaced", () => {
    const current = [
      entry('retention.ms', '86400000'),
      entry('max.message.bytes', '2097152'),
      entry('segment.ms', '604800000', false),
      entry('cleanup.policy', 'delete', false),
    ];
    expect(topicConfigChange(current, [{ name: 'cleanup.policy', value: 'compact' }])).toEqual([
      { name: 'retention.ms', value: '86400000' },
      { name: 'max.message.bytes', value: '2097152' },
      { name: 'cleanup.policy', value: 'compact' },
    ]);
  });

  it('replaces an override with the desired value', () => {
    const current = [entry('retention.ms', '1209600000'), entry('cleanup.policy', 'compact')];
    expect(
      topicConfigChange(current, [
        { name: 'cleanup.policy', value: 'compact' },
        { name: 'retention.ms', value: '86400000' },
      ]),
    ).toEqual([
      { name: 'cleanup.policy', value: 'compact' },
      { name: 'retention.ms', value: '86400000' },
    ]);
  });
});
