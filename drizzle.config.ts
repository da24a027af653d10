import { defineConfig } from 'drizzle-kit';

/** `npx drizzle-kit generate` writes a new migration after a schema change; commit it. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/persistence/schema/index.ts',
  out: './src/persistence/migrations',
});
