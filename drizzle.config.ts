import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the TypeScript schema and committed; a landed migration is never edited.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/index.ts',
  out: './drizzle',
});
