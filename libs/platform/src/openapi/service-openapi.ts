import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { BEARER_SCHEME } from './bearer-scheme';
import { withStandardAnswers } from './standard-answers';

export const OPENAPI_JSON_PATH = 'docs-json';

/** The OpenAPI document of one service's own routes (the gateway merges them into one). */
export function serviceDocument(app: INestApplication, service: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(`Rendezvous ${service} service`)
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER_SCHEME)
    .build();
  return withStandardAnswers(
    SwaggerModule.createDocument(app, config, {
      operationIdFactory: (controller, method) => `${service}_${controller}_${method}`,
    }),
  );
}

/** Serves the service's document at `/docs-json` (no UI; clients read the gateway's). */
export function serveServiceDocument(app: INestApplication, service: string): void {
  const document = serviceDocument(app, service);
  SwaggerModule.setup('docs', app, document, {
    ui: false,
    raw: ['json'],
    jsonDocumentUrl: OPENAPI_JSON_PATH,
  });
}
