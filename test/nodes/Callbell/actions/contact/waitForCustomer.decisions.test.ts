import type { IDataObject } from 'n8n-workflow';

import { burstItem, canDecide, decideBurst, latestInstantOf, toWaitSettings } from '../../../../../nodes/Callbell/actions/contact/helpers/burst';

/*
 * The pure decisions of Wait for Customer to Finish (nodes/Callbell/actions/contact/helpers/burst.ts):
 * what an execution does given Callbell's list of messages, newest first.
 */

const received = (uuid: string, text = uuid, createdAt = '2026-07-01T10:00:00Z'): IDataObject => ({ uuid, text, status: 'received', createdAt });
const sent = (uuid: string): IDataObject => ({ uuid, text: 'reply', status: 'sent', createdAt: '2026-07-01T09:59:00Z' });
const note: IDataObject = { text: '@ben look', status: 'note', createdAt: '2026-07-01T09:59:30Z' };

describe('decideBurst', () => {
	it('the newest customer message continues with the burst since the last outgoing message, oldest first, notes skipped', () => {
		const list = [received('m3'), note, received('m2'), received('m1'), sent('s1'), received('m0')];
		const decision = decideBurst(list, 'm3', false);
		expect(decision).toEqual({ kind: 'newest', own: list[0], burst: [list[3], list[2], list[0]], complete: true });
		expect(canDecide(list, 'm3')).toBe(true);
	});

	it('an older message of the burst is superseded by the newest customer message', () => {
		const list = [received('m3'), note, received('m2'), received('m1'), sent('s1')];
		expect(decideBurst(list, 'm1', false)).toEqual({ kind: 'superseded', newestUuid: 'm3' });
		expect(decideBurst(list, 'm2', false)).toEqual({ kind: 'superseded', newestUuid: 'm3' });
	});

	it('ties on createdAt: Callbell’s order decides, so every reader of the same list agrees', () => {
		const list = [received('b'), received('a'), received('c')];
		expect(['a', 'b', 'c'].map((uuid) => decideBurst(list, uuid, true).kind)).toEqual(['superseded', 'newest', 'superseded']);
	});

	it('a message the team already answered: answered, with or without a newer customer message after the answer', () => {
		expect(decideBurst([sent('s2'), received('m1')], 'm1', false)).toEqual({ kind: 'answered' });
		expect(decideBurst([received('m2'), sent('s2'), received('m1')], 'm1', false)).toEqual({ kind: 'superseded', newestUuid: 'm2' });
		expect(decideBurst([note, received('m1')], 'm1', true).kind).toBe('newest');
	});

	it('a message not among those read is not listed (yet); an outgoing message is never the one that continues', () => {
		expect(decideBurst([received('m1')], 'mX', true)).toEqual({ kind: 'notListed' });
		expect(decideBurst([sent('s1')], 's1', true)).toEqual({ kind: 'answered' });
	});

	it('the burst is complete at an outgoing message or at the conversation’s start; otherwise more pages are needed', () => {
		const list = [received('m2'), received('m1')];
		expect(canDecide(list, 'm2')).toBe(false);
		expect(decideBurst(list, 'm2', false)).toMatchObject({ kind: 'newest', complete: false });
		expect(decideBurst(list, 'm2', true)).toMatchObject({ kind: 'newest', complete: true });
	});
});

describe('decideBurst with Max Silence Within a Burst', () => {
	const at = (minutes: number) => new Date(Date.UTC(2026, 6, 1, 10, 0, 0) - minutes * 60000).toISOString().replace('.000', '');
	const hour = 3600000;

	it('a message from last week, never answered, is not part of today’s burst; the burst is complete at that silence', () => {
		const list = [received('m3', 'where is it?', at(0)), received('m2', 'I ordered yesterday', at(0.5)), received('old', 'upgrade my plan', at(7 * 24 * 60))];
		const decision = decideBurst(list, 'm3', false, hour);
		expect(decision).toMatchObject({ kind: 'newest', complete: true });
		expect(decision.kind === 'newest' && decision.burst.map((m) => m.uuid)).toEqual(['m2', 'm3']);
		expect(canDecide(list, 'm3', hour)).toBe(true);
		expect(canDecide(list, 'm3')).toBe(false); // without the limit it would read on for an outgoing message
	});

	it('silences within the limit keep the burst together, measured between neighbours, not from the newest', () => {
		const list = [received('m3', 'c', at(0)), received('m2', 'b', at(50)), received('m1', 'a', at(100)), sent('s1')];
		const decision = decideBurst(list, 'm3', false, hour);
		expect(decision.kind === 'newest' && decision.burst.map((m) => m.uuid)).toEqual(['m1', 'm2', 'm3']);
	});

	it('a message without a readable time does not cut the burst', () => {
		const list = [received('m2', 'b', at(0)), received('m1', 'a', 'not a time'), sent('s1')];
		const decision = decideBurst(list, 'm2', false, hour);
		expect(decision.kind === 'newest' && decision.burst.map((m) => m.uuid)).toEqual(['m1', 'm2']);
	});

	it('Max Silence is checked: in range and at least the Quiet Period', () => {
		expect(() => toWaitSettings(10, 60, 30)).toThrow(/Max Silence Within a Burst.*from 60 to 604800/);
		expect(() => toWaitSettings(120, 120, 90)).toThrow(/Max Silence Within a Burst.*at least the Quiet Period \(120 s\)/);
		expect(() => toWaitSettings(10, 60, 'soon')).toThrow(/Max Silence Within a Burst/);
	});
});

describe('latestInstantOf', () => {
	it('reads Callbell’s formats; a time to the second stands for the end of that second', () => {
		expect(latestInstantOf('2026-07-01T10:00:00.250+00:00')).toBe(Date.parse('2026-07-01T10:00:00.250Z'));
		expect(latestInstantOf('2026-07-01T10:00:00Z')).toBe(Date.parse('2026-07-01T10:00:00Z') + 999);
		expect(latestInstantOf('2025-12-18 20:00:19 +0100')).toBe(Date.parse('2025-12-18T19:00:19Z') + 999);
		expect([latestInstantOf(''), latestInstantOf('yesterday'), latestInstantOf(12)]).toEqual([undefined, undefined, undefined]);
	});
});

describe('toWaitSettings', () => {
	it('accepts numbers and numeric text within the ranges, in ms', () => {
		expect(toWaitSettings(10, 60)).toEqual({ quietMs: 10000, maxWaitMs: 60000, maxSilenceMs: 3600000 });
		expect(toWaitSettings(10, 60, '600')).toEqual({ quietMs: 10000, maxWaitMs: 60000, maxSilenceMs: 600000 });
		expect(toWaitSettings('1.5', '1.5')).toEqual({ quietMs: 1500, maxWaitMs: 1500, maxSilenceMs: 3600000 });
	});

	it.each([
		[0.5, 60, 'Quiet Period must be a number of seconds from 1 to 120, got number 0.5'],
		[121, 600, 'Quiet Period must be a number of seconds from 1 to 120, got number 121'],
		[10, 601, 'Max Wait must be a number of seconds from 1 to 600, got number 601'],
		[10, 9, 'Max Wait must be at least the Quiet Period (10 s), got 9'],
	])('refuses Quiet Period %p with Max Wait %p', (quiet, maxWait, message) => {
		expect(() => toWaitSettings(quiet, maxWait)).toThrow(message);
	});
});

describe('burstItem', () => {
	it('joins the texts with new lines, leaves empty ones out, gathers attachments', () => {
		const own = received('m2', 'where is it?', '2026-07-01T10:00:03Z');
		const photo = { ...received('m1', '', '2026-07-01T10:00:01Z'), attachments: ['https://files.example/box.jpg'] };
		const item = burstItem('c1', { kind: 'newest', own, burst: [photo, own], complete: true }, { endedBy: 'quiet', waitedMs: 4321, quietMs: 4000 });
		expect(item).toMatchObject({
			contactUuid: 'c1',
			text: 'where is it?',
			messageCount: 2,
			attachments: ['https://files.example/box.jpg'],
			lastMessageUuid: 'm2',
			firstMessageAt: '2026-07-01T10:00:01Z',
			lastMessageAt: '2026-07-01T10:00:03Z',
			endedBy: 'quiet',
			quietPeriodSeconds: 4,
			waitedSeconds: 4.3,
		});
	});
});
