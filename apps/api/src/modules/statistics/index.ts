/** « Statistiques » of an organization (`analytics-and-exports.md` §7): positioning per tube over every sent result of the school year. */
export { statisticsRoutes } from './routes';
export { schoolYearOf } from './statistics.query';
