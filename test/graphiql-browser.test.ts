import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO } from '../src/sandbox/seed.ts';
import { launchChromium } from './helpers/browser.ts';
import { startTestGateway, type TestGateway } from './helpers/gateway.ts';

const ARTIFACTS = new URL('../test-artifacts/', import.meta.url);

let gw: TestGateway;
let browser: Browser;

beforeAll(async () => {
  // As `npm start` on the embedded sandbox: the tabs carry the demo tokens and example variables.
  gw = await startTestGateway({ graphiqlExamples: true });
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await gw?.close();
});

/** Runs one operation of the open tab: with several, GraphiQL's ▶ button opens a menu of their names. */
async function run(page: Page, operationName: string): Promise<string> {
  const result = page.locator('.graphiql-response');
  await page.locator('.graphiql-execute-button').click();
  await page.locator('.graphiql-dropdown-item', { hasText: operationName }).click();
  // The answer replaces the previous one: wait for the operation's own data.
  await expect.poll(async () => (await result.textContent()) ?? '', { timeout: 15_000 }).toMatch(/"data"|"errors"/);
  // The response editor renders spaces as no-break spaces: one plain space for each run.
  return ((await result.textContent()) ?? '').replace(/\s+/g, ' ');
}

async function replaceEditorText(page: Page, editor: string, text: string) {
  await page.locator(editor).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.insertText(text);
}

describe('GraphiQL in a real browser', () => {
  it('opens offline with the admin token and a tab per flow, and walks the invite flow through the UI', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const external: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(gw.origin) && !request.url().startsWith('data:') && !request.url().startsWith('blob:'))
        external.push(request.url());
    });
    await page.goto(gw.url, { waitUntil: 'load' });
    const tabs = page.locator('.graphiql-tab');
    await expect.poll(() => tabs.count(), { timeout: 30_000 }).toBe(7);

    // The first tab, the account switcher, runs as it opens: the admin's token is already in its headers.
    gw.sandbox.counters.reset();
    const switcher = await run(page, 'AccountSwitcher');
    expect(switcher).toContain(DEMO.users.adminAlpha);
    expect(switcher).not.toContain('UNAUTHENTICATED');
    expect(gw.sandbox.counters.get('get-account')).toBe(1);

    // The invite flow's tab: create the user, as the variables have it.
    await page.locator('.graphiql-tab-button', { hasText: 'CreateUser' }).dispatchEvent('click');
    await page.locator('.graphiql-query-editor', { hasText: 'invite-flow.graphql' }).waitFor();
    const created = await run(page, 'CreateUser');
    expect(created).toContain('"tenantUserUid": "alpha-user-nina"');
    expect(created).toContain('"status": "PENDING_INVITE"');

    // The invite token the real API would e-mail: the sandbox lists it (the tab's comment says where).
    const invites = (await (await fetch(new URL('/__sandbox/invites', gw.sandbox.url))).json()) as { email: string; inviteToken: string }[];
    const inviteToken = invites.find((invite) => invite.email === 'nina.newbie@example.com')?.inviteToken;
    expect(inviteToken).toBeDefined();
    await page
      .getByRole('button', { name: /variables/i })
      .first()
      .click();
    await replaceEditorText(page, '.graphiql-editor-tool .graphiql-editor >> nth=0', JSON.stringify({ inviteToken }));

    const invitation = await run(page, 'InvitationLookup');
    expect(invitation).toContain('"displayName": "Nina Newbie"');
    expect(invitation).toContain('"status": "PENDING_INVITE"');

    const accepted = await run(page, 'AcceptInvitation');
    expect(accepted).toContain('"tenantUserUid": "alpha-user-nina"');
    expect(accepted).toContain('"status": "ACTIVE"');
    expect(gw.sandbox.counters.get('put-account-invite')).toBe(1);

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: new URL('graphiql.png', ARTIFACTS).pathname, fullPage: true });
    expect(external).toEqual([]);
  }, 90_000);
});
