/** One labelled example as the evaluation sees it: whose, about whom, the score given, the label. */
export interface Scored {
  viewerId: string;
  candidateId: string;
  score: number;
  liked: boolean;
}

/**
 * Area under the ROC curve: the chance that a random liked example scores above a random
 * unliked one, ties counting half (Mann-Whitney U over mid-ranks). `null` with only one class.
 */
export function auc(examples: readonly Scored[]): number | null {
  const sorted = [...examples].sort((a, b) => a.score - b.score);
  let positives = 0;
  let positiveRanks = 0;
  for (let start = 0; start < sorted.length;) {
    let end = start;
    while (end + 1 < sorted.length && sorted[end + 1].score === sorted[start].score) end += 1;
    // Ranks start..end (1-based: start+1..end+1) share their mean.
    const midRank = (start + end) / 2 + 1;
    for (let i = start; i <= end; i += 1) {
      if (sorted[i].liked) {
        positives += 1;
        positiveRanks += midRank;
      }
    }
    start = end + 1;
  }
  const negatives = sorted.length - positives;
  if (positives === 0 || negatives === 0) return null;
  return (positiveRanks - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/**
 * Precision at `k` per viewer, averaged over the viewers who liked anyone: of the (at most) `k`
 * best-scored people each viewer was shown, the share they liked. Ties by candidate id.
 */
export function precisionAtK(examples: readonly Scored[], k: number): number | null {
  const byViewer = new Map<string, Scored[]>();
  for (const example of examples) {
    const list = byViewer.get(example.viewerId);
    if (list) list.push(example);
    else byViewer.set(example.viewerId, [example]);
  }
  let viewers = 0;
  let sum = 0;
  for (const list of byViewer.values()) {
    if (!list.some((example) => example.liked)) continue;
    const top = list
      .sort((a, b) => b.score - a.score || (a.candidateId < b.candidateId ? -1 : 1))
      .slice(0, k);
    sum += top.filter((example) => example.liked).length / top.length;
    viewers += 1;
  }
  return viewers === 0 ? null : sum / viewers;
}
