/** Where the API serves a release asset (`assets/…`) from our own origin. */
export function assetUrl(path: string): string {
  return `/api/content/${path.split('/').map(encodeURIComponent).join('/')}`;
}
