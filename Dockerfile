# The production image: the compiled server (npm run build), production dependencies only,
# run as the unprivileged `node` user. NEO4J_URI must be set (docker-compose.yml does): the
# image has no Java for the local engine.
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts/build.mjs ./scripts/build.mjs
COPY src ./src
RUN npm run build

FROM node:20-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY schema ./schema
COPY seeds ./seeds
USER node
EXPOSE 4000
CMD ["node", "dist/main.js"]
