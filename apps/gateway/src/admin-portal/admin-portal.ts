import { stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import type { Logger } from '@nestjs/common';
import fastifyStatic from '@fastify/static';
import { COMMON_ERRORS, DomainError } from '@rendezvous/contracts';
import { sendProblem } from '@rendezvous/platform';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { HelmetOptions } from 'helmet';
import {
  PORTAL_CACHE_CONTROL,
  PORTAL_INDEX,
  PORTAL_PATH,
  portalSegments,
  portalTarget,
  queryOf,
} from './portal-files';

export interface AdminPortalOptions {
  /** The portal's build output (`ADMIN_PORTAL_DIR`), resolved against the working directory. */
  root: string;
  logger: Logger;
}

/**
 * Only what the portal's build needs: its own scripts, its own styles plus the inline styles
 * MUI's emotion injects, `data:` images and fonts, and the API and Socket.IO on this origin.
 * Swagger UI at /docs keeps the looser policy helmet applies everywhere else.
 */
export const PORTAL_HELMET: HelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      objectSrc: ["'none'"],
    },
  },
  // What `frame-ancestors 'none'` says, for browsers that only know the older header.
  frameguard: { action: 'deny' },
};

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

const notBuilt = () =>
  new DomainError(COMMON_ERRORS.ROUTE_NOT_FOUND, 'The admin portal is not built on this server');
const noSuchFile = () => new DomainError(COMMON_ERRORS.ROUTE_NOT_FOUND, 'No such file');

/**
 * Serves the admin portal's static build at `/admin/`: the page (never cached without
 * revalidation) for the application's own routes, hashed files for a year, other files for an
 * hour, and problem details for anything missing. Files are read at request time, so a rebuild
 * is served without a restart. Compressed siblings (`.br`, `.gz`) are sent when the build has
 * them and the client accepts them.
 */
export async function adminPortal(fastify: FastifyInstance, options: AdminPortalOptions) {
  const root = resolve(options.root);
  const index = join(root, PORTAL_INDEX);
  if (!(await isFile(index))) {
    options.logger.warn(
      `No admin portal build at ${root} (ADMIN_PORTAL_DIR): ${PORTAL_PATH}/ answers 404 until one is there`,
    );
  }

  await fastify.register(fastifyStatic, {
    root,
    serve: false,
    preCompressed: true,
    dotfiles: 'deny',
    index: false,
    cacheControl: false,
  });

  const sendPage = async (request: FastifyRequest, reply: FastifyReply) => {
    if (!(await isFile(index))) return sendProblem(notBuilt(), request, reply, options.logger);
    return reply.header('cache-control', PORTAL_CACHE_CONTROL.page).sendFile(PORTAL_INDEX);
  };

  fastify.get(PORTAL_PATH, { config: { securityPolicy: 'portal' } }, (request, reply) =>
    reply.redirect(`${PORTAL_PATH}/${queryOf(request.url)}`, 301),
  );

  fastify.get(
    `${PORTAL_PATH}/*`,
    { config: { securityPolicy: 'portal' } },
    async (request, reply) => {
      const target = portalTarget(portalSegments(request.url));
      switch (target.kind) {
        case 'page':
          return sendPage(request, reply);
        case 'missing':
          return sendProblem(noSuchFile(), request, reply, options.logger);
        case 'file': {
          const path = resolve(root, target.file);
          // The URL normaliser already refuses `..` and encoded slashes; this holds regardless.
          if (path.startsWith(root + sep) && (await isFile(path))) {
            return reply.header('cache-control', target.cacheControl).sendFile(target.file);
          }
          if (target.otherwisePage) return sendPage(request, reply);
          return sendProblem(noSuchFile(), request, reply, options.logger);
        }
      }
    },
  );
}
