/**
 * The framework names each area's colour with a token (`content-model.md` §2); these are
 * the shades Jalon draws them in, dark enough for a 3:1 contrast on white (borders, gauges).
 */
const AREA_COLORS: Record<string, string> = {
  jaffa: '#c2570c',
  emerald: '#15803d',
  cerulean: '#0369a1',
  'wild-strawberry': '#be185d',
  'butterfly-bush': '#6d28d9',
};

const NEUTRAL = '#6b7280';

export function areaColor(token: string): string {
  return AREA_COLORS[token] ?? (/^#[0-9a-f]{3,8}$/i.test(token) ? token : NEUTRAL);
}
