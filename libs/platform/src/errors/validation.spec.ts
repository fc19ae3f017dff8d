import type { ValidationError } from 'class-validator';
import { flattenValidationErrors } from './validation';

describe(flattenValidationErrors.name, () => {
  it('gives one entry per bad field with dotted paths into nested fields', () => {
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

  it('names a field refused by several rules once, with the first rule’s message', () => {
    const errors: ValidationError[] = [
      {
        property: 'location',
        constraints: {
          isObject: 'location must be an object { name, lat, lng }',
          nestedValidation: 'location must be an object { name, lat, lng }',
        },
        children: [],
      },
    ];
    expect(flattenValidationErrors(errors)).toEqual([
      { path: 'location', message: 'location must be an object { name, lat, lng }' },
    ]);
  });
});
