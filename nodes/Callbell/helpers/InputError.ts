/**
 * A problem with one input value, found before anything is sent.
 * `field` is the display name the user sees in the node (e.g. "Assigned User").
 * Pure helpers throw it; the router turns it into a NodeOperationError that
 * names the field and the item.
 */
export class InputError extends Error {
	constructor(
		readonly field: string,
		readonly problem: string,
		readonly hint?: string,
	) {
		super(`${field} ${problem}`);
		this.name = 'InputError';
	}
}
