import { InputError } from './InputError';
import { describeValue, isEmptyValue, toCallbellId } from './values';

/** The body of `PUT /users/:uuid/status`. */
export interface UserStatusBody {
	available?: boolean;
	custom_status_uuid?: string | null;
}

export interface UserStatusInput {
	/** unchanged, available or away */
	availability: unknown;
	/** unchanged, set or clear */
	customStatusAction: unknown;
	/** The custom status id (only read for set). */
	customStatus?: unknown;
}

/** Validate Set Status' inputs and build the body; at least one change is required. */
export function buildUserStatusBody(input: UserStatusInput): UserStatusBody {
	const body: UserStatusBody = {};
	const availability = isEmptyValue(input.availability) ? 'unchanged' : input.availability;
	if (availability === 'available' || availability === 'away') body.available = availability === 'available';
	else if (availability !== 'unchanged') {
		throw new InputError('Availability', `must be available, away or unchanged, got ${describeValue(input.availability)}`);
	}
	const action = isEmptyValue(input.customStatusAction) ? 'unchanged' : input.customStatusAction;
	if (action === 'set') body.custom_status_uuid = toCallbellId('Custom Status', input.customStatus);
	else if (action === 'clear') body.custom_status_uuid = null;
	else if (action !== 'unchanged') {
		throw new InputError('Custom Status Action', `must be set, clear or unchanged, got ${describeValue(input.customStatusAction)}`);
	}
	if (Object.keys(body).length === 0) {
		throw new InputError('Availability', 'and Custom Status Action leave nothing to change', 'Set the availability, or set or clear the custom status');
	}
	return body;
}

/** The Get Members status filter: '' (everyone), available or away. */
export function toMemberStatus(value: unknown): 'available' | 'away' | undefined {
	if (isEmptyValue(value) || value === 'all') return undefined;
	if (value === 'available' || value === 'away') return value;
	throw new InputError('Status', `must be available or away, got ${describeValue(value)}`);
}
