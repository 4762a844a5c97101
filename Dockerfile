# syntax=docker/dockerfile:1
# Build: compile TypeScript with all dependencies.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY adapters ./adapters
COPY contracts ./contracts
COPY jobs ./jobs
COPY web ./web
# npm run build builds the resident cabinet (web/dist) and the server; the cabinet ships as files next to dist/src.
# Beside the compiled modules, the files they read: the migrations and the state system's WSDL and XSD (contracts/gis).
RUN npm run build && cp -r src/db/migrations dist/src/db/migrations && cp contracts/gis/*.wsdl contracts/gis/*.xsd dist/contracts/gis/ \
  && mkdir -p dist/web && cp -r web/dist dist/web/dist && cp -r web/dist-server dist/web/dist-server

# Production dependencies only.
FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim
# GOST R 34.10-2012 signing (state system, ESIA): OpenSSL 3 with the GOST engine, driven by a Python worker.
RUN apt-get update && apt-get install -y --no-install-recommends openssl libengine-gost-openssl python3 \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production PORT=3000
WORKDIR /app
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --chown=node:node package.json ./
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/src/main.js"]
