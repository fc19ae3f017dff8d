import 'reflect-metadata';
import type { ValidationError } from 'class-validator';
import { validate } from 'class-validator';
import { COMMON_ERRORS } from '@rendezvous/contracts';
import { IsPostableText, IsText, Optional } from '../http/validators';
import { flattenValidationErrors, validationFailure } from './validation';

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

class ProfileBody {
  @Optional()
  @IsPostableText(20, 1)
  name?: unknown;

  @Optional()
  @IsPostableText(200)
  bio?: unknown;

  @Optional()
  @IsText(20)
  company?: unknown;
}

async function failureOf(body: Record<string, unknown>) {
  const errors = await validate(Object.assign(new ProfileBody(), body));
  return errors.length === 0 ? null : validationFailure(errors);
}

describe(IsPostableText.name, () => {
  it('accepts clean text and ordinary names that contain a bad word', async () => {
    expect(await failureOf({ name: 'Dick Cockburn', bio: 'From Scunthorpe, now in Essex' })).toBe(
      null,
    );
  });

  it('refuses objectionable text with its own code, naming the field once', async () => {
    const failure = await failureOf({ bio: 'what the fuuuck' });
    expect(failure?.code).toBe(COMMON_ERRORS.OBJECTIONABLE_TEXT);
    expect(failure?.errors).toEqual([
      { path: 'bio', message: 'bio must not contain objectionable language' },
    ]);
  });

  it('still refuses what IsText refuses, as a validation failure', async () => {
    for (const bad of ['bad\u0000text', 42, 'x'.repeat(201)]) {
      const failure = await failureOf({ bio: bad });
      expect(failure?.code).toBe(COMMON_ERRORS.VALIDATION_FAILED);
      expect(failure?.errors).toEqual([
        { path: 'bio', message: 'bio must be a string of 0 to 200 characters' },
      ]);
    }
  });

  it('keeps the general code, with every entry, when other fields fail too', async () => {
    const failure = await failureOf({ name: 'sh1t', company: 'x'.repeat(21) });
    expect(failure?.code).toBe(COMMON_ERRORS.VALIDATION_FAILED);
    expect(failure?.errors).toEqual([
      { path: 'name', message: 'name must not contain objectionable language' },
      { path: 'company', message: 'company must be a string of 0 to 20 characters' },
    ]);
  });
});
