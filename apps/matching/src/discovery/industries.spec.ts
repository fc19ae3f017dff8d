import { industryAlignment, RELATED_INDUSTRY, SAME_INDUSTRY } from './industries';

describe(industryAlignment.name, () => {
  it('is highest for the same industry, compared case-insensitively', () => {
    expect(industryAlignment('Software', ' software ')).toBe(SAME_INDUSTRY);
    expect(industryAlignment('Basket weaving', 'basket  WEAVING')).toBe(SAME_INDUSTRY);
  });

  it('is partial for related industries, both ways', () => {
    expect(industryAlignment('fintech', 'banking')).toBe(RELATED_INDUSTRY);
    expect(industryAlignment('banking', 'fintech')).toBe(RELATED_INDUSTRY);
    expect(industryAlignment('fintech', 'SaaS')).toBe(RELATED_INDUSTRY);
  });

  it('is 0 for unrelated or unknown industries', () => {
    expect(industryAlignment('banking', 'aerospace')).toBe(0);
    expect(industryAlignment('basket weaving', 'software')).toBe(0);
    expect(industryAlignment(null, 'software')).toBe(0);
  });
});
