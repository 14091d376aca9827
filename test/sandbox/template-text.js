'use strict';
// @ts-check

/** WhatsApp template text: `{{1}}…{{n}}` placeholders. */

const PLACEHOLDER = /\{\{\s*(\d+)\s*\}\}/g;

/** Number of variables: the highest placeholder index ({{1}}…{{n}} → n; none → 0). @param {string} text */
function countVariables(text) {
  let max = 0;
  for (const m of text.matchAll(PLACEHOLDER)) max = Math.max(max, Number(m[1]));
  return max;
}

/** Fill `{{k}}` with values[k-1]. @param {string} text @param {string[]} values */
function renderTemplate(text, values) {
  return text.replace(PLACEHOLDER, (whole, n) => (values[Number(n) - 1] ?? whole));
}

module.exports = { countVariables, renderTemplate };
