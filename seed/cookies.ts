/**
 * The cookie declaration behind the Cookie Policy: one entry for every cookie, tool or provider
 * the policy names. The policy gives purposes, not cookie names or lifetimes; where a
 * provider's cookies are well known they are used (with the provider's published lifetimes),
 * and everything assumed is listed in COOKIE_ASSUMPTIONS, which the seed reports as blanks.
 */

export type CookieCategory = 'analytics' | 'functional' | 'marketing' | 'necessary' | 'security'

export type SeedCookie = {
  category: CookieCategory
  domain: null | string
  duration: string
  name: string
  party: 'first' | 'third'
  privacyPolicyUrl: null | string
  provider: null | string
  purpose: string
  service: string
  /** Where the Cookie Policy names it, quoted. */
  source: string
  storageType: 'cookie' | 'local-storage' | 'pixel' | 'session-storage'
}

const GOOGLE_PRIVACY = 'https://policies.google.com/privacy'

/** What the policy says of Google Analytics, shared by its two cookies. */
const GOOGLE_ANALYTICS = {
  category: 'analytics',
  domain: null,
  duration: '2 years',
  party: 'third',
  privacyPolicyUrl: GOOGLE_PRIVACY,
  provider: 'Google LLC',
  service: 'Google Analytics',
  source:
    'We use information, collected by Google Analytics, to make reports and improve the website navigation.',
  storageType: 'cookie',
} as const satisfies Omit<SeedCookie, 'name' | 'purpose'>

export const SEED_COOKIES: SeedCookie[] = [
  {
    name: 'session-id',
    category: 'necessary',
    domain: null,
    duration: 'Session (deleted when you close the browser)',
    party: 'first',
    privacyPolicyUrl: null,
    provider: null,
    purpose:
      'Holds a session ID while you visit the website, so the pages you open belong to one visit. Deleted when the visit ends.',
    service: 'Website session',
    source:
      'a cookie-file with a session ID is placed in your computer, and this file is stored there only during the visit',
    storageType: 'cookie',
  },
  {
    name: 'preferences',
    category: 'functional',
    domain: null,
    duration: '1 year',
    party: 'first',
    privacyPolicyUrl: null,
    provider: null,
    purpose:
      'Remembers you and your preferences between visits, so the website can be customised to your interests and responds faster.',
    service: 'Website preferences',
    source:
      'We also place permanent cookie-files (also known as local areas of data storage) in our users’ computers in order to remember them',
    storageType: 'cookie',
  },
  {
    name: 'performance (local storage)',
    category: 'functional',
    domain: null,
    duration: 'Until you clear your browser data',
    party: 'first',
    privacyPolicyUrl: null,
    provider: null,
    purpose:
      'Keeps data in your browser to help you navigate the site, load pages fast and answer your requests in real time.',
    service: 'Website performance',
    source:
      'We have to use certain cookie-files and local storage areas in order to provide our users with the highest possible level of interaction',
    storageType: 'local-storage',
  },
  {
    name: '_ga',
    ...GOOGLE_ANALYTICS,
    purpose:
      'Tells visitors apart, anonymously, so Google Analytics can count them and report where they come from and which pages they visit; we use the reports to improve navigation.',
  },
  {
    name: '_ga_*',
    ...GOOGLE_ANALYTICS,
    purpose:
      'Keeps the state of your current visit for Google Analytics (which pages you open, and when), for the same anonymous reports.',
  },
  {
    name: '_GRECAPTCHA',
    category: 'security',
    domain: 'www.google.com',
    duration: '6 months',
    party: 'third',
    privacyPolicyUrl: GOOGLE_PRIVACY,
    provider: 'Google LLC',
    purpose:
      'Tells people from bots when a form is sent, protecting the website and its users from fraud and spam.',
    service: 'CAPTCHA (Google reCAPTCHA)',
    source:
      'We may use cookie-files and other methods, for example, CAPTCHA, for purposes of the security of the website',
    storageType: 'cookie',
  },
  {
    name: 'guest_id',
    category: 'functional',
    domain: '.x.com',
    duration: '13 months',
    party: 'third',
    privacyPolicyUrl: 'https://x.com/en/privacy',
    provider: 'X Corp.',
    purpose:
      'Set by Twitter (X) when its plugin is shown, so you can share our content on Twitter; Twitter processes it under its own privacy policy.',
    service: 'Twitter (X) social plugin',
    source:
      'Third parties, who place cookie-files in your device when you use our website, include Twitter and Facebook',
    storageType: 'cookie',
  },
  {
    name: 'fr',
    category: 'functional',
    domain: '.facebook.com',
    duration: '90 days',
    party: 'third',
    privacyPolicyUrl: 'https://www.facebook.com/privacy/policy/',
    provider: 'Meta Platforms Ireland Ltd.',
    purpose:
      'Set by Facebook when its plugin is shown, so you can share our content on Facebook; Facebook processes it under its own privacy policy.',
    service: 'Facebook social plugin',
    source:
      'Third parties, who place cookie-files in your device when you use our website, include Twitter and Facebook',
    storageType: 'cookie',
  },
  {
    name: 'advertising (behavioural)',
    category: 'marketing',
    domain: null,
    duration: '13 months',
    party: 'third',
    privacyPolicyUrl: null,
    provider: null,
    purpose:
      'Records which other websites this computer visited, without personal details, so the advertisements shown suit your interests.',
    service: 'Behavioural advertising',
    source:
      'We use cookie-files that help us understand, what kind of advertisement might be interesting for you.',
    storageType: 'cookie',
  },
]

/** What the seed had to assume about the declaration: reported with the text blanks. */
export const COOKIE_ASSUMPTIONS: Array<{ cookie: string; fill: string }> = [
  {
    cookie: 'session-id',
    fill: 'The policy names no cookie: "session-id" is a description. Enter the real name of the session cookie.',
  },
  {
    cookie: 'preferences',
    fill: 'No name and no lifetime in the policy ("permanent"): enter the real name and how long it is kept (1 year assumed).',
  },
  {
    cookie: 'performance (local storage)',
    fill: 'No name in the policy: enter the local-storage keys the site uses, or delete the entry if there are none.',
  },
  {
    cookie: '_GRECAPTCHA',
    fill: 'The policy says "for example, CAPTCHA" without a provider: Google reCAPTCHA is assumed. Correct it if the site uses another.',
  },
  {
    cookie: 'guest_id',
    fill: "Only the main cookie of the Twitter (X) plugin is listed; check the provider's current list and lifetimes.",
  },
  {
    cookie: 'fr',
    fill: "Only the main cookie of the Facebook plugin is listed; check the provider's current list and lifetimes.",
  },
  {
    cookie: 'advertising (behavioural)',
    fill: 'The policy names no advertising partner: replace this entry by one per partner cookie (name, provider, lifetime).',
  },
]
