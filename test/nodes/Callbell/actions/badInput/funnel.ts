import type { BadInputCase } from './corpus';
import { fromValue, valueCase } from './corpus';

/** Funnel → Get Many: a Limit that is not a whole number. */

export const funnelCases: BadInputCase[] = [
	valueCase('funnel', 'getAll', 'a Limit that is text', { returnAll: false, limit: fromValue }, [{ value: 1 }, { value: 1 }], { value: 'many' }, 'Limit', /^Limit must be a whole number of at least 1, got "many"$/),
];
