import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO } from '../src/sandbox/seed.ts';
import { launchChromium } from './helpers/browser.ts';
import { startTestGateway, type TestGateway } from './helpers/gateway.ts';

const ARTIFACTS = new URL('../test-artifacts/', import.meta.url);

let gw: TestGateway;
let browser: Browser;

beforeAll(async () => {
  gw = await startTestGateway();
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await gw?.close();
});

describe('GraphiQL in a real browser', () => {
  it('loads with no internet, takes an Authorization header, runs the example query and shows sandbox data', async () => {
    const page = await browser.newPage();
    const external: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(gw.origin) && !request.url().startsWith('data:') && !request.url().startsWith('blob:'))
        external.push(request.url());
    });
    await page.goto(gw.url, { waitUntil: 'load' });
    await page.getByText('query Me').first().waitFor({ timeout: 30_000 });

    await page
      .getByRole('button', { name: /headers/i })
      .first()
      .click();
    const headersEditor = page.locator('.graphiql-editor-tool .graphiql-editor').last();
    await headersEditor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.insertText(JSON.stringify({ Authorization: `Bearer ${DEMO.tokens.admin}` }));

    gw.sandbox.counters.reset();
    await page.locator('.graphiql-execute-button').click();
    const result = page.locator('.graphiql-response');
    await expect.poll(async () => (await result.textContent()) ?? '', { timeout: 15_000 }).toContain(DEMO.users.adminAlpha);

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: new URL('graphiql.png', ARTIFACTS).pathname, fullPage: true });
    const text = (await result.textContent()) ?? '';
    expect(text).toContain('defaultTenantUid');
    expect(text).not.toContain('UNAUTHENTICATED');
    expect(gw.sandbox.counters.get('get-account')).toBe(1);
    expect(external).toEqual([]);
  }, 60_000);
});
