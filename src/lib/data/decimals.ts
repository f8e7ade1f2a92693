/**
 * How many decimals a number was printed with, read from its shortest round-tripping text:
 * 76.4 → 1, 76 → 0, 0.05 → 2. JSON drops trailing zeros, so "63.0" arrives as 63 and reads as 0
 * decimals; callers that check rounding are then more lenient, never stricter.
 */
export function decimalsOf(value: number): number {
	// NaN and Infinity print without a fraction or an exponent: 0 decimals.
	const text = String(Math.abs(value));
	// Stryker disable next-line StringLiteral: split always returns at least one part, so the default is never used
	const [mantissa = '', exponentText] = text.split('e');
	const fractionDigits = mantissa.split('.')[1]?.length ?? 0;
	const exponent = exponentText === undefined ? 0 : Number(exponentText);
	return Math.max(0, fractionDigits - exponent);
}
