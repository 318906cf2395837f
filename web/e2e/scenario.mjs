// The E2E scenario: what users do on each screen, checked in the browser.

async function signIn(page, base, user, password = user) {
  await page.goto(`${base}/`);
  await page.getByLabel('Username', { exact: true }).fill(user);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('signed-in-user').filter({ hasText: user }).waitFor();
}

async function signOut(page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByLabel('Username', { exact: true }).waitFor();
}

async function expectText(locator, text) {
  await locator.filter({ hasText: text }).first().waitFor();
}

const PRICES_CSV = new URL('../../reference-data/prices/worldbank-pink-sheet/metals_monthly_nominal_usd.csv', import.meta.url).pathname;

export async function scenario({ page, base, step, shot }) {
  const counterpartyName = `Atacama Cobre ${Date.now().toString(36)}`;
  let dealUrl;

  await step('sign-in page', async () => {
    await page.goto(`${base}/`);
    await page.getByLabel('Username', { exact: true }).waitFor();
    await shot('01-sign-in.png');
  });

  await step('a wrong password shows the problem the server answers', async () => {
    await page.getByLabel('Username', { exact: true }).fill('trader');
    await page.getByLabel('Password', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Sign-in failed' }).waitFor();
  });

  await step('trader signs in and sees the inbox and the trader navigation', async () => {
    await signIn(page, base, 'trader');
    await page.getByRole('heading', { name: 'Task inbox' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main navigation' }).or(page.locator('aside'));
    await expectText(nav, 'Counterparties');
    if ((await page.locator('aside').getByText('Process replay').count()) > 0) {
      throw new Error('a trader must not see the process replay');
    }
    await shot('02-inbox-trader.png');
  });

  await step('a field error from the server is shown on the field', async () => {
    await page.locator('aside').getByText('Counterparties').click();
    await page.getByRole('heading', { name: 'Counterparties' }).waitFor();
    await page.getByRole('button', { name: 'New counterparty' }).click();
    await page.getByLabel('Name', { exact: true }).fill(counterpartyName);
    await page.getByLabel('Country (ISO 3166-1 alpha-2)').fill('QQ');
    await page.getByRole('button', { name: 'Create and start onboarding' }).click();
    await page.getByText("'QQ' is not an ISO 3166-1 alpha-2 country code").waitFor();
  });

  await step('trader creates a counterparty, which starts its onboarding', async () => {
    await page.getByLabel('Country (ISO 3166-1 alpha-2)').fill('CL');
    await page.getByLabel('Ultimate beneficial owners (one per line)').fill('Lucia Fernandez');
    await page.getByLabel('Ownership disclosed').check();
    await page.getByLabel('Credit limit').fill('2500000');
    await shot('03-counterparty-create.png');
    await page.getByRole('button', { name: 'Create and start onboarding' }).click();
    await page.getByRole('heading', { name: counterpartyName }).waitFor();
    await page.getByTestId('credit-headroom').filter({ hasText: '2,500,000.00 USD' }).waitFor();
  });

  await step('screening shows the decision and the matched entries', async () => {
    await page.getByRole('button', { name: 'Screen now' }).click();
    await page.getByTestId('screening-decision').waitFor();
    await shot('04-counterparty.png');
    await signOut(page);
  });

  await step('compliance sees the onboarding decision in the inbox', async () => {
    await signIn(page, base, 'compliance');
    // the inbox refreshes itself when the task appears (live events); reload as a fallback
    const row = page.getByRole('row').filter({ hasText: 'Decide on onboarding' });
    await row.first().waitFor({ timeout: 30_000 });
    await shot('05-inbox-compliance.png');
  });

  await step('the task form renders with the counterparty beside it', async () => {
    await page.getByRole('row').filter({ hasText: 'Decide on onboarding' }).first().getByRole('link').click();
    await page.getByRole('heading', { name: 'Decide on onboarding', level: 3 }).waitFor();
    await page.locator('.fjs-container').waitFor();
    const name = page.locator('.fjs-container input[readonly]').first();
    await name.waitFor();
    await expectText(page.locator('.ant-card'), 'counterparty-onboarding');
    await shot('06-task-form.png');
  });

  await step('the form checks required fields before sending', async () => {
    await page.getByRole('button', { name: 'Complete task' }).click();
    await page.locator('.fjs-form-field-error').first().waitFor();
  });

  await step('compliance claims and approves through the rendered form', async () => {
    await page.getByRole('button', { name: 'Claim' }).click();
    await page.getByRole('button', { name: 'Unclaim' }).waitFor();
    await page.getByRole('radio', { name: /^Approve/ }).check();
    await page.getByLabel('Reason for the decision').fill('Registry, owners and screening checked: no concerns.');
    await page.getByRole('button', { name: 'Complete task' }).click();
    await page.getByRole('heading', { name: 'Task inbox' }).waitFor();
    await page.getByText(/^Completed "Decide on onboarding"/).waitFor();
  });

  await step('the counterparty is approved once the decision is recorded', async () => {
    await page.locator('aside').getByText('Counterparties').click();
    await page.getByRole('link', { name: counterpartyName }).click();
    await page.getByTestId('kyc-status').filter({ hasText: 'APPROVED' }).waitFor({ timeout: 30_000 });
  });

  await step('trader captures a deal with the valuation live beside the terms', async () => {
    await signOut(page);
    await signIn(page, base, 'trader');
    await page.locator('aside').getByText('Trading desk').click();
    await page.getByRole('heading', { name: 'Trading desk' }).waitFor();
    await page.getByRole('button', { name: 'Capture deal' }).click();
    await page.getByRole('heading', { name: 'Capture a deal' }).waitFor();
    await page.getByTestId('lot-value').waitFor();
    const before = await page.getByTestId('lot-value').textContent();
    await page.getByLabel('Cu grade %').fill('27');
    await page.getByTestId('lot-value').filter({ hasNotText: before }).waitFor();
    await page.getByLabel('Counterparty (KYC approved)').click();
    await page.getByLabel('Counterparty (KYC approved)').fill(counterpartyName);
    await page.locator('.ant-select-item-option').filter({ hasText: counterpartyName }).click();
    await shot('08-deal-capture.png');
    await page.getByRole('button', { name: 'Capture deal' }).click();
    await page.getByTestId('deal-status').waitFor();
    dealUrl = page.url();
  });

  await step('the deal reaches its approval task', async () => {
    await page.getByTestId('deal-open-tasks').getByRole('link', { name: 'Approve deal' }).waitFor({ timeout: 60_000 });
    await shot('09-deal.png');
    await page.locator('aside').getByText('Trading desk').click();
    await page.getByRole('row').filter({ hasText: counterpartyName }).getByRole('link', { name: 'Approve deal' }).waitFor();
    await shot('10-desk.png');
    await signOut(page);
  });

  await step('the desk head approves through the rendered form', async () => {
    await signIn(page, base, 'desk-head');
    await page.getByRole('row').filter({ hasText: 'Approve deal' }).first().getByRole('link').click();
    await page.getByRole('heading', { name: 'Approve deal', level: 3 }).waitFor();
    await page.locator('.fjs-container input[readonly]').first().waitFor();
    await shot('11-approval-form.png');
    await page.getByRole('radio', { name: /^Approve/ }).check();
    await page.getByLabel(/^Comment/).fill('Within desk limits; counterparty approved.');
    await page.getByRole('button', { name: 'Complete task' }).click();
    await page.getByText(/^Completed "Approve deal"/).waitFor();
    await page.goto(dealUrl);
    await page.getByTestId('deal-status').filter({ hasText: /APPROVED|IN_EXECUTION/ }).waitFor({ timeout: 60_000 });
    await shot('12-deal-approved.png');
  });

  await step('trader amends the deal and reports the vessel nomination on the deal page', async () => {
    await signOut(page);
    await signIn(page, base, 'trader');
    await page.goto(dealUrl);
    await page.getByTestId('deal-status').waitFor();
    await page.getByRole('button', { name: 'Amend terms' }).click();
    const percent = page.getByLabel('Provisional invoice %');
    await percent.fill('95');
    await page.getByRole('button', { name: 'Send amendment' }).click();
    await page.getByText('Amended: the re-approval is on its way').waitFor();
    await page.getByText('Amended by').first().waitFor();
    await page.getByText(/trader: AMENDED: .*provisionalPct 95/).first().waitFor();
    await page.getByTestId('deal-open-tasks').getByRole('link', { name: 'Re-approve amendment' }).waitFor({ timeout: 60_000 });

    const events = page.getByTestId('deal-events');
    await events.getByLabel('Vessel name').fill('MV Atacama Spirit');
    await events.getByLabel('IMO number (7 digits)').fill('93');
    await events.getByRole('button', { name: 'Report vessel nominated' }).click();
    await events.getByText("must be the vessel's 7-digit IMO number").first().waitFor();
    await events.getByLabel('IMO number (7 digits)').fill('9321483');
    await events.getByRole('button', { name: 'Report vessel nominated' }).dblclick();
    await page.getByTestId('event-receipt').filter({ hasText: 'Vessel nominated: reported to the process' }).waitFor();
    await page.getByText(/trader: EVENT vessel-nominated: .*vesselName MV Atacama Spirit/).first().waitFor();
    if ((await page.getByText(/EVENT vessel-nominated/).count()) !== 1) throw new Error('the double click reported the event twice');
    await shot('12b-deal-amended-event.png');
  });

  await step('risk imports prices and sees their history', async () => {
    await signOut(page);
    await signIn(page, base, 'risk');
    await page.locator('aside').getByText('Risk and prices').click();
    await page.getByRole('heading', { name: 'Risk and prices' }).waitFor();
    await page.getByText('No price series yet').waitFor();
    await page.locator('input[type=file]').setInputFiles(PRICES_CSV);
    await page.getByText(/^COMPLETED: \d+ prices added/).waitFor({ timeout: 60_000 });
    await page.getByTestId('price-chart').locator('.recharts-line path').first().waitFor();
    await shot('13-prices.png');
  });

  await step('pre-deal price risk: forecast band and NSR sensitivity', async () => {
    await page.getByRole('tab', { name: 'Pre-deal price risk' }).click();
    await page.getByRole('button', { name: 'Analyse' }).click();
    await page.getByText('Annualised volatility').waitFor();
    await page.getByRole('cell', { name: '-10 %' }).or(page.getByRole('cell', { name: '-10.0 %' })).first().waitFor();
    await shot('14-pre-deal-risk.png');
  });

  await step('credit headroom, exposure and VaR include the deal', async () => {
    await page.getByRole('tab', { name: 'Credit headroom' }).click();
    await page.getByText(counterpartyName).first().waitFor();
    await shot('15-credit-headroom.png');
    await page.getByRole('tab', { name: 'Exposure' }).click();
    await page.getByTestId('positions').getByText(counterpartyName).waitFor();
    // the deal's copper, revalued under the World Bank history imported above (unless its hedge
    // happens to net the position to zero)
    const varShown = page.getByText('Expected shortfall');
    await varShown.or(page.getByText('No open position to put at risk')).first().waitFor();
    if (await varShown.count()) {
      await page.getByRole('cell', { name: 'Cu/WORLD_BANK_PINK_SHEET/USD_PER_T' }).waitFor();
    }
    await shot('16-exposure.png');
  });

  await step('risk opens the reports: P&L by deal with its chart, the CSV downloads', async () => {
    await page.locator('aside').getByText('Reports', { exact: true }).click();
    await page.getByRole('heading', { name: 'Reports', exact: true }).waitFor();
    await page.getByRole('tab', { name: 'P&L by deal', selected: true }).waitFor();
    // the deal captured above, marked at the World Bank copper price imported above
    await page.getByTestId('pnl-deals').getByRole('link', { name: counterpartyName }).waitFor({ timeout: 30_000 });
    const chart = page.getByTestId('pnl-chart');
    await chart.locator('svg.recharts-surface').first().waitFor();
    await chart.locator('.recharts-bar-rectangle').first().waitFor();
    await shot('16b-reports-pnl.png');
    const downloading = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByRole('button', { name: 'Download P&L as CSV' }).click();
    const csv = await downloading;
    if (!csv.suggestedFilename().endsWith('.csv')) throw new Error(`the P&L downloaded as ${csv.suggestedFilename()}`);
    if (await csv.failure()) throw new Error(`the P&L download failed: ${await csv.failure()}`);
    await page.setViewportSize({ width: 820, height: 1180 });
    await chart.locator('svg.recharts-surface').first().waitFor();
    await shot('16c-reports-pnl-tablet.png');
    await page.setViewportSize({ width: 1366, height: 900 });
    await signOut(page);
  });

  await step('the auditor replays the deal on its diagram, with the audit chain verified', async () => {
    await signIn(page, base, 'auditor');
    await page.locator('aside').getByText('Process replay').click();
    await page.getByTestId('audit-verification').filter({ hasText: 'Audit chain verified' }).waitFor({ timeout: 60_000 });
    await page.goto(dealUrl);
    // the deal's documents: the audit report downloads with the auditor's token
    const documents = page.getByTestId('deal-documents');
    await documents.getByText('Audit report (PDF)').waitFor();
    const downloading = page.waitForEvent('download', { timeout: 60_000 });
    await documents.getByRole('button', { name: 'Download Audit report (PDF)' }).click();
    const pdf = await downloading;
    if (!pdf.suggestedFilename().endsWith('.pdf')) throw new Error(`the audit report downloaded as ${pdf.suggestedFilename()}`);
    if (await pdf.failure()) throw new Error(`the audit report download failed: ${await pdf.failure()}`);
    await shot('17a-deal-documents.png');
    await page.getByRole('link', { name: /^replay / }).click();
    await page.getByTestId('bpmn-diagram').locator('.djs-element').first().waitFor();
    await page.locator('.bjs-powered-by').waitFor(); // the bpmn.io watermark stays visible
    await page.locator('.replay-completed[data-element-id="approve-deal"]').waitFor();
    const position = page.getByTestId('replay-position');
    const end = await position.textContent();
    await page.getByRole('slider', { name: 'Replay position' }).focus();
    await page.keyboard.press('Home');
    if ((await position.textContent()) === end) throw new Error('the slider did not move the replay');
    if ((await page.locator('.replay-completed').count()) !== 0) throw new Error('nothing is completed before the first event');
    await page.getByRole('button', { name: 'Play' }).click();
    await page.locator('.replay-completed').first().waitFor();
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('slider', { name: 'Replay position' }).focus();
    await page.keyboard.press('End');
    await page.getByTestId('audit-verification').waitFor();
    await shot('17-replay.png');
  });

  await step('the inbox is usable at tablet width', async () => {
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.goto(`${base}/tasks`);
    await page.getByRole('heading', { name: 'Task inbox' }).waitFor();
    await page.getByRole('button', { name: 'Show navigation' }).waitFor();
    await shot('18-inbox-tablet.png');
    await page.setViewportSize({ width: 1366, height: 900 });
  });
}
