/** Browser-side helper for cookie banners: logs cookieconsent 3 choices to the consent log. */
export { consentPayload, logConsent, type ConsentPayload, type CookieConsentApi, type LogConsentOptions } from '../consent/client.js'
