import type { Type } from '@nestjs/common';
import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';

/**
 * Documents a list answer in the API's one list shape (API.md, Conventions):
 * `{ items: [Item], nextCursor: string | null }`.
 */
export function ApiPageResponse(item: Type<unknown>, description = 'one page of the list') {
  return applyDecorators(
    ApiExtraModels(item),
    ApiResponse({
      status: 200,
      description,
      schema: {
        type: 'object',
        additionalProperties: false,
        required: ['items', 'nextCursor'],
        properties: {
          items: { type: 'array', items: { $ref: getSchemaPath(item) } },
          nextCursor: {
            type: 'string',
            nullable: true,
            description: 'pass as `cursor` for the next page; null on the last page',
          },
        },
      },
    }),
  );
}
