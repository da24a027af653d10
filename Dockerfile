# syntax=docker/dockerfile:1
# Build: docker build -t edgerunner .
# Run:   docker run --init -p 3000:3000 -v edgerunner-data:/data -e EDGERUNNER_API_KEY=… -e EDGERUNNER_MASTER_KEY=… edgerunner
# The same image runs the backtest worker: docker run … edgerunner node dist/src/worker.js (see docker-compose.yml).

# Compiles dist/ with every dependency; npm also fetches the pinned Node the `node` devDependency brings.
FROM node:24-slim AS build
# swagger-ui-dist's install script would otherwise report the install to a third party.
ENV SCARF_ANALYTICS=false
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# The production dependencies alone, installed apart so no build tool or test library reaches the image.
# No install scripts run: the only ones left are telemetry and an optional native speed-up with prebuilds.
FROM node:24-slim AS production-dependencies
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund

FROM node:24-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 EDGERUNNER_DATA_DIR=/data
WORKDIR /app
# package.json: "type": "module" and the #async/#backtest/#brokers/#simulators import map point into dist/.
COPY --from=build /app/package.json ./
COPY --from=production-dependencies /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# Owned before VOLUME: a named volume is first filled from the image, ownership included, and a change
# made after the VOLUME line would be discarded.
RUN mkdir -p /data && chown node:node /data
VOLUME /data
USER node
EXPOSE 3000
# Liveness only (/health answers 200 while the process serves); /health/ready is the one that waits for the
# brokers. The first start migrates the database, hence the grace period.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/src/main.js"]
