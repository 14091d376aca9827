'use strict';
// The size of the chaos suite (plain JS: the lint rules ban `process` in .ts files).
// `npm test` runs the small version; `npm run test:chaos` the full one (CHAOS_ITEMS=10000).
const items = Number(process.env.CHAOS_ITEMS || 1000);
if (!Number.isInteger(items) || items < 100) throw new Error(`CHAOS_ITEMS must be a whole number of at least 100, got ${process.env.CHAOS_ITEMS}`);

module.exports = {
	CHAOS_ITEMS: items,
	/** Enough retries that most items get through, few enough that some use them all up. */
	CHAOS_MAX_RETRIES: items >= 5000 ? 2 : 1,
	CHAOS_CONCURRENCY: items >= 5000 ? 50 : 20,
};
