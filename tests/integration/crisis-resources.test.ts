import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CrisisResource, CrisisResourcesView } from '@kindred/contracts';
import { loadConfig } from '../../apps/api/src/config/app-config.js';
import { ConfigError } from '../../apps/api/src/config/config-error.js';
import { DEFAULT_CRISIS_RESOURCES } from '../../apps/api/src/config/crisis-resources.defaults.js';
import { GOOD_PASSWORD, registerMember } from '../support/accounts.js';
import { expectApiError } from '../support/error-shape.js';
import { createRoom, createThread, join, memberWithRole } from '../support/forum.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const base = { SESSION_SECRET: 's'.repeat(40) };

/** A small configuration of our own: one country in two languages, one line only for Spanish readers. */
const CONFIG = {
  international: [{ id: 'befrienders', name: 'Befrienders Worldwide', description: { en: 'Support anywhere.', es: 'Apoyo en cualquier lugar.' }, website: 'https://www.befrienders.org/' }],
  countries: {
    GB: [
      { id: 'samaritans', name: 'Samaritans', description: { en: 'Any time.', es: 'A cualquier hora.' }, phone: '116 123', website: 'https://www.samaritans.org' },
      { id: 'shout', name: { en: 'Shout', es: 'Shout (en inglés)' }, description: 'Text line.', text: { number: '85258', keyword: 'SHOUT' } },
    ],
    US: [
      { id: 'lifeline', name: '988 Lifeline', description: 'Call or text.', phone: '+1 (988) 000-0000' },
      { id: 'linea-es', name: { en: 'Spanish line', es: 'Línea en español' }, description: { en: 'In Spanish.', es: 'En español.' }, phone: '988', languages: ['es'] },
    ],
  },
};

function configError(json: string): string {
  try {
    loadConfig({ ...base, CRISIS_RESOURCES_JSON: json });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message.split('\n')).toHaveLength(1);
    return message;
  }
  throw new Error('expected a configuration error');
}

const withCountry = (country: Record<string, unknown>) => JSON.stringify({ ...CONFIG, countries: { GB: [{ ...CONFIG.countries.GB[0], ...country }] } });

describe('crisis resources configuration', () => {
  it('uses the defaults when unset, and the defaults pass their own validation', () => {
    expect(loadConfig({ ...base }).crisisResources).toEqual(DEFAULT_CRISIS_RESOURCES);
    expect(loadConfig({ ...base, CRISIS_RESOURCES_JSON: JSON.stringify(DEFAULT_CRISIS_RESOURCES) }).crisisResources).toEqual(DEFAULT_CRISIS_RESOURCES);
  });

  it('reads plain and per-language texts', () => {
    const parsed = loadConfig({ ...base, CRISIS_RESOURCES_JSON: JSON.stringify(CONFIG) }).crisisResources;
    expect(parsed.countries.GB![0]!.name).toEqual({ en: 'Samaritans' });
    expect(parsed.countries.GB![1]!.name).toEqual({ en: 'Shout', es: 'Shout (en inglés)' });
  });

  it.each([
    ['not JSON', '{', /not valid JSON/],
    ['the old list form', JSON.stringify([{ name: 'A', description: 'B', contact: 'C' }]), /must be a JSON object/],
    ['an unknown top-level key', JSON.stringify({ ...CONFIG, regions: {} }), /unknown key "regions"/],
    ['no international list', JSON.stringify({ countries: CONFIG.countries }), /international must be a non-empty list/],
    ['a lower-case country', JSON.stringify({ ...CONFIG, countries: { gb: CONFIG.countries.GB } }), /"gb", which is not an upper-case ISO 3166-1/],
    ['a country that does not exist', JSON.stringify({ ...CONFIG, countries: { XX: CONFIG.countries.GB } }), /"XX", which is not/],
    ['a phone number with letters', withCountry({ phone: '0800-CALL-NOW' }), /countries\.GB\[0\]\.phone: phone must be digits/],
    ['a website over http', withCountry({ website: 'http://www.samaritans.org' }), /countries\.GB\[0\]\.website: website must be an https/],
    ['a javascript: link', withCountry({ website: 'javascript:alert(1)' }), /website must be an https/],
    ['a text without English', withCountry({ name: { es: 'Samaritanos' } }), /countries\.GB\[0\]\.name: name must be a text/],
    ['an empty text', withCountry({ description: '' }), /description must be a text/],
    ['a language key that is not a language', withCountry({ name: { en: 'Samaritans', Spanish: 'Samaritanos' } }), /name must be a text/],
    ['an unknown field', withCountry({ email: 'jo@samaritans.org' }), /countries\.GB\[0\]\.email: property email should not exist/],
    ['a text line keyword with spaces', withCountry({ text: { number: '85258', keyword: 'HELLO THERE' } }), /\.text\.keyword: keyword must be/],
    ['no way to reach it', withCountry({ phone: undefined, website: undefined }), /countries\.GB\[0\] needs at least one of phone, text or website/],
    ['an id used twice', JSON.stringify({ ...CONFIG, international: [CONFIG.international[0], CONFIG.international[0]] }), /international\[1\]\.id "befrienders" is used twice/],
  ])('refuses %s with one line that says where', (_label, json, expected) => {
    const message = configError(json);
    expect(message).toContain('CRISIS_RESOURCES_JSON');
    expect(message).toMatch(expected);
  });
});

describe('GET /api/crisis-resources', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ CRISIS_RESOURCES_JSON: JSON.stringify(CONFIG) });
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = async (query: Record<string, string> = {}, agent = t.http) => (await agent.get('/api/crisis-resources').query(query).expect(200)).body as CrisisResourcesView;
  const ids = (view: CrisisResourcesView) => view.resources.map((r) => `${r.region}:${r.id}`);

  it('answers a visitor with the international resources, in English by default', async () => {
    const view = await get();
    expect(view).toMatchObject({ country: null, language: 'en' });
    expect(ids(view)).toEqual(['international:befrienders']);
    expect(view.resources[0]).toMatchObject({
      name: 'Befrienders Worldwide',
      description: 'Support anywhere.',
      contacts: [{ kind: 'website', href: 'https://www.befrienders.org/', display: 'www.befrienders.org' }],
      url: 'https://www.befrienders.org/',
    });
  });

  it("puts the country's resources first, then the international ones, with tel: and sms: links", async () => {
    const view = await get({ country: 'GB' });
    expect(ids(view)).toEqual(['GB:samaritans', 'GB:shout', 'international:befrienders']);
    const [samaritans, shout] = view.resources as [CrisisResource, CrisisResource];
    expect(samaritans.contacts).toEqual([
      { kind: 'phone', href: 'tel:116123', display: '116 123' },
      { kind: 'website', href: 'https://www.samaritans.org', display: 'www.samaritans.org' },
    ]);
    expect(shout.contacts).toEqual([{ kind: 'text', href: 'sms:85258?body=SHOUT', display: '85258', keyword: 'SHOUT' }]);
    expect(samaritans.contact).toBe('116 123 · www.samaritans.org');
    // A number written for people keeps its international prefix in the link.
    expect((await get({ country: 'US' })).resources[0]!.contacts[0]!.href).toBe('tel:+19880000000');
  });

  it('answers in the language asked for, falling back to English text by text', async () => {
    const view = await get({ country: 'GB', lang: 'es-MX' });
    expect(view.language).toBe('es');
    expect(view.resources.map((r) => [r.name, r.description])).toEqual([
      ['Samaritans', 'A cualquier hora.'],
      ['Shout (en inglés)', 'Text line.'],
      ['Befrienders Worldwide', 'Apoyo en cualquier lugar.'],
    ]);
  });

  it('offers a line meant for one language only to readers of that language', async () => {
    expect(ids(await get({ country: 'US' }))).toEqual(['US:lifeline', 'international:befrienders']);
    expect(ids(await get({ country: 'US', lang: 'es' }))).toEqual(['US:lifeline', 'US:linea-es', 'international:befrienders']);
  });

  it('falls back to the international list for a country without its own', async () => {
    const view = await get({ country: 'FR', lang: 'fr' });
    expect(view).toMatchObject({ country: 'FR', language: 'fr' });
    expect(ids(view)).toEqual(['international:befrienders']);
    expect(view.resources[0]!.description).toBe('Support anywhere.');
  });

  it('lists the countries that have resources of their own', async () => {
    expect((await t.http.get('/api/crisis-resources/countries').expect(200)).body).toEqual({ countries: ['GB', 'US'] });
  });

  it.each([['country', 'gb'], ['country', 'XX'], ['country', 'GBR'], ['lang', 'spanish!'], ['lang', 'e']])('refuses %s=%s with a 400', async (key, value) => {
    expectApiError(await t.http.get('/api/crisis-resources').query({ [key]: value }), 400, 'VALIDATION_FAILED');
  });

  it("answers a member for the country they chose in settings (never guessed), which the export includes", async () => {
    const member = await registerMember(t);
    expect(ids(await get({}, member.agent))).toEqual(['international:befrienders']);

    const saved = await member.agent.patch('/api/me/settings').send({ country: 'GB' }).expect(200);
    expect(saved.body.country).toBe('GB');
    expect((await member.agent.get('/api/me/settings').expect(200)).body.country).toBe('GB');
    expect(await get({}, member.agent)).toMatchObject({ country: 'GB' });
    expect(ids(await get({}, member.agent))[0]).toBe('GB:samaritans');
    // Asking about another country (a trip, a friend) does not change the setting.
    expect((await get({ country: 'US' }, member.agent)).country).toBe('US');
    expect((await member.agent.get('/api/me/export').expect(200)).body.settings.country).toBe('GB');
    // The language they chose is the default too; the app may still ask for another.
    await member.agent.patch('/api/me/settings').send({ language: 'es' }).expect(200);
    expect((await get({}, member.agent)).resources[0]).toMatchObject({ id: 'samaritans', description: 'A cualquier hora.' });
    expect((await get({ lang: 'en' }, member.agent)).resources[0]!.description).toBe('Any time.');

    for (const country of ['gb', 'XX', 'GBR', 7]) {
      expectApiError(await member.agent.patch('/api/me/settings').send({ country }), 400, 'VALIDATION_FAILED');
    }
    expect((await member.agent.get('/api/me/settings').expect(200)).body.country).toBe('GB');
    await member.agent.patch('/api/me/settings').send({ country: null }).expect(200);
    expect(await get({}, member.agent)).toMatchObject({ country: null });
  });

  it("hands an author in crisis their own country's resources with their post", async () => {
    const admin = await memberWithRole(t, 'admin');
    const room = await createRoom(admin.agent);
    const author = await registerMember(t);
    await join(author.agent, room.id).expect(200);
    await author.agent.patch('/api/me/settings').send({ country: 'GB' }).expect(200);
    const thread = await createThread(author.agent, room.id, { title: 'Tonight', body: 'I want to kill myself tonight, I have the pills ready.' });
    expect((thread.support as CrisisResource[]).map((r) => r.id)).toEqual(['samaritans', 'shout', 'befrienders']);
  });

  it('forgets the country with the account', async () => {
    const member = await registerMember(t);
    await member.agent.patch('/api/me/settings').send({ country: 'US' }).expect(200);
    await member.agent.delete('/api/me').send({ password: GOOD_PASSWORD, eraseContent: true }).expect(204);
    expect(await t.query('SELECT country FROM users WHERE id = $1', [member.user.id])).toEqual([{ country: null }]);
  });
});
