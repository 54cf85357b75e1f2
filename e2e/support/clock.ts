import type { Browser } from 'playwright-core';
import { Admin } from '../pages/admin';
import { newVisitor } from './browser';

/**
 * Shifts the server's clock (test support of non-production builds) as the demo instance
 * admin would, for the rules that count days. Returns a function that puts it back.
 */
export async function shiftServerClock(browser: Browser, baseUrl: string, seconds: number): Promise<void> {
  const { context, page } = await newVisitor(browser, baseUrl);
  try {
    await new Admin(page).signInAs('admin@example.org', 'Jalon-demo-2026');
    const csrf = (await context.cookies()).find((c) => c.name === 'jalon_csrf')?.value ?? '';
    const response = await page.request.put('/api/admin/clock', { data: { offsetSeconds: seconds }, headers: { 'x-csrf-token': csrf } });
    if (!response.ok()) throw new Error(`clock shift refused: ${response.status()} ${await response.text()}`);
  } finally {
    await context.close();
  }
}
