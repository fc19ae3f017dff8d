import { normaliseTerm } from '@rendezvous/contracts';

/** Industries that are close to one another; one industry may sit in several families. */
const INDUSTRY_FAMILIES: readonly (readonly string[])[] = [
  [
    'software',
    'technology',
    'tech',
    'it',
    'information technology',
    'saas',
    'internet',
    'cybersecurity',
    'data',
    'artificial intelligence',
    'ai',
    'telecommunications',
    'fintech',
    'edtech',
    'healthtech',
    'gaming',
    'e-commerce',
  ],
  [
    'finance',
    'banking',
    'fintech',
    'investment',
    'venture capital',
    'insurance',
    'accounting',
    'private equity',
    'real estate',
  ],
  [
    'healthcare',
    'health',
    'biotech',
    'biotechnology',
    'pharmaceuticals',
    'medical devices',
    'healthtech',
    'wellness',
  ],
  [
    'media',
    'marketing',
    'advertising',
    'publishing',
    'entertainment',
    'journalism',
    'design',
    'gaming',
    'music',
    'film',
  ],
  ['education', 'edtech', 'research', 'academia', 'higher education'],
  [
    'retail',
    'e-commerce',
    'consumer goods',
    'hospitality',
    'food and beverage',
    'fashion',
    'travel',
  ],
  [
    'manufacturing',
    'automotive',
    'energy',
    'construction',
    'logistics',
    'transportation',
    'aerospace',
    'engineering',
  ],
  ['consulting', 'legal', 'accounting', 'government', 'nonprofit', 'human resources', 'recruiting'],
];

const FAMILIES_OF = new Map<string, Set<number>>();
INDUSTRY_FAMILIES.forEach((family, index) => {
  for (const industry of family) {
    const families = FAMILIES_OF.get(industry) ?? new Set<number>();
    families.add(index);
    FAMILIES_OF.set(industry, families);
  }
});

export const SAME_INDUSTRY = 1;
export const RELATED_INDUSTRY = 0.5;

/** 1 for the same industry (case-insensitive), 0.5 for related ones, 0 otherwise or unknown. */
export function industryAlignment(a: string | null, b: string | null): number {
  if (!a || !b) return 0;
  const left = normaliseTerm(a);
  const right = normaliseTerm(b);
  if (left === right) return SAME_INDUSTRY;
  const families = FAMILIES_OF.get(left);
  if (!families) return 0;
  for (const family of FAMILIES_OF.get(right) ?? []) {
    if (families.has(family)) return RELATED_INDUSTRY;
  }
  return 0;
}
