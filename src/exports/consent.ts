/** Browser-side helper for cookie banners: logs cookieconsent 3 choices to the consent log. */
export {
  consentPayload,
  type ConsentPayload,
  type CookieConsentApi,
  logConsent,
  type LogConsentOptions,
} from '../consent/client.js'
