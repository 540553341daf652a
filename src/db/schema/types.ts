import { customType } from 'drizzle-orm/pg-core';

/** Binary content (PostgreSQL bytea) as a Node Buffer, on both drivers. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});
