# syntax=docker/dockerfile:1
# One image per app, on Node 24:
#   docker build --build-arg APP=matching -t rendezvous/matching .
# APP is one of the folders in apps/. The steps are tools/deploy/build.sh, which CI runs too
# (deploy/test/image-boot.int-spec.ts builds every app that way into a clean folder and boots it).
# In the container every app listens on 3000 (PORT) and runs with NODE_ENV=production.

ARG BUILD_IMAGE=node:24-bookworm
ARG RUNTIME_IMAGE=node:24-bookworm-slim

# The full development install: the compiler and the tools build.sh uses.
FROM ${BUILD_IMAGE} AS workspace
ENV SCARF_ANALYTICS=false NX_DAEMON=false NX_NO_CLOUD=true
WORKDIR /src
COPY package.json package-lock.json .npmrc ./
COPY patches ./patches
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund --loglevel=error

# Production dependencies only; the same layer serves all seven images.
FROM workspace AS production-dependencies
COPY tools/deploy/build.sh ./tools/deploy/build.sh
RUN --mount=type=cache,target=/root/.npm bash tools/deploy/build.sh deps /out

FROM workspace AS build
ARG APP
COPY . .
RUN bash tools/deploy/build.sh app "${APP:?build with --build-arg APP=<one of apps/>}" /out

FROM ${RUNTIME_IMAGE} AS runtime
ARG APP
ARG VERSION=0.1.0
ARG REVISION=unknown
ARG CREATED=unknown
LABEL org.opencontainers.image.title="rendezvous-${APP}" \
      org.opencontainers.image.description="Rendezvous ${APP} service" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}" \
      org.opencontainers.image.licenses="MIT" \
      org.opencontainers.image.vendor="Rendezvous"
# A young generation of 2 x 16 MiB, V8's long-standing size: on a large machine Node 24 sizes it
# at 2 x 64 MiB, which each service then keeps resident (README, Scaling the gateway).
ENV NODE_ENV=production \
    LOG_FORMAT=json \
    PORT=3000 \
    NODE_OPTIONS="--enable-source-maps --max-semi-space-size=16"
WORKDIR /app
# Owned by root and read-only to the app's user; only the key folder is writable (the user
# service generates a signing key there when none is given outside production).
COPY --from=production-dependencies /out/node_modules ./node_modules
COPY --from=build /out ./
RUN mkdir -p /var/lib/rendezvous/keys && chown -R 1000:1000 /var/lib/rendezvous
USER 1000:1000
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/health/live`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "."]
