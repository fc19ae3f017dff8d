import type { Type } from '@nestjs/common';
import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiExtraModels, getSchemaPath } from '@nestjs/swagger';

/**
 * A JSON request body of class `dto`, with a request that passes validation as its example, so
 * Swagger UI's "Try it out" starts from something the route accepts.
 */
export function ApiJsonBody<T>(dto: Type<T>, example: T) {
  return applyDecorators(
    ApiExtraModels(dto),
    ApiBody({
      required: true,
      schema: { $ref: getSchemaPath(dto) },
      examples: { valid: { summary: 'a valid request', value: example } },
    }),
  );
}
