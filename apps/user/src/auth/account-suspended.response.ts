import { ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ACCOUNT_STATUSES, PROBLEM_CONTENT_TYPE } from '@rendezvous/contracts';
import { PROBLEM_SCHEMA_NAME } from '@rendezvous/platform';

/** 403 AUTH.ACCOUNT_SUSPENDED: the problem carries the standing as extension members. */
export const ApiAccountSuspendedResponse = (when: string) =>
  ApiResponse({
    status: 403,
    description: `${when}: the account is suspended or banned (AUTH.ACCOUNT_SUSPENDED); \`accountStatus\` and \`suspendedUntil\` say until when`,
    content: {
      [PROBLEM_CONTENT_TYPE]: {
        schema: {
          allOf: [
            { $ref: getSchemaPath(PROBLEM_SCHEMA_NAME) },
            {
              type: 'object',
              // The problem's own members are listed in its schema; this part adds two.
              additionalProperties: true,
              required: ['accountStatus', 'suspendedUntil'],
              properties: {
                accountStatus: {
                  type: 'string',
                  enum: ACCOUNT_STATUSES.filter((s) => s !== 'active'),
                },
                suspendedUntil: {
                  type: 'string',
                  format: 'date-time',
                  nullable: true,
                  description: 'end of a timed suspension; null for a ban or until reinstated',
                },
              },
            },
          ],
        },
      },
    },
  });
