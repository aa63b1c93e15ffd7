// Browser tests of the operations console, in real headless Chromium (Debian's /usr/bin/chromium)
// driven by Playwright. Run by ConsoleBrowserIT (Maven, integration-test phase) against the console it
// started on a real broker and registry; CONTROL_URL lets this script have the other services' events
// produced at the moment each step needs them. Every wait is one of Playwright's auto-waiting
// expectations; screenshots go to SCREENSHOT_DIR.
import { test, before, after } from 'node:test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { expect } from '@playwright/test';

const CONSOLE = required('CONSOLE_URL');
const CONTROL = required('CONTROL_URL');
const SCREENSHOTS = required('SCREENSHOT_DIR');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const LIVE = { timeout: 20_000 }; // how long an event may take to reach the page

const CONSULTANT_KEY = 'local-consultant-key';
const ACME_HELPDESK_KEY = 'local-acme-helpdesk-key';
// The flags this machine needs: no sandbox as root, and no background traffic to hosts that cannot be reached.
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const contexts = [];
let consultant; // the consultant's page, open through every step
const scenario = {}; // what earlier steps produced

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run these tests through ConsoleBrowserIT`);
  return value;
}

/** A browser of its own for one person: a fresh profile (--user-data-dir) each time. */
async function newBrowser() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'ops-console-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1400, height: 1000 },
  });
  contexts.push({ context, profile });
  return context.pages()[0] ?? context.newPage();
}

async function signIn(page, key) {
  await page.goto(`${CONSOLE}/sign-in`);
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('#live-status')).toHaveAttribute('data-status', 'live', LIVE);
}

async function control(method, step) {
  const response = await fetch(`${CONTROL}${step}`, { method });
  if (!response.ok) throw new Error(`${method} ${step}: ${response.status} ${await response.text()}`);
  return response.json();
}

function queueRow(page, caseNumber) {
  return page.locator(`#queue tr.case[data-case="${caseNumber}"]`);
}

async function screenshot(page, name) {
  await page.screenshot({ path: path.join(SCREENSHOTS, name), fullPage: true });
}

before(async () => {
  consultant = await newBrowser();
  await signIn(consultant, CONSULTANT_KEY);
});

after(async () => {
  for (const { context, profile } of contexts) {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
});

test('a case filed appears in the queue, in queue order, without reloading the page', async () => {
  const sev3 = await control('POST', '/cases?customer=ACME&severity=SEV3&deadlineSeconds=43200');
  const sev1 = await control('POST', '/cases?customer=ACME&severity=SEV1&deadlineSeconds=600');
  scenario.caseNumber = sev1.caseNumber;

  const row = queueRow(consultant, sev1.caseNumber);
  await expect(row).toBeVisible(LIVE);
  await expect(queueRow(consultant, sev3.caseNumber)).toBeVisible(LIVE);
  await expect(row.locator('.sev')).toHaveText('SEV1');
  await expect(row.locator('td.state')).toContainText('running');
  // SEV1 before SEV3, though the SEV3 case came first
  const order = await consultant.locator('#queue tr.case').evaluateAll((rows) => rows.map((r) => r.dataset.case));
  expect(order.indexOf(sev1.caseNumber)).toBeLessThan(order.indexOf(sev3.caseNumber));
  await screenshot(consultant, '1-queue-new-case.png');
});

test('its countdown to the response deadline moves', async () => {
  const countdown = queueRow(consultant, scenario.caseNumber).locator('td.countdown');
  await expect(countdown).toHaveText(/^\d+m \d\ds left$/);
  const first = await countdown.textContent();
  await expect(countdown).not.toHaveText(first, { timeout: 5_000 });
  await expect(countdown).toHaveText(/^(9m|10m) \d\ds left$/);
  await screenshot(consultant, '2-countdown.png');
});

test('its breach turns it red', async () => {
  const breach = await control('POST', `/cases/${scenario.caseNumber}/breach`);
  scenario.escalationId = breach.escalationId;

  const row = queueRow(consultant, scenario.caseNumber);
  await expect(row).toHaveAttribute('data-state', 'breached', LIVE);
  await expect(row).toHaveCSS('background-color', 'rgb(251, 228, 226)');
  await expect(row).toHaveCSS('color', 'rgb(179, 38, 30)');
  const badge = row.locator('.badge');
  await expect(badge).toHaveText('breached');
  await expect(badge).toHaveCSS('background-color', 'rgb(179, 38, 30)');
  await expect(consultant.locator(`#escalations tr[data-escalation="${scenario.escalationId}"]`)).toBeVisible(LIVE);
  await expect(consultant.locator('#notifications tr.notification').first()).toBeVisible(LIVE);
  await screenshot(consultant, '3-breached-red.png');
});

test('acknowledging from the page reaches escalation-service with the consultant\'s key', async () => {
  const escalation = consultant.locator(`#escalations tr[data-escalation="${scenario.escalationId}"]`);
  await expect(escalation).toHaveAttribute('data-state', 'awaiting');
  await escalation.getByRole('button', { name: `Acknowledge ${scenario.escalationId}` }).click();

  await expect(consultant.locator('.flash.ok')).toContainText(`Acknowledgement of ${scenario.escalationId} sent`);
  await expect(escalation.locator('.requested')).toContainText('acknowledgement sent by jane-consultant');
  await expect.poll(() => control('GET', `/escalations/${scenario.escalationId}/acknowledgement-requests`), LIVE)
    .toEqual([{
      method: 'POST',
      path: `/api/v1/escalations/${scenario.escalationId}/acknowledgement`,
      authorization: `Bearer ${CONSULTANT_KEY}`,
    }]);

  // escalation-service publishes EscalationAcknowledged; the page shows it, still without reloading
  await control('POST', `/escalations/${scenario.escalationId}/acknowledged`);
  await expect(escalation).toHaveAttribute('data-state', 'acknowledged', LIVE);
  await expect(escalation.locator('.ack-state')).toContainText('acknowledged by jane-consultant');
  await expect(escalation.getByRole('button', { name: /Acknowledge/ })).toHaveCount(0);
  await screenshot(consultant, '4-acknowledged.png');
});

test('the case page shows the timeline of all four topics', async () => {
  const page = await consultant.context().newPage();
  await page.goto(`${CONSOLE}/cases/${scenario.caseNumber}`);
  const timeline = page.locator('ol.timeline li');
  for (const type of ['CaseCreated', 'SlaTimerStarted', 'SlaBreached', 'EscalationRaised', 'NotificationSent',
    'EscalationAcknowledged']) {
    await expect(timeline.and(page.locator(`[data-type="${type}"]`))).toHaveCount(1, LIVE);
  }
  await expect(page.locator('.case-summary')).toHaveAttribute('data-state', 'breached');
  await screenshot(page, '6-case-timeline.png');
  await page.close();
});

test('a helpdesk does not see another organisation\'s case', async () => {
  const helpdesk = await newBrowser();
  await signIn(helpdesk, ACME_HELPDESK_KEY);
  const other = await control('POST', '/cases?customer=GLOBEX&severity=SEV1&deadlineSeconds=900');
  const own = await control('POST', '/cases?customer=ACME&severity=SEV2&deadlineSeconds=28800');

  // the consultant sees both, so the console has read both
  await expect(queueRow(consultant, other.caseNumber)).toBeVisible(LIVE);
  await expect(queueRow(consultant, own.caseNumber)).toBeVisible(LIVE);
  await expect(queueRow(helpdesk, own.caseNumber)).toBeVisible(LIVE);
  await expect(queueRow(helpdesk, other.caseNumber)).toHaveCount(0);
  await expect(helpdesk.locator('#queue')).not.toContainText(other.caseNumber);
  await expect(helpdesk.locator('header .scope')).toHaveText('your organisation\'s cases');
  await screenshot(helpdesk, '5-helpdesk-own-cases-only.png');

  const response = await helpdesk.goto(`${CONSOLE}/cases/${other.caseNumber}`);
  expect(response.status()).toBe(404);
  await expect(helpdesk.locator('h1')).toHaveText('Not found');
});
