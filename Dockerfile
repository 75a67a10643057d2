FROM node:20-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm install --no-save tsx@4.23.15
COPY tsconfig.json ./
COPY schema ./schema
COPY seeds ./seeds
COPY src ./src
ENV NODE_ENV=production
EXPOSE 4000
# NEO4J_URI must be set (docker-compose.yml does): the image has no Java for the local engine.
CMD ["npx", "tsx", "src/main.ts"]
