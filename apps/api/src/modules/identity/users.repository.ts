import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database';
import { users } from './schema';

export type User = typeof users.$inferSelect;

export async function findUserById(executor: Executor, id: string): Promise<User | undefined> {
  const [user] = await executor.select().from(users).where(eq(users.id, id));
  return user;
}

/** One field takes an e-mail or a username (`learners-and-accounts.md` §4). */
export async function findUserByLogin(executor: Executor, login: string): Promise<User | undefined> {
  const normalized = login.trim().toLowerCase();
  const [user] = await executor
    .select()
    .from(users)
    .where(normalized.includes('@') ? eq(users.email, normalized) : eq(sql`lower(${users.username})`, normalized));
  return user;
}

export async function findUserByEmail(executor: Executor, email: string): Promise<User | undefined> {
  const [user] = await executor.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  return user;
}
