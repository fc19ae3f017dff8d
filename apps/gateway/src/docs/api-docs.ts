import { Injectable, Logger } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { GatewayConfig } from '../config';
import { upstreamsFrom } from '../upstreams/upstreams';
import type { ServiceDocument } from './openapi-merge';
import { mergeDocuments } from './openapi-merge';

// A service that did not answer is asked again soon rather than after the full cache time.
const INCOMPLETE_CACHE_MS = 5_000;

/** The merged OpenAPI document, rebuilt from the services' `/docs-json` and cached briefly. */
@Injectable()
export class ApiDocs {
  private readonly logger = new Logger(ApiDocs.name);
  private cached?: { document: OpenAPIObject; until: number };

  constructor(private readonly config: GatewayConfig) {}

  async merged(gateway: OpenAPIObject): Promise<OpenAPIObject> {
    if (this.cached && this.cached.until > Date.now()) return this.cached.document;
    const upstreams = Object.entries(upstreamsFrom(this.config));
    const fetched = await Promise.all(
      upstreams.map(([service, urls]) => this.fetchDocument(service, urls)),
    );
    const documents = fetched.filter((doc): doc is ServiceDocument => doc !== undefined);
    const complete = documents.length === upstreams.length;
    const document = mergeDocuments(gateway, documents);
    const ttl = complete ? this.config.OPENAPI_CACHE_SECONDS * 1000 : INCOMPLETE_CACHE_MS;
    this.cached = { document, until: Date.now() + ttl };
    return document;
  }

  private async fetchDocument(
    service: string,
    urls: string[],
  ): Promise<ServiceDocument | undefined> {
    for (const url of urls) {
      try {
        const response = await fetch(`${url}/docs-json`, {
          signal: AbortSignal.timeout(this.config.UPSTREAM_HEALTH_TIMEOUT_MS),
        });
        if (response.ok) return { service, document: (await response.json()) as OpenAPIObject };
      } catch {
        // try the next replica
      }
    }
    this.logger.warn({ service }, 'service API document unavailable; left out of /docs-json');
    return undefined;
  }
}
