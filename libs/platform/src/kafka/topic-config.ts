export interface ConfigEntry {
  name: string;
  value: string;
}

/** One entry of a topic's configuration as the broker describes it. */
export interface DescribedConfigEntry extends ConfigEntry {
  /** Set on the topic itself (not a broker default): kept when the topic's config is replaced. */
  topicOverride: boolean;
}

/**
 * The whole dynamic configuration to give a topic so it holds `desired`, or `null` when it does
 * already. Kafka's (non-incremental) AlterConfigs replaces every override of the topic, so the
 * overrides it has besides the desired ones are sent along unchanged.
 */
export function topicConfigChange(
  current: readonly DescribedConfigEntry[],
  desired: readonly ConfigEntry[],
): ConfigEntry[] | null {
  const values = new Map(current.map((entry) => [entry.name, entry.value]));
  if (desired.every(({ name, value }) => values.get(name) === value)) return null;
  const wanted = new Set(desired.map(({ name }) => name));
  const kept = current
    .filter((entry) => entry.topicOverride && !wanted.has(entry.name))
    .map(({ name, value }) => ({ name, value }));
  return [...kept, ...desired];
}
