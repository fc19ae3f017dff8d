import type { ValidationError } from 'class-validator';
import { flattenValidationErrors } from './validation';

describe(flattenValidationErrors.name, () => {
  it('gives one entry per failed constraint with dotted paths into nested fields', () => {
    const errors: ValidationError[] = [
      {
        property: 'extra',
        constraints: { whitelistValidation: 'property extra should not exist' },
        children: [],
      },
      {
        property: 'location',
        children: [
          {
            property: 'lat',
            constraints: { max: 'lat must not be greater than 90' },
            children: [],
          },
        ],
      },
    ];
    expect(flattenValidationErrors(errors)).toEqual([
      { path: 'extra', message: 'property extra should not exist' },
      { path: 'location.lat', message: 'lat must not be greater than 90' },
    ]);
  });
});
