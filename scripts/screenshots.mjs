// `npm run screenshots`: PNGs of the main screens at 1280 px and 375 px in screenshots/,
// for a reviewer to look at. Builds nothing: run `npm run build` first.
//
// Starts the built server against a throwaway database on the PostgreSQL server named by
// DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), with the demo rooms seeded,
// adds a little demo content through the API, photographs the screens with Debian's
// Chromium (no network beyond 127.0.0.1), then stops the server and drops the database.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { chromium, request } from 'playwright-core';
import { io } from 'socket.io-client';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'screenshots');
const serverUrl = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const PASSWORD = 'quiet-harbour-lantern-42';
const WIDTHS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'mobile', width: 375, height: 812 },
];
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

for (const built of ['apps/api/dist/main.js', 'apps/web/dist/index.html']) {
  if (!existsSync(join(root, built))) {
    console.error(`Missing ${built}: run \`npm run build\` first.`);
    process.exit(1);
  }
}

/** Below 62rem the room page shows threads and live chat as two tabs. */
async function showChat(page, size) {
  if (size.width < 992) await page.getByRole('tab', { name: 'Live chat' }).click();
}

/** The room id, read from the page's own API call (the address only has the slug). */
async function roomIdOf(page) {
  const res = await page.request.get('/api/rooms/attachment-injuries');
  return (await res.json()).id;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function admin(sql) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

async function waitForHealth(baseUrl, child) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error('The server stopped while starting.');
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('The server did not become healthy within 60 s.');
}

/** A member with their own cookie jar (Playwright's API client keeps it). */
async function member(baseUrl, handle) {
  const api = await request.newContext({ baseURL: baseUrl });
  const res = await api.post('/api/auth/register', { data: { handle, password: PASSWORD } });
  if (!res.ok()) throw new Error(`register ${handle}: ${res.status()} ${await res.text()}`);
  const user = await res.json();
  return { api, user, handle };
}

async function call(api, method, path, data) {
  const res = await api.fetch(path, { method, data });
  if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
  return res.status() === 204 ? undefined : res.json();
}

async function seedContent(baseUrl) {
  const river = await member(baseUrl, 'river_demo');
  const sage = await member(baseUrl, 'sage_demo');
  const wren = await member(baseUrl, 'wren_demo');
  for (const m of [river, sage, wren]) {
    await call(m.api, 'POST', '/api/rooms/attachment-injuries/join', { acceptGuidelines: true });
    await call(m.api, 'POST', '/api/rooms/grounding-and-self-care/join', { acceptGuidelines: true });
  }
  // The viewer hides one topic and is asked first about the rest (the default).
  await call(river.api, 'PUT', '/api/me/warning-preferences', { 'eating-body': 'hide', 'death-grief': 'show' });

  const room = 'attachment-injuries';
  const hiddenForViewer = await call(sage.api, 'POST', `/api/rooms/${room}/threads`, {
    title: 'Meals and my body after leaving',
    body: 'Hidden from the viewer by their settings.',
    warning: { categories: ['eating-body'] },
  });
  const pushPull = await call(sage.api, 'POST', `/api/rooms/${room}/threads`, {
    title: 'Noticing the push–pull when someone gets close',
    body:
      'When a new friend texts often I feel relieved **and** trapped at the same time.\n\nI am learning to name it: "this is the old pattern, not what is happening now". Does anyone else notice this?',
    warning: { categories: [], noneApply: true },
  });
  const hard = await call(wren.api, 'POST', `/api/rooms/${room}/threads`, {
    title: 'The anniversary of the night I left',
    body: 'It has been a year. Some of what happened that night is still hard to write about.',
    warning: { categories: ['domestic-abuse', 'violence'], note: 'mentions a difficult night, no graphic details' },
  });
  await call(river.api, 'POST', `/api/rooms/${room}/threads`, {
    title: 'Small wins this week',
    body: 'I paused before replying to a message that upset me. It helped.',
    warning: { categories: [], noneApply: true },
  });
  const reply = await call(river.api, 'POST', `/api/threads/${pushPull.id}/posts`, {
    body: 'Yes. For me it helps to *slow down* before answering, and to remember I can say "I need a moment".',
  });
  await call(wren.api, 'POST', `/api/threads/${pushPull.id}/posts`, {
    body: 'I grieved someone who hurt me, and that confused me for a long time.',
    warning: { categories: ['death-grief'] },
  });
  await call(sage.api, 'POST', `/api/threads/${pushPull.id}/posts`, {
    body: 'A reply about food that the viewer chose not to see.',
    warning: { categories: ['eating-body'] },
  });
  await call(wren.api, 'POST', `/api/threads/${pushPull.id}/posts`, {
    body: 'Reading this made me feel less alone. Thank you both.',
  });
  for (const [m, kind] of [
    [sage, 'relate'],
    [wren, 'relate'],
    [wren, 'thank-you'],
  ]) {
    await call(m.api, 'PUT', `/api/posts/${reply.id}/reactions/${kind}`);
  }
  await call(river.api, 'PUT', `/api/posts/${pushPull.firstPost.id}/reactions/strength`);
  await call(river.api, 'PUT', `/api/posts/${pushPull.firstPost.id}/reactions/hug`);
  return { viewer: river, sage, wren, pushPull, hard, hiddenForViewer };
}

/** A signed-in Socket.IO client for a seeded member (the cookie from their API context). */
async function chatClient(baseUrl, m) {
  const { cookies } = await m.api.storageState();
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const socket = io(`${baseUrl}/chat`, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false, forceNew: true });
  await new Promise((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return socket;
}

async function emit(socket, event, payload) {
  const ack = await socket.timeout(5_000).emitWithAck(event, payload);
  if (!ack.ok) throw new Error(`${event}: ${ack.message}`);
  return ack;
}

/** Live chat messages, a moderator with a queue to work, and notices for the viewer. */
async function seedChatAndModeration(baseUrl, dbUrl, { viewer, sage, wren }) {
  const fern = await member(baseUrl, 'fern_moderator');
  const storm = await member(baseUrl, 'storm_demo');
  const db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
  try {
    await db.query(`UPDATE users SET role = 'moderator' WHERE id = $1`, [fern.user.id]);
  } finally {
    await db.end();
  }
  for (const m of [fern, storm]) await call(m.api, 'POST', '/api/rooms/attachment-injuries/join', { acceptGuidelines: true });
  const { id: roomId } = await call(viewer.api, 'GET', '/api/rooms/attachment-injuries');
  const { id: groundingId } = await call(viewer.api, 'GET', '/api/rooms/grounding-and-self-care');

  const sockets = {};
  for (const [name, m] of Object.entries({ viewer, sage, wren, fern, storm })) {
    sockets[name] = await chatClient(baseUrl, m);
    await emit(sockets[name], 'chat:join', { roomId });
  }
  const say = (name, body, categories = []) =>
    emit(sockets[name], 'message:send', { roomId, clientId: randomBytes(8).toString('hex'), body, warning: { categories } });
  await emit(sockets.fern, 'mod:notice', {
    roomId,
    text: 'Gentle reminder: add a content warning when you share something heavy, and take a break whenever you need one.',
  });
  await say('sage', 'Evening, everyone. How is today treating you?');
  await say('wren', 'Slow day. I took a walk by the river and it helped a little.');
  await say('viewer', 'Glad you are both here. I have been practising pausing before I reply to hard messages.');
  await say('sage', 'Something from the past came up today and I could not stop shaking for a while.', ['domestic-abuse']);
  const harsh = await say('storm', 'Honestly you all just need to get over it.');
  await say('wren', 'That was unkind. We all go at our own pace here.');
  await say('sage', 'Thank you, wren. Sending strength to anyone who needs it tonight.');

  // Reports, a crisis item elsewhere, and decisions that reach the viewer as notices.
  await call(wren.api, 'POST', '/api/reports', { targetType: 'message', targetId: harsh.message.id, category: 'harassment', note: 'Said right after someone shared something painful.' });
  await call(viewer.api, 'POST', '/api/reports', { targetType: 'message', targetId: harsh.message.id, category: 'harassment' });
  await emit(sockets.sage, 'chat:join', { roomId: groundingId });
  await emit(sockets.sage, 'message:send', {
    roomId: groundingId,
    clientId: randomBytes(8).toString('hex'),
    body: 'Some nights I feel like everyone would be better off without me.',
  });
  const smallWins = (await call(viewer.api, 'GET', `/api/rooms/${roomId}/threads`)).items.find((t) => t.title === 'Small wins this week');
  await call(fern.api, 'POST', `/api/moderation/thread/${smallWins.id}/actions`, {
    action: 'set-warning',
    reason: 'Added a gentle warning so readers can choose',
    warning: { categories: ['emotional-abuse'] },
  });
  for (const socket of Object.values(sockets)) socket.disconnect();

  // A weekly support session next week, facilitated by fern, with the viewer's place in it.
  const nextWeek = new Date(Date.now() + 7 * 24 * 3_600_000).toISOString().slice(0, 10);
  const session = await call(fern.api, 'POST', `/api/rooms/${roomId}/sessions`, {
    title: 'Tuesday evening circle',
    description: 'Arrive with one word · Share if you wish · Close gently',
    localStart: `${nextWeek}T19:00`,
    timeZone: 'Europe/Madrid',
    durationMinutes: 60,
    weeks: 6,
    capacity: 10,
    lateJoinMinutes: 10,
  });
  await call(viewer.api, 'PUT', `/api/rooms/${roomId}/sessions/${session.id}/rsvp`);
  return { moderator: fern, roomId };
}

/** An admin, and sage as the room moderator of one room, for the Community screens. */
async function seedCommunity(baseUrl, dbUrl, { sage }) {
  const oak = await member(baseUrl, 'oak_admin');
  const db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
  try {
    await db.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [oak.user.id]);
  } finally {
    await db.end();
  }
  await call(oak.api, 'PUT', '/api/rooms/attachment-injuries/moderators', { userId: sage.user.id });
  return { admin: oak, adminState: await oak.api.storageState(), roomModeratorState: await sage.api.storageState() };
}

async function main() {
  mkdirSync(outDir, { recursive: true });
  const dbName = `kindred_shots_${randomBytes(5).toString('hex')}`;
  const dbUrl = new URL(serverUrl);
  dbUrl.pathname = `/${dbName}`;
  await admin(`CREATE DATABASE ${dbName}`);

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [join(root, 'apps/api/dist/main.js')], {
    cwd: root,
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      NODE_ENV: 'development',
      DATABASE_URL: dbUrl.toString(),
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_ORIGIN: baseUrl,
      SESSION_SECRET: randomBytes(32).toString('base64'),
      SEED_DEMO_DATA: 'true',
      LOG_LEVEL: 'warn',
      // Every photographed person shares 127.0.0.1: the per-address limit would soon answer 429.
      RATE_LIMIT_PER_MINUTE: '100000',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });

  let browser;
  try {
    await waitForHealth(baseUrl, child);
    const seeded = await seedContent(baseUrl);
    const { viewer, pushPull, hard, hiddenForViewer } = seeded;
    const { moderator } = await seedChatAndModeration(baseUrl, dbUrl.toString(), seeded);
    const storageState = await viewer.api.storageState();
    const moderatorState = await moderator.api.storageState();
    const community = await seedCommunity(baseUrl, dbUrl.toString(), seeded);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
    const written = [];

    async function shoot(page, name, size, { fullPage = true } = {}) {
      const file = join(outDir, `${name}-${size.width}.png`);
      await page.screenshot({ path: file, fullPage, animations: 'disabled' });
      written.push(file);
    }

    for (const size of WIDTHS) {
      const viewport = { width: size.width, height: size.height };
      const anon = await browser.newContext({ baseURL: baseUrl, viewport });
      const page = await anon.newPage();
      await page.goto('/');
      await page.getByRole('heading', { name: 'Welcome to Kindred' }).waitFor();
      await page.getByText('Grounding & self-care').waitFor();
      await shoot(page, '01-landing', size);
      await page.goto('/welcome');
      await page.getByRole('heading', { name: 'What Kindred is' }).waitFor();
      await shoot(page, '02-welcome', size);
      for (let i = 0; i < 2; i += 1) await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('heading', { name: 'Leaving quickly' }).waitFor();
      await shoot(page, '03-welcome-quick-exit', size);
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('heading', { name: 'What you see' }).waitFor();
      await shoot(page, '04-welcome-preferences', size);
      await page.goto('/login');
      await page.getByRole('heading', { name: 'Log in' }).waitFor();
      await shoot(page, '05-login', size);
      await page.goto('/register');
      await page.getByRole('heading', { name: 'Create an account' }).waitFor();
      await shoot(page, '06-register', size);
      await anon.close();

      for (const colorScheme of size.width === 1280 ? ['light', 'dark'] : ['light']) {
        const suffix = colorScheme === 'dark' ? '-dark' : '';
        const context = await browser.newContext({ baseURL: baseUrl, viewport, storageState, colorScheme });
        const p = await context.newPage();
        await p.goto('/');
        await p.getByRole('heading', { name: 'Your rooms' }).waitFor();
        await shoot(p, `10-rooms${suffix}`, size);
        if (size.width < 640) {
          // Phones: everything but quick exit is behind "Menu".
          await p.getByRole('button', { name: 'Menu' }).click();
          await p.getByRole('navigation', { name: 'Main' }).waitFor();
          await shoot(p, `26-menu-open${suffix}`, size, { fullPage: false });
          await p.getByRole('button', { name: 'Menu' }).click();
        }
        await p.goto('/rooms/attachment-injuries');
        await p.getByText('Small wins this week').waitFor();
        if (size.width < 992) {
          await shoot(p, `11-room${suffix}`, size);
          await showChat(p, size);
          await p.getByRole('log', { name: 'Chat messages' }).getByText('Sending strength to anyone').waitFor();
          await shoot(p, `11-room-chat-tab${suffix}`, size);
        } else {
          await p.getByRole('log', { name: 'Chat messages' }).getByText('Sending strength to anyone').waitFor();
          await shoot(p, `11-room${suffix}`, size);
        }
        // The live chat on its own, with someone typing.
        const typist = await chatClient(baseUrl, seeded.wren);
        await emit(typist, 'chat:join', { roomId: await roomIdOf(p) });
        await emit(typist, 'typing', { roomId: await roomIdOf(p), typing: true });
        await p.getByText('wren_demo is typing…').waitFor();
        await p.locator('.chat').screenshot({ path: join(outDir, `19-chat${suffix}-${size.width}.png`), animations: 'disabled' });
        written.push(join(outDir, `19-chat${suffix}-${size.width}.png`));
        typist.disconnect();
        if (!suffix) {
          if (size.width < 992) await p.getByRole('tab', { name: 'Threads' }).click();
          await p.getByRole('button', { name: 'Start a thread' }).click();
          await p.getByLabel('Title').fill('A draft title');
          await shoot(p, '12-room-new-thread', size);
          await p.goto('/rooms/parenting-after-trauma');
          await p.getByRole('heading', { name: 'Join this room' }).waitFor();
          await shoot(p, '13-room-join', size);
          await p.goto(`/threads/${hard.id}`);
          await p.getByRole('button', { name: 'Show thread' }).waitFor();
          await shoot(p, '14-thread-folded', size);
          // States that are not errors: a thread the viewer's settings hide, a room they cannot open.
          await p.goto(`/threads/${hiddenForViewer.id}`);
          await p.getByRole('heading', { name: 'This thread is hidden for you' }).waitFor();
          await shoot(p, '27-thread-hidden-by-settings', size);
          await p.goto('/rooms/no-such-room');
          await p.getByRole('heading', { name: 'This room is not available' }).waitFor();
          await shoot(p, '28-room-not-available', size);
        }
        await p.goto(`/threads/${pushPull.id}`);
        await p.getByText('Reading this made me feel less alone').waitFor();
        await shoot(p, `15-thread${suffix}`, size);
        if (!suffix) {
          await p.goto('/search');
          await p.getByLabel('Search posts').fill('pattern');
          await p.getByRole('button', { name: 'Search' }).click();
          await p.getByText(/Showing|Nothing found/).waitFor();
          await shoot(p, '16-search', size);
          await p.goto('/settings');
          await p.getByText('This device').waitFor();
          await shoot(p, '17-settings', size);
          if (size.width < 640) await p.getByRole('button', { name: 'Menu' }).click();
          await p.getByRole('button', { name: 'Take a pause' }).click();
          await p.getByRole('dialog').waitFor();
          // The dialog sits over the viewport; a full-page shot would cut its backdrop off.
          await shoot(p, '18-pause', size, { fullPage: false });
          await p.keyboard.press('Escape');
          await p.goto('/notifications');
          await p.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
          // A moderator's warning on the viewer's thread is an edit, not a sanction: its own notice.
          await p.getByRole('heading', { name: 'A content warning was added to your words' }).waitFor();
          await shoot(p, '20-notifications', size);
          // The private, dismissible support panel after words that suggest crisis.
          await p.goto('/rooms/grounding-and-self-care');
          await showChat(p, size);
          const box = p.getByRole('textbox', { name: 'Your message' });
          await box.fill('Some nights I feel like everyone would be better off without me.');
          await box.press('Enter');
          await p.getByText('You don’t have to carry this alone').waitFor();
          await p.locator('.chat').screenshot({ path: join(outDir, `25-chat-support-${size.width}.png`), animations: 'disabled' });
          written.push(join(outDir, `25-chat-support-${size.width}.png`));
          // The same offer after a new thread, in the thread page's column.
          if (size.width < 992) await p.getByRole('tab', { name: 'Threads' }).click();
          await p.getByRole('button', { name: 'Start a thread' }).click();
          await p.getByLabel('Title').fill('A hard night');
          await p.getByRole('textbox', { name: 'What would you like to share?' }).fill('Some nights I feel like everyone would be better off without me.');
          await p.getByLabel('None of these apply').check();
          await p.getByRole('button', { name: 'Post thread' }).click();
          await p.getByRole('heading', { level: 1, name: 'A hard night' }).waitFor();
          await p.getByRole('region', { name: 'You don’t have to carry this alone' }).waitFor();
          await shoot(p, '29-thread-support', size, { fullPage: false });
        }
        await context.close();
      }

      // A member's view of a room's support sessions, in their own time zone.
      const sessionsContext = await browser.newContext({ baseURL: baseUrl, viewport, storageState });
      const sessionsPage = await sessionsContext.newPage();
      await sessionsPage.goto('/rooms/attachment-injuries/sessions');
      await sessionsPage.getByText('You have a place.').waitFor();
      await shoot(sessionsPage, '40-sessions', size);
      await sessionsContext.close();

      // With reduced motion the breathing guide keeps its cue words, still, and no circle.
      const still = await browser.newContext({ baseURL: baseUrl, viewport, storageState, reducedMotion: 'reduce' });
      const sp = await still.newPage();
      await sp.goto('/settings');
      await sp.getByText('This device').waitFor();
      if (size.width < 640) await sp.getByRole('button', { name: 'Menu' }).click();
      await sp.getByRole('button', { name: 'Take a pause' }).click();
      await sp.getByRole('dialog').getByText('breathe in…', { exact: true }).waitFor();
      await shoot(sp, '18-pause-reduced-motion', size, { fullPage: false });
      await still.close();

      // The moderator's dashboard: the queue (crisis first), a decision in progress, the log.
      const modContext = await browser.newContext({ baseURL: baseUrl, viewport, storageState: moderatorState });
      const mp = await modContext.newPage();
      // Support sessions: the facilitator's view, with the schedule form open.
      await mp.goto('/rooms/attachment-injuries/sessions');
      await mp.getByRole('article', { name: 'Tuesday evening circle' }).waitFor();
      await mp.getByText('Schedule a session').click();
      await shoot(mp, '41-sessions-facilitator', size);
      await mp.goto('/moderation');
      await mp.getByRole('heading', { level: 1, name: 'Moderation' }).waitFor();
      await mp.getByRole('article').first().waitFor();
      await shoot(mp, '21-moderation-queue', size);
      const reported = mp.getByRole('article', { name: /Chat message by storm_demo/ });
      // A harm item starts folded for moderators; the server remembers the reveal for the next width.
      await reported.waitFor();
      const fold = reported.getByRole('button', { name: /^Show this item/ });
      if (await fold.count()) await fold.click();
      await reported.getByRole('button', { name: /^Fold it again/ }).waitFor();
      await reported.getByText('The conversation around it').click();
      await reported.getByRole('button', { name: /^Take action/ }).click();
      await reported.getByLabel('Reason', { exact: true }).selectOption('Harassment or a personal attack');
      await reported.scrollIntoViewIfNeeded();
      await shoot(mp, '22-moderation-decide', size);
      await mp.getByRole('tab', { name: 'Log' }).click();
      await mp.getByRole('list', { name: 'Log entries' }).waitFor();
      await shoot(mp, '23-moderation-log', size);
      await mp.goto('/rooms/attachment-injuries');
      await showChat(mp, size);
      await mp.getByRole('log', { name: 'Chat messages' }).getByText('Sending strength to anyone').waitFor();
      await mp.getByText('Moderator controls').click();
      await mp.getByRole('log', { name: 'Chat messages' }).locator('summary', { hasText: 'the message from storm_demo' }).click();
      await mp.locator('.chat').screenshot({ path: join(outDir, `24-chat-moderator-${size.width}.png`), animations: 'disabled' });
      written.push(join(outDir, `24-chat-moderator-${size.width}.png`));
      await modContext.close();

      // The Community screens: an admin's, then a room moderator's (their room only).
      const adminContext = await browser.newContext({ baseURL: baseUrl, viewport, storageState: community.adminState });
      const ap = await adminContext.newPage();
      await ap.goto('/community');
      await ap.getByRole('heading', { level: 1, name: 'Community' }).waitFor();
      await ap.getByRole('link', { name: 'Manage Attachment injuries' }).waitFor();
      await shoot(ap, '30-community-rooms', size);
      await ap.goto('/community/rooms/new');
      await ap.getByRole('heading', { level: 2, name: 'Create a room' }).waitFor();
      await shoot(ap, '31-community-new-room', size);
      await ap.goto('/community/rooms/attachment-injuries');
      await ap.getByRole('heading', { level: 2, name: 'Moderators' }).waitFor();
      await ap.getByRole('list').getByText('sage_demo', { exact: true }).waitFor();
      await shoot(ap, '32-community-room', size);
      await ap.goto('/community/roles');
      await ap.getByLabel('Find a member by handle').fill('wr');
      await ap.getByRole('button', { name: 'Choose wren_demo' }).click();
      await ap.getByRole('heading', { name: 'Change the role of wren_demo' }).waitFor();
      await shoot(ap, '33-community-roles', size);
      await ap.goto('/community/invites');
      await ap.getByRole('button', { name: 'Create invite code' }).click();
      await ap.getByRole('heading', { name: 'New invite code' }).waitFor();
      await shoot(ap, '34-community-invites', size);
      await ap.goto('/community/settings');
      await ap.getByRole('heading', { level: 2, name: 'Crisis resources by country' }).waitFor();
      await shoot(ap, '35-community-settings', size);
      await adminContext.close();
      const roomModContext = await browser.newContext({ baseURL: baseUrl, viewport, storageState: community.roomModeratorState });
      const rp = await roomModContext.newPage();
      await rp.goto('/community/rooms/attachment-injuries');
      await rp.getByRole('heading', { level: 3, name: 'Settings' }).waitFor();
      await shoot(rp, '36-community-room-moderator', size);
      await roomModContext.close();
      // Registration while it is invite-only, then open again for the next width.
      await call(community.admin.api, 'PATCH', '/api/admin/site-settings', { registrationMode: 'invite-only', reason: 'Screenshots' });
      const visitor = await browser.newContext({ baseURL: baseUrl, viewport });
      const vp = await visitor.newPage();
      await vp.goto('/register');
      await vp.getByLabel('Invite code').waitFor();
      await shoot(vp, '37-register-invite-only', size);
      await visitor.close();
      await call(community.admin.api, 'PATCH', '/api/admin/site-settings', { registrationMode: 'open', reason: 'Screenshots done' });
    }
    console.log(`Wrote ${written.length} screenshots to ${outDir}`);
  } finally {
    await browser?.close().catch(() => undefined);
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
    await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
