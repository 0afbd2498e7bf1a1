/**
 * Column helpers shared by the schema files (not re-exported from the schema index).
 * Timestamps are integer milliseconds; domain code passes the injected clock's `now`,
 * the SQL default only covers rows written by hand.
 */
import { sql } from 'drizzle-orm';
import { integer } from 'drizzle-orm/sqlite-core';

export const createdAt = () => integer('created_at', { mode: 'number' }).notNull().default(sql`(unixepoch() * 1000)`);
export const updatedAt = () => integer('updated_at', { mode: 'number' });
