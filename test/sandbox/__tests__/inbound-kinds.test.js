'use strict';

const { useSandbox } = require('../test-support');
const { SEED } = require('..');

const t = useSandbox();
const ada = SEED.contacts.ada.uuid;
const ctl = async (body) => {
  const res = await fetch(`${t.sb.origin}/__sandbox/inbound`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
};
/** The optional objects of the last message_created payload (what the standard fields leave). */
const lastExtras = () => {
  const { uuid, to, from, text, attachments, status, channel, contact, createdAt, ...extras } = t.sb.events.emitted.filter((e) => e.event === 'message_created').pop().payload;
  return { text, status, extras };
};

describe('inbound interactive kinds: message_created carries Callbell’s optional objects as its docs show them', () => {
  test('a location: messageLocation {coordinates {x: latitude, y: longitude}, googleMapsLocation}; no text needed', async () => {
    const r = await ctl({ contact_uuid: ada, location: { latitude: -23.605403621614, longitude: -46.637346962613 } });
    expect(r.status).toBe(200);
    expect(lastExtras()).toEqual({
      text: '', status: 'received',
      extras: { messageLocation: { coordinates: { x: -23.605403621614, y: -46.637346962613 }, googleMapsLocation: expect.stringMatching(/^https:\/\/maps\.googleapis\.com\/maps\/api\/staticmap\?.*markers=color:red%7C-23\.605403621614,-46\.637346962613$/) } },
    });
  });

  test('a contact card: messageContactCard {contactsInfo [{name, phones [{phone, wa_id, type}]}]}', () => {
    t.sb.inbound({ contact_uuid: ada, contactCards: [{ name: 'Peter Parker', phones: ['3331122336699', { phone: '+1 202 555 0199', wa_id: '12025550199', type: 'WORK' }] }] });
    expect(lastExtras().extras).toEqual({
      messageContactCard: { contactsInfo: [{ name: 'Peter Parker', phones: [{ phone: '3331122336699', wa_id: '', type: 'MOBILE' }, { phone: '+1 202 555 0199', wa_id: '12025550199', type: 'WORK' }] }] },
    });
  });

  test('a reply button: messageReplyButton {metadata {type quick_reply, content, options}}, the text is the chosen title', () => {
    t.sb.inbound({ contact_uuid: ada, replyButton: { options: ['Yes', 'No', 'Maybe'], selected: 'Maybe', header: 'header', text: 'hello text', caption: 'caption', media: { url: 'https://url.com/file.png', filename: 'file.png' } } });
    const option = (title) => ({ type: 'text', title, postback_url: '', postback_text: '' });
    expect(lastExtras()).toEqual({
      text: 'Maybe', status: 'received',
      extras: {
        messageReplyButton: {
          metadata: {
            type: 'quick_reply',
            content: { url: 'https://url.com/file.png', text: 'hello text', header: 'header', caption: 'caption', filename: 'file.png', contentType: 'image' },
            options: [option('Yes'), option('No'), option('Maybe')],
          },
        },
      },
    });
  });

  test('a list reply: messageInteractiveList {metadata: a JSON string}, the text is the chosen item', () => {
    t.sb.inbound({ contact_uuid: ada, listReply: { header: 'Welcome to our restaurant', body: 'Have a look at our menu', button: 'click here', sections: [{ title: 'Breakfast', items: ['Yogurt', { title: 'Pancakes' }] }], selected: 'Pancakes' } });
    const { text, extras } = lastExtras();
    expect(text).toBe('Pancakes');
    expect(typeof extras.messageInteractiveList.metadata).toBe('string');
    expect(JSON.parse(extras.messageInteractiveList.metadata)).toEqual({
      header: 'Welcome to our restaurant', body: 'Have a look at our menu', buttons: [{ title: 'click here' }],
      sections: [{ title: 'Breakfast', subtitle: null, items: [{ header: 'Yogurt', description: null }, { header: 'Pancakes', description: null }] }],
    });
  });

  test.each(['messageContext', 'mesageContext'])('a reply to an earlier message, under %s, with the replied-to text, time and status; and a forward', (contextKey) => {
    const earlier = t.sb.inbound({ contact_uuid: ada, text: 'Is my order on its way?' }).message;
    t.sb.inbound({ contact_uuid: ada, text: 'Any news?', replyTo: earlier.uuid, contextKey, forwarded: true });
    expect(lastExtras().extras).toEqual({
      [contextKey]: { target: { text: 'Is my order on its way?', createdAt: earlier.createdAt, status: 'received' } },
      messageForward: { forwarded: true },
    });
  });

  test('the default spelling is messageContext; GET messages lists the text only', async () => {
    const earlier = t.sb.inbound({ contact_uuid: ada, text: 'Hello?' }).message;
    t.sb.inbound({ contact_uuid: ada, listReply: { sections: [{ title: 'S', items: ['A'] }], selected: 'A' }, replyTo: earlier.uuid });
    expect(Object.keys(lastExtras().extras).sort()).toEqual(['messageContext', 'messageInteractiveList']);
    const [newest] = (await t.api('GET', `/contacts/${ada}/messages`)).json.messages;
    expect(Object.keys(newest).sort()).toEqual(['channel', 'createdAt', 'from', 'status', 'text', 'to', 'uuid']);
  });

  test.each([
    [{ replyButton: { options: ['Yes'], selected: 'No' } }, /replyButton\.selected must be one of its options/],
    [{ listReply: { sections: [{ title: 'S', items: ['A'] }], selected: 'B' } }, /listReply\.selected must be the title of one of its items/],
    [{ location: { latitude: 91, longitude: 0 } }, /location needs numbers/],
    [{ contactCards: [] }, /contactCards must be a non-empty list/],
    [{ text: 'x', replyTo: '0123456789abcdef0123456789abcdef' }, /replyTo: no message/],
    [{ text: 'x', contextKey: 'messageContext' }, /contextKey goes with replyTo/],
    [{ text: 'x', forwarded: 'yes' }, /forwarded must be true or false/],
    [{ forwarded: true }, /give a text, at least one attachment, a location or a contact card/],
  ])('refuses a bad kind with 400 and changes nothing: %j', async (kind, message) => {
    const before = (t.sb.state.messages.get(ada) || []).length;
    const r = await ctl({ contact_uuid: ada, ...kind });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.json)).toMatch(message);
    expect((t.sb.state.messages.get(ada) || []).length).toBe(before);
    expect(t.sb.events.emitted).toEqual([]);
  });
});
