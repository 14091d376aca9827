import { buildUserStatusBody, toMemberStatus } from '../../../../nodes/Callbell/helpers/userStatus';

describe('user and member statuses', () => {
	it('buildUserStatusBody', () => {
		expect(buildUserStatusBody({ availability: 'away', customStatusAction: 'unchanged' })).toEqual({ available: false });
		expect(buildUserStatusBody({ availability: 'unchanged', customStatusAction: 'clear' })).toEqual({ custom_status_uuid: null });
		expect(buildUserStatusBody({ availability: 'available', customStatusAction: 'set', customStatus: ' ff0f96b9-b003-4d0c ' })).toEqual({
			available: true,
			custom_status_uuid: 'ff0f96b9-b003-4d0c',
		});
		expect(() => buildUserStatusBody({ availability: '', customStatusAction: '' })).toThrow(/leave nothing to change/);
		expect(() => buildUserStatusBody({ availability: true, customStatusAction: 'unchanged' })).toThrow(/Availability must be/);
		expect(() => buildUserStatusBody({ availability: 'away', customStatusAction: 'set', customStatus: '' })).toThrow('Custom Status is required');
	});

	it('toMemberStatus', () => {
		expect(toMemberStatus(undefined)).toBeUndefined();
		expect(toMemberStatus('away')).toBe('away');
		expect(() => toMemberStatus('offline')).toThrow('Status must be available or away, got "offline"');
	});
});
