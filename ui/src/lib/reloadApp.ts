// Starts the app's page again, so every screen and every cached list (app info, settings, option
// lists, rule profiles) is read anew from the core: after a restore replaced the whole database.
// One function of its own so the tests can replace it (jsdom cannot reload).
export function reloadApp(): void {
  window.location.reload();
}
