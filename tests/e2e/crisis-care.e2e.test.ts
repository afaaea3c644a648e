import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { memberWithRole } from '../support/forum.js';
import { describeViolations, seriousViolations } from './support/axe.js';
import { signedInMember, startE2eApp, type E2eApp } from './support/e2e-app.js';
import { chatLog, openChat } from './support/chat.js';
import { createRoomAs, joinAs, replyAs, threadAs } from './support/forum-setup.js';

/** Issue 17: a moderator answers a crisis with a private check-in; the member sees it and answers. */
describe('crisis care in the browser', () => {
  let e2e: E2eApp;

  beforeAll(async () => {
    e2e = await startE2eApp();
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it('the Moderation link counts the crisis; the moderator checks in privately; the member reads it and answers; axe is clean on both screens', async () => {
    const admin = await memberWithRole(e2e.t, 'admin');
    const room = await createRoomAs(admin.agent, { name: 'Quiet harbour' });
    const member = await signedInMember(e2e, { bypassCSP: true });
    const mod = await signedInMember(e2e, { bypassCSP: true });
    await joinAs(member.agent, room.id);
    await joinAs(mod.agent, room.id);
    await admin.agent.put(`/api/rooms/${room.id}/moderators`).send({ userId: mod.user.id }).expect(204);

    // The moderator is on the site when the crisis is posted: the count arrives live.
    const mp = mod.page;
    await mp.goto('/');
    await mp.getByRole('link', { name: 'Moderation' }).waitFor();
    // axe runs in the page, so these contexts bypass the CSP that would refuse its script.
    await threadAs(member.agent, room.id, { title: 'Tonight', body: 'I want to end my life tonight.' });
    await mp.getByRole('link', { name: /Moderation.*1 open crisis item/ }).waitFor();
    await mp.getByText('A new crisis item is in the queue.').waitFor();
    expect(await mp.title()).toMatch(/^\(1\) /);

    await mp.getByRole('link', { name: /Moderation/ }).click();
    await mp.getByRole('heading', { level: 1, name: 'Moderation' }).waitFor();
    const item = mp.getByRole('article', { name: `Thread “Tonight” by ${member.handle}` });
    // The crisis reaches the moderator folded; revealing it is remembered on the server, so a reload keeps it open.
    await item.getByText(/Folded: this is about someone who may be in crisis/).waitFor();
    expect(await item.innerText()).not.toContain('end my life');
    await item.getByRole('button', { name: /^Show this item/ }).click();
    await item.locator('.queue-item__body', { hasText: 'I want to end my life tonight.' }).waitFor();
    await mp.reload();
    await item.locator('.queue-item__body', { hasText: 'I want to end my life tonight.' }).waitFor();
    await item.getByRole('button', { name: /^Fold it again/ }).waitFor();
    await item.getByRole('button', { name: /^Respond with care/ }).click();
    await item.getByLabel('Check in privately with').selectOption({ label: 'Checking in' });
    await item.getByRole('button', { name: 'Send check-in' }).click();
    await item.getByText('Check-in sent.').waitFor();
    const modViolations = await seriousViolations(mp);
    expect(describeViolations(modViolations)).toBe('');

    // The member is told privately, from "the moderation team", and answers.
    const ap = member.page;
    await ap.goto('/notifications');
    await ap.getByRole('heading', { level: 2, name: /A message from the moderation team/ }).waitFor();
    expect(await ap.getByRole('main').innerText()).not.toContain(mod.handle);
    await ap.getByRole('link', { name: /^Open/ }).click();
    await ap.getByRole('heading', { level: 1, name: 'A message from the moderation team' }).waitFor();
    await ap.getByText(/wanted to check in with you/).waitFor();
    await ap.getByLabel('Your answer').fill('Thank you. I called my sister and she is coming over.');
    await ap.getByRole('button', { name: 'Send answer' }).click();
    await ap.getByText('Sent. Thank you for letting us know.').waitFor();
    expect(describeViolations(await seriousViolations(ap))).toBe('');

    // The moderator sees the answer with the item, and marks the member as supported.
    await item.getByText('I called my sister').waitFor({ timeout: 10_000 });
    await item.getByLabel('Private note (for moderators only)').fill('Sister is with them.');
    await item.getByRole('button', { name: 'Mark as supported' }).click();
    await mp.getByRole('link', { name: 'Moderation', exact: true }).waitFor();
    expect(await mp.title()).not.toMatch(/^\(/);
  });

  it('after 20 items in one sitting the dashboard suggests a pause, which opens the pause tool; the moderator sees their own week; axe is clean', async () => {
    const admin = await memberWithRole(e2e.t, 'admin');
    const room = await createRoomAs(admin.agent, { name: 'Long evening' });
    const mod = await signedInMember(e2e, { bypassCSP: true });
    await admin.agent.put(`/api/rooms/${room.id}/moderators`).send({ userId: mod.user.id }).expect(204);
    // Twenty items, handled through the API as the dashboard would.
    const items = await e2e.t.query<{ id: string }>(
      `INSERT INTO queue_items (kind, severity, status, room_id, target_type, target_id, subject_user_id)
       SELECT 'report', CASE WHEN n <= 2 THEN 3 WHEN n <= 7 THEN 2 ELSE 1 END, 'open', $1, 'member', $2, $2 FROM generate_series(1, 20) n RETURNING id`,
      [room.id, admin.user.id],
    );
    for (const { id } of items) await mod.agent.post(`/api/moderation/queue/${id}/dismiss`).send({ reason: 'Looked at it.' }).expect(204);

    const mp = mod.page;
    await mp.goto('/moderation');
    const suggestion = mp.getByRole('region', { name: 'Time for a pause?' });
    await suggestion.getByText(/handled 20 items in this sitting/).waitFor();
    await mp.getByText('Your last 7 days').click();
    expect(await mp.locator('.care-exposure__list').innerText()).toMatch(/Crisis\s*2[\s\S]*Harassment and harm\s*5[\s\S]*Everything else\s*13/);
    expect(describeViolations(await seriousViolations(mp))).toBe('');

    await suggestion.getByRole('button', { name: 'Take a pause' }).click();
    const pause = mp.getByRole('dialog', { name: 'Take a pause' });
    await pause.getByText('Nothing here is urgent.', { exact: false }).waitFor();
    await mp.keyboard.press('Escape');
    await pause.waitFor({ state: 'detached' });
    // Having paused, the suggestion rests for a while.
    await suggestion.waitFor({ state: 'detached' });
  });

  it('a moderator teaches the detector from the queue (a missed crisis, a false alarm); an admin accepts the labels; the figures follow; axe is clean', async () => {
    const adminPerson = await signedInMember(e2e, { bypassCSP: true });
    await e2e.t.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [adminPerson.user.id]);
    const room = await createRoomAs(adminPerson.agent, { name: 'Night watch' });
    const member = await signedInMember(e2e);
    const reporter = await signedInMember(e2e);
    const mod = await signedInMember(e2e, { bypassCSP: true });
    for (const m of [member, reporter]) await joinAs(m.agent, room.id);
    await adminPerson.agent.put(`/api/rooms/${room.id}/moderators`).send({ userId: mod.user.id }).expect(204);
    await threadAs(member.agent, room.id, { title: 'Film night', body: 'I want to end my life tonight.' });
    const quiet = await threadAs(member.agent, room.id, { title: 'Sunday', body: 'i wrote the letters. nobody needs to look for me after sunday' });
    await reporter.agent.post('/api/reports').send({ targetType: 'thread', targetId: quiet.id, category: 'other', note: 'This worries me.' }).expect(201);

    const mp = mod.page;
    await mp.goto('/moderation');
    await mp.getByText(/No labels have been reviewed yet/).waitFor();
    const missed = mp.getByRole('article', { name: `Thread “Sunday” by ${member.handle}` });
    await missed.getByRole('button', { name: /^A crisis the detector missed/ }).click();
    await missed.getByText('Thank you. An admin will review the label before it counts.').waitFor();
    const alarm = mp.getByRole('article', { name: `Thread “Film night” by ${member.handle}` });
    await alarm.getByRole('button', { name: /^Teach the detector: not a crisis/ }).click();
    await alarm.getByText('Thank you. An admin will review the label before it counts.').waitFor();
    await mp.getByText('2 labels wait for an admin’s review.').waitFor();
    // Moderators never get the review list.
    expect(await mp.getByText(/waiting for review/).count()).toBe(0);

    const ap = adminPerson.page;
    await ap.goto('/moderation');
    await ap.getByText('Labels for the detector waiting for review (2)').click();
    await ap.getByText(/A crisis the detector missed, from a thread/).waitFor();
    await ap.getByText(/Not a crisis, from a thread/).waitFor();
    expect(describeViolations(await seriousViolations(ap))).toBe('');
    for (let i = 0; i < 2; i += 1) {
      await ap.getByRole('button', { name: 'Accept' }).first().click();
      await ap.getByText(`Labels for the detector waiting for review (${1 - i})`).waitFor();
    }
    await ap.getByText(/On 2 reviewed labels of members’ own words: it finds 0% of the crises \(recall\), and 0% of what it flags is a crisis \(precision\)\./).waitFor();
    const download = await ap.request.get('/api/admin/crisis-labels/export');
    expect(((await download.json()) as { crisis: boolean }[]).map((item) => item.crisis)).toEqual([true, false]);

    // Any post can be labelled from its thread page too.
    await replyAs(member.agent, quiet.id, { body: 'i gave the cat to my neighbour today. it is better this way' });
    await mp.goto(`/threads/${quiet.id}`);
    const reply = mp.getByRole('article', { name: new RegExp(`Reply by ${member.handle}`) }).last();
    await reply.getByRole('button', { name: /^A crisis the detector missed/ }).click();
    await reply.getByText('Thank you. An admin will review the label before it counts.').waitFor();
    expect(describeViolations(await seriousViolations(mp))).toBe('');
    const pending = (await adminPerson.agent.get('/api/admin/crisis-labels?status=pending').expect(200)).body as { sourceType: string; text: string }[];
    expect(pending).toEqual([expect.objectContaining({ sourceType: 'post', text: 'i gave the cat to my neighbour today. it is better this way' })]);
  });

  it('a moderator hands a crisis item over to another moderator of the room, keyboard only', async () => {
    const admin = await memberWithRole(e2e.t, 'admin');
    const room = await createRoomAs(admin.agent, { name: 'Shift change' });
    const member = await signedInMember(e2e);
    const mod = await signedInMember(e2e, { bypassCSP: true });
    const next = await signedInMember(e2e);
    await joinAs(member.agent, room.id);
    for (const m of [mod, next]) await admin.agent.put(`/api/rooms/${room.id}/moderators`).send({ userId: m.user.id }).expect(204);
    await threadAs(member.agent, room.id, { title: 'Late', body: 'I want to end my life tonight.' });

    const mp = mod.page;
    await mp.goto('/moderation');
    const item = mp.getByRole('article', { name: `Thread “Late” by ${member.handle}` });
    await item.getByRole('button', { name: /^Respond with care/ }).click();
    const to = item.getByLabel('Hand over to');
    await to.focus();
    await to.selectOption({ label: next.handle });
    await item.getByLabel('Note for them (optional, for moderators only)').fill('I am off shift now.');
    await item.getByRole('button', { name: 'Hand over' }).focus();
    await mp.keyboard.press('Enter');
    await mp.getByText(`Handed over to ${next.handle}. They have been told.`).waitFor();
    await item.getByText(`Claimed by ${next.handle}`).waitFor();
    expect(describeViolations(await seriousViolations(mp))).toBe('');
    const notices = (await next.agent.get('/api/me/notifications').expect(200)).body as { kind: string }[];
    expect(notices.map((n) => n.kind)).toContain('care-hand-over');
  });

  it('the author’s own live chat copy carries the automatic label, and their resources panel adds the warning as their own in one click', async () => {
    const admin = await memberWithRole(e2e.t, 'admin');
    const room = await createRoomAs(admin.agent, { name: 'Evening chat' });
    const author = await signedInMember(e2e, { bypassCSP: true });
    const reader = await signedInMember(e2e);
    for (const m of [author, reader]) await joinAs(m.agent, room.id);
    await openChat(author.page, room.slug);
    await openChat(reader.page, room.slug);

    const box = author.page.getByRole('textbox', { name: 'Your message' });
    await box.fill('I want to end my life tonight.');
    await box.press('Enter');
    const own = chatLog(author.page).locator('li', { hasText: 'I want to end my life tonight.' });
    await own.getByText('Suicide (added automatically)').waitFor();
    const support = author.page.getByRole('region', { name: 'You don’t have to carry this alone' });
    await support.getByText(/readers who asked to be warned see them behind a “Suicide” warning, added automatically/).waitFor();
    expect(describeViolations(await seriousViolations(author.page))).toBe('');

    await support.getByRole('button', { name: 'Add the “Suicide” warning' }).click();
    await support.getByText('Added: your words now carry your own “Suicide” warning.').waitFor();
    // Now it is the author's own warning: no longer labelled as automatic, for the author or a reader.
    await own.getByText('Suicide', { exact: true }).waitFor();
    expect(await own.getByText('Suicide (added automatically)').count()).toBe(0);
    const readerCopy = chatLog(reader.page).locator('li').filter({ has: reader.page.getByRole('button', { name: 'Show message' }) }).last();
    await readerCopy.getByText('Suicide', { exact: true }).waitFor();

    // A moderator teaches the detector from the chat: words it let through, labelled in one click for an admin's review.
    await admin.agent.put(`/api/rooms/${room.id}/moderators`).send({ userId: reader.user.id }).expect(204);
    await reader.page.reload();
    await chatLog(reader.page).getByText('Suicide', { exact: true }).waitFor();
    await box.fill('the cat is with my neighbour now. nobody needs to look for me after sunday');
    await box.press('Enter');
    await chatLog(reader.page).getByText(/nobody needs to look for me after sunday/).waitFor();
    await chatLog(reader.page).locator('summary', { hasText: `the message from ${author.handle}` }).last().click();
    await reader.page.getByRole('button', { name: 'A crisis the detector missed' }).click();
    await reader.page.getByText('Thank you. An admin will review the label before it counts.').waitFor();
    const [label] = await e2e.t.query<{ source_type: string; label: string; text: string }>(`SELECT source_type, label, text FROM crisis_labels WHERE marked_by = $1`, [reader.user.id]);
    expect(label).toEqual({ source_type: 'message', label: 'crisis', text: 'the cat is with my neighbour now. nobody needs to look for me after sunday' });

    // A reply in a thread: the same offer, through the post's ordinary edit.
    const thread = await threadAs(admin.agent, room.id, { title: 'How was your week', body: 'Tell us.' });
    const ap = author.page;
    await ap.goto(`/threads/${thread.id}`);
    await ap.getByLabel('Your reply').fill('I want to end my life tonight, I have the pills ready.');
    await ap.getByRole('button', { name: /^Post reply/ }).click();
    const replySupport = ap.getByRole('region', { name: 'You don’t have to carry this alone' });
    await replySupport.getByRole('button', { name: 'Add the “Suicide” warning' }).click();
    await replySupport.getByText('Added: your words now carry your own “Suicide” warning.').waitFor();
    const posts = (await reader.agent.get(`/api/threads/${thread.id}/posts`).expect(200)).body.items as { kind: string; warning?: { categories: string[]; automatic?: string[] } }[];
    const last = posts.at(-1)!;
    expect(last.warning).toMatchObject({ categories: ['suicide'] });
    expect(last.warning!.automatic).toBeUndefined();
  });
});
