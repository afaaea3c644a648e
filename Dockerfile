# syntax=docker/dockerfile:1

# Kindred: one image that runs the API and serves the built web app.
#
#   docker build -t kindred .
#   docker run -p 3000:3000 -e DATABASE_URL=... -e SESSION_SECRET=... kindred
#
# See docker-compose.yml for a complete local stack (PostgreSQL + Redis).

# Node 24 is the active LTS line (see README, "Node.js" for the lines the code supports).
ARG NODE_IMAGE=node:24-bookworm-slim

# ---------------------------------------------------------------------------
# base: shared settings for the install stages.
# ---------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS base
WORKDIR /app
# SCARF_ANALYTICS: @scarf/scarf (a transitive dependency) phones home from its install script.
ENV NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false \
    SCARF_ANALYTICS=false
# Manifests only, so the dependency layers are reused until a manifest changes.
COPY package.json package-lock.json .npmrc ./
COPY libs/contracts/package.json libs/contracts/
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/

# ---------------------------------------------------------------------------
# deps: production dependencies only (what the runtime image ships).
# argon2 installs from its bundled prebuilds, so no compiler toolchain is needed.
# ---------------------------------------------------------------------------
FROM base AS deps
RUN npm ci --omit=dev

# ---------------------------------------------------------------------------
# build: full install (TypeScript, Vite, ...) and compile everything.
# ---------------------------------------------------------------------------
FROM base AS build
RUN npm ci
COPY tsconfig.base.json tsconfig.json ./
COPY libs/contracts/ libs/contracts/
COPY apps/api/ apps/api/
COPY apps/web/ apps/web/
RUN npm run build \
 && test -f libs/contracts/dist/index.js \
 && test -f apps/api/dist/main.js \
 && test -f apps/api/dist/auth/password-strength.worker.mjs \
 && test -f apps/web/dist/index.html

# ---------------------------------------------------------------------------
# runtime: only what `node apps/api/dist/main.js` needs, running as `node`.
# ---------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000

# Production node_modules, including the workspace symlinks
# node_modules/@kindred/* -> ../../{libs,apps}/*; the targets below keep the same
# relative paths so `@kindred/contracts` resolves to libs/contracts/dist/index.js.
COPY --from=deps /app/node_modules ./node_modules
COPY --from=deps /app/package.json ./package.json
COPY --from=deps /app/libs/contracts/package.json ./libs/contracts/package.json
COPY --from=deps /app/apps/api/package.json ./apps/api/package.json
COPY --from=deps /app/apps/web/package.json ./apps/web/package.json
COPY --from=build /app/libs/contracts/dist ./libs/contracts/dist
COPY --from=build /app/apps/api/dist ./apps/api/dist
COPY --from=build /app/apps/web/dist ./apps/web/dist

# Application files stay root-owned (read-only for the app). The data directory is the
# only writable path; it is used only when no DATABASE_URL is given (local fallback).
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node

EXPOSE 3000

# Slim image has no curl; Node has fetch built in.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"]

# Node is PID 1 and handles SIGTERM itself (graceful shutdown, up to 15 s).
# The flags are apps/api/package.json's kindred.nodeFlags (tests/unit/node-flags.test.ts keeps them equal).
CMD ["node", "--max-semi-space-size=64", "apps/api/dist/main.js"]
