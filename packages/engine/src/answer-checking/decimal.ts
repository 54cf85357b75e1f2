const NUMERIC = /^([+-]?)(\d+)(?:\.(\d+))?$/;
const WHITESPACE = /\s/gu;

/**
 * Reads a decimal typed by a learner, after removing all whitespace and accepting a comma
 * as the decimal separator (`1 000` = `1000`, `3,5` = `3.5`). Returns a canonical form
 * (sign, no leading zeros, no trailing fractional zeros) so that two decimals are equal
 * exactly when their canonical forms are, with no floating-point rounding; `undefined`
 * when the text is not numeric.
 */
export function canonicalDecimal(text: string): string | undefined {
  const match = NUMERIC.exec(text.replace(WHITESPACE, '').replaceAll(',', '.'));
  if (!match) return undefined;
  const [, sign = '', integerPart = '', fractionPart = ''] = match;
  const integer = integerPart.replace(/^0+(?=\d)/u, '');
  const fraction = fractionPart.replace(/0+$/u, '');
  const magnitude = fraction === '' ? integer : `${integer}.${fraction}`;
  return magnitude === '0' || sign !== '-' ? magnitude : `-${magnitude}`;
}
