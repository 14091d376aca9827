import * as listSearch from './listSearch';
import * as loadOptions from './loadOptions';
import { getCustomFields } from './resourceMapping';
import * as templatesAndChannels from './templatesAndChannels';

/**
 * The node's pickers: every function exported by `listSearch` and `loadOptions` (or by a new
 * picker module spread in here), and the custom-field mapper.
 */
export const methods = {
	listSearch: { ...listSearch, ...templatesAndChannels },
	loadOptions: { ...loadOptions },
	resourceMapping: { getCustomFields },
};
