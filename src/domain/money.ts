/**
 * Money is an integer number of euro cents. Floats never hold money: amounts are parsed from decimal
 * text, multiplied with integer arithmetic, and rounded once per bill line, half up (DOMAIN.md).
 */
export type Cents = number & { readonly __brand: 'Cents' };

export function cents(value: number): Cents {
  if (!Number.isSafeInteger(value)) throw new RangeError(`Montant en centimes non entier : ${value}`);
  return value as Cents;
}

const DECIMAL = /^(-)?(\d{1,13})(?:[.,](\d{1,2}))?$/;

/** Parses "84.00", "7,8" or "-12" (euros) into cents; rejects anything with more than two decimals. */
export function parseEuros(text: string): Cents {
  const match = DECIMAL.exec(text.trim());
  if (!match) throw new RangeError(`Montant invalide « ${text} » : attendu un nombre d'euros avec au plus 2 décimales`);
  const units = Number(match[2]) * 100 + Number((match[3] ?? '0').padEnd(2, '0'));
  return cents(match[1] ? -units : units);
}

/** Formats cents as a plain decimal string with a dot and two decimals ("1234.50"), for files and APIs. */
export function toDecimalString(amount: Cents): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Formats cents for French readers: "1 234,50 €" (narrow no-break space as thousands separator). */
export function formatEurosFr(amount: Cents): string {
  const [units, decimals] = toDecimalString(amount).split('.') as [string, string];
  const grouped = units.replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
  return `${grouped},${decimals}\u00a0€`;
}

export function addCents(...amounts: Cents[]): Cents {
  return cents(amounts.reduce((sum, a) => sum + a, 0));
}

/**
 * Multiplies a price by a rational quantity numerator/denominator (e.g. 7 twelfths) and rounds half up
 * (away from zero for negatives) to the cent. BigInt keeps the intermediate product exact.
 */
export function multiplyRounded(price: Cents, numerator: number, denominator = 1): Cents {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new RangeError(`Quantité invalide ${numerator}/${denominator}`);
  }
  const product = BigInt(price) * BigInt(numerator);
  const den = BigInt(denominator);
  const negative = product < 0n;
  const abs = negative ? -product : product;
  const rounded = (abs * 2n + den) / (den * 2n);
  return cents(Number(negative ? -rounded : rounded));
}
