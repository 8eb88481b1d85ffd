# syntax=docker/dockerfile:1
# The gateway's image: the compiled dist/ on plain node, production dependencies only.
#   docker build -t flowretail-graphql-gateway .
#   docker run -p 4000:4000 -e FLOW_API_URL=https://api.stage.flowretail.com/v2 flowretail-graphql-gateway

# Build stage: the dev dependencies (typescript) compile src/ to dist/; `npm run build` also copies
# openapi/ to dist/openapi, where the compiled src/spec/openapi.js looks for the spec.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Compiling needs no dependency's install script (the only one, esbuild's, is for tsx).
RUN --mount=type=cache,target=/root/.npm npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY openapi ./openapi
COPY src ./src
RUN npm run build

# Runtime stage: no typescript, no tsx, no sources, no npm cache (it stays in the build's cache mount).
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
# No production dependency has an install script.
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --ignore-scripts --no-audit --no-fund
COPY --from=build /app/dist ./dist
# The client kit's manifest, for TRUSTED_DOCUMENTS=allow|only (read from the working directory).
COPY client/persisted-documents.json ./client/persisted-documents.json
# The image's `node` user, by its number so that Kubernetes' runAsNonRoot can tell it is not root.
# The files above stay root's: the process can read its code, not change it.
USER 1000:1000
EXPOSE 4000
# For docker run and compose (Kubernetes uses its own probes). The slim image has no curl: node fetches.
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Exec form, node itself as PID 1: SIGTERM (docker stop, Kubernetes) reaches main.ts, which drains in-flight
# requests and exits 0; as PID 1 node has no default signal action, so it is main.ts's handler that makes it stop.
# A shell as PID 1 (shell-form CMD) would not pass the signal on: the process would be killed with its requests at
# the end of the grace period. Not `npm start` either: it rebuilds, and typescript is not here. No init (tini): the
# gateway starts no subprocesses, and node reaps the cluster workers that WEB_CONCURRENCY > 1 forks.
# The flags are those of `npm start`, which the benchmark measured.
CMD ["node", "--max-semi-space-size=8", "dist/src/main.js"]
