import type { IDataObject } from 'n8n-workflow';

import { templateVariableCount } from '../../helpers/templates';

/** The template as Callbell gave it, plus `variables`: how many values Send needs for it. */
export function withVariables(template: IDataObject): IDataObject {
	return { ...template, variables: templateVariableCount(template) };
}
