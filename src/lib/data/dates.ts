// Placeholder until the QA branch lands with the full partial-date helpers.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function formatPartialDate(value: string): string {
	const [year, part, day] = value.split('-');
	if (!part) return year ?? value;
	if (part.startsWith('Q') || part.startsWith('H')) return `${part} ${year}`;
	const month = MONTHS[Number(part) - 1] ?? part;
	return day ? `${Number(day)} ${month} ${year}` : `${month} ${year}`;
}
