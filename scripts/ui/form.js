'use strict';

/**
 * Which pickers a node's form shows for given top-level values, read from the node's description:
 * the top-level parameters whose displayOptions match (other parameters at their defaults), that
 * load values from the API — `loadOptionsMethod` selects, resource locators with a `searchListMethod`
 * list mode (shown in From list mode, the default), resource mappers.
 */

function get(object, dotted) {
  return dotted.split('.').reduce((value, key) => (value == null ? undefined : value[key]), object);
}

/** A displayOptions condition value for `key` (a sibling name or a '/' root path; '@' keys unknown). */
function valueOf(values, key) {
  if (key.startsWith('@')) return undefined;
  const value = get(values, key.startsWith('/') ? key.slice(1) : key);
  return value && typeof value === 'object' && value.__rl ? value.value : value;
}

function matches(displayOptions, values) {
  if (!displayOptions) return true;
  for (const [key, wanted] of Object.entries(displayOptions.show || {})) {
    if (!wanted.some((w) => w === valueOf(values, key))) return false;
  }
  for (const [key, unwanted] of Object.entries(displayOptions.hide || {})) {
    if (unwanted.some((w) => w === valueOf(values, key))) return false;
  }
  return true;
}

/** The top-level parameters the form shows for `chosen` (the others at their defaults). */
function shownProperties(description, chosen) {
  const values = {};
  for (const p of description.properties) if (!(p.name in values)) values[p.name] = p.default;
  Object.assign(values, chosen);
  return description.properties.filter((p) => matches(p.displayOptions, values));
}

/**
 * @param {{ properties: any[] }} description
 * @param {Record<string, unknown>} chosen e.g. { resource: 'contact', operation: 'update' }
 * @returns {Array<{ name: string, displayName: string, kind: 'loadOptions'|'listSearch'|'resourceMapper' }>}
 */
function shownPickers(description, chosen) {
  const pickers = [];
  for (const p of shownProperties(description, chosen)) {
    const picker = { name: p.name, displayName: p.displayName };
    if (p.typeOptions?.loadOptionsMethod) pickers.push({ ...picker, kind: 'loadOptions' });
    else if (p.type === 'resourceLocator' && p.modes?.some((m) => m.typeOptions?.searchListMethod) && (p.default?.mode ?? 'list') === 'list') {
      pickers.push({ ...picker, kind: 'listSearch' });
    } else if (p.type === 'resourceMapper') pickers.push({ ...picker, kind: 'resourceMapper' });
  }
  return pickers.filter((p, i, all) => all.findIndex((q) => q.name === p.name) === i);
}

module.exports = { shownPickers, shownProperties, matches };
