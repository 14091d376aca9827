import { channel } from './channel/Channel.resource';
import { contact } from './contact/Contact.resource';
import { customStatus } from './customStatus/CustomStatus.resource';
import { funnel } from './funnel/Funnel.resource';
import { message } from './message/Message.resource';
import { plan } from './plan/Plan.resource';
import { team } from './team/Team.resource';
import { template } from './template/Template.resource';
import { user } from './user/User.resource';
import { webhook } from './webhook/Webhook.resource';
import type { CallbellResource } from './defineResource';

/**
 * Every resource of the Callbell node. Adding a resource is one line here; the node's Resource
 * list, its fields and the router all read this list. The order is the Resource list's and the
 * order of the actions in n8n's node creator: what users come for first (sending a message,
 * updating a contact), then the others alphabetically.
 */
export const resources: CallbellResource[] = [message, contact, channel, customStatus, funnel, plan, team, template, user, webhook];
