import * as accountSearch from './accountSearch';
import * as listSearch from './listSearch';
import * as loadOptions from './loadOptions';
import { getCustomFields, getTemplateVariables } from './resourceMapping';
import * as templatesAndChannels from './templatesAndChannels';

/**
 * The node's pickers: every function exported by `listSearch` and `loadOptions` (or by a new
 * picker module spread in here), and the resource mappers (custom fields, template variables).
 */
export const methods = {
	listSearch: { ...listSearch, ...accountSearch, ...templatesAndChannels },
	loadOptions: { ...loadOptions },
	resourceMapping: { getCustomFields, getTemplateVariables },
};
