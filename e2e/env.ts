/** The port and admin token the e2e server starts with (playwright.config.ts starts it; specs that publish use them). */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4317);
export const E2E_TOKEN = 'e2e-admin-token-0123456789';
