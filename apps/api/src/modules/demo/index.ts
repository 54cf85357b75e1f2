/** The demo fixture seeded on a fresh instance (see the README's demo accounts). */
export { seedDemoIfEmpty } from './seed';
export { DEMO_PASSWORD, demoUsers } from './fixture';
