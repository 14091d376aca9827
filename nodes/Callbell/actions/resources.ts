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
 * list, its fields and the router all read this list.
 */
export const resources: CallbellResource[] = [contact, message, template, channel, customStatus, funnel, plan, team, user, webhook];
