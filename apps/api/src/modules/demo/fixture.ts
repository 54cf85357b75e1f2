/**
 * The demo fixture of `spec/seed-coverage.md`: what a fresh instance shows, and what the
 * README's demo accounts sign in to. Names and dates are the spec's; the rest is ours.
 */
export const DEMO_PASSWORD = 'Jalon-demo-2026';

export const demoUsers = {
  admin: { firstName: 'Camille', lastName: 'Admin', email: 'admin@example.org', isPlatformAdmin: true },
  alice: { firstName: 'Alice', lastName: 'Martin', email: 'alice.martin@example.org' },
  bruno: { firstName: 'Bruno', lastName: 'Petit', email: 'bruno.petit@example.org' },
  dominique: { firstName: 'Dominique', lastName: 'Roux', email: 'dominique.roux@example.org' },
  lea: { firstName: 'Léa', lastName: 'Dubois', email: 'lea.dubois@example.org' },
} as const;

export const victorHugo = {
  type: 'SCO',
  name: 'Collège Victor-Hugo',
  externalId: '0219999E',
  email: 'ce.0219999e@example.org',
  documentationUrl: 'https://example.org/jalon',
  isManagingStudents: true,
  identityProviderForCampaigns: 'MEDIACENTRE',
  features: ['CERTIFICATION_CENTER', 'CERTIFICATION_RESULTS', 'MULTIPLE_SENDING_ASSESSMENT', 'REMINDERS'],
  members: [
    { user: 'alice', role: 'ADMIN' },
    { user: 'bruno', role: 'MEMBER' },
  ],
  learners: [
    { firstName: 'Charles', lastName: 'Durand', division: '3A', birthdate: '2010-03-14', nationalStudentId: '123456789AB' },
    { firstName: 'Louis', lastName: 'Bernard', division: '3A', birthdate: '2010-07-02', nationalStudentId: '123456790AC' },
    { firstName: 'Garance', lastName: 'Leroy', division: '3A', birthdate: '2010-11-21', nationalStudentId: '123456791AD' },
    { firstName: 'Inès', lastName: 'Moreau', division: '3B', birthdate: '2010-01-09', nationalStudentId: '123456792AE' },
  ],
} as const;

export const cliqueSolidaire = {
  type: 'PRO',
  name: 'Association Clic Solidaire',
  externalId: null,
  email: 'contact@clic-solidaire.example.org',
  documentationUrl: null,
  isManagingStudents: false,
  identityProviderForCampaigns: null,
  features: ['REMINDERS'],
  members: [{ user: 'dominique', role: 'ADMIN' }],
  learners: [],
} as const;

/**
 * Victor-Hugo's demonstration Médiacentre: the pupils its page lists, with the stable opaque
 * identifiers a real GAR would give them (pseudonyms, never the INE).
 */
export const demoMediacentre = {
  slug: 'mediacentre-victor-hugo',
  label: 'Médiacentre du Collège Victor-Hugo',
  pupils: [
    { externalIdentifier: 'f3b9c2e41a7d4c58b0e6d2a9c7f13e84', firstName: 'Charles', lastName: 'Durand' },
    { externalIdentifier: '8a4e1d7c3b9f42e6a5c0d8b7e2f91c36', firstName: 'Louis', lastName: 'Bernard' },
    { externalIdentifier: 'c61f0a9e5d2b47c3b8e4a1f7d9c20b58', firstName: 'Garance', lastName: 'Leroy' },
    { externalIdentifier: '2d7b5e9a0c4f46d1a3b8e6c2f0d94a17', firstName: 'Inès', lastName: 'Moreau' },
  ],
} as const;
