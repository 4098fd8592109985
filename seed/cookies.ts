/**
 * The cookie declaration behind the Cookie Policy: one entry for every cookie, tool or provider
 * the policy names. The policy gives purposes, not cookie names or lifetimes; where a
 * provider's cookies are well known they are used (with the provider's published lifetimes),
 * and everything assumed is listed in COOKIE_ASSUMPTIONS, which the seed reports as blanks.
 */

export type CookieCategory = 'necessary' | 'security' | 'functional' | 'analytics' | 'marketing'

export type SeedCookie = {
  name: string
  service: string
  provider: string | null
  domain: string | null
  category: CookieCategory
  purpose: string
  duration: string
  storageType: 'cookie' | 'local-storage' | 'session-storage' | 'pixel'
  party: 'first' | 'third'
  privacyPolicyUrl: string | null
  /** Where the Cookie Policy names it, quoted. */
  source: string
}

const GOOGLE_PRIVACY = 'https://policies.google.com/privacy'

export const SEED_COOKIES: SeedCookie[] = [
  {
    name: 'session-id',
    service: 'Website session',
    provider: null,
    domain: null,
    category: 'necessary',
    purpose: 'Holds a session ID while you visit the website, so the pages you open belong to one visit. Deleted when the visit ends.',
    duration: 'Session (deleted when you close the browser)',
    storageType: 'cookie',
    party: 'first',
    privacyPolicyUrl: null,
    source: 'a cookie-file with a session ID is placed in your computer, and this file is stored there only during the visit',
  },
  {
    name: 'preferences',
    service: 'Website preferences',
    provider: null,
    domain: null,
    category: 'functional',
    purpose: 'Remembers you and your preferences between visits, so the website can be customised to your interests and responds faster.',
    duration: '1 year',
    storageType: 'cookie',
    party: 'first',
    privacyPolicyUrl: null,
    source: 'We also place permanent cookie-files (also known as local areas of data storage) in our users’ computers in order to remember them',
  },
  {
    name: 'performance (local storage)',
    service: 'Website performance',
    provider: null,
    domain: null,
    category: 'functional',
    purpose: 'Keeps data in your browser to help you navigate the site, load pages fast and answer your requests in real time.',
    duration: 'Until you clear your browser data',
    storageType: 'local-storage',
    party: 'first',
    privacyPolicyUrl: null,
    source: 'We have to use certain cookie-files and local storage areas in order to provide our users with the highest possible level of interaction',
  },
  {
    name: '_ga',
    service: 'Google Analytics',
    provider: 'Google LLC',
    domain: null,
    category: 'analytics',
    purpose: 'Tells visitors apart, anonymously, so Google Analytics can count them and report where they come from and which pages they visit; we use the reports to improve navigation.',
    duration: '2 years',
    storageType: 'cookie',
    party: 'third',
    privacyPolicyUrl: GOOGLE_PRIVACY,
    source: 'We use information, collected by Google Analytics, to make reports and improve the website navigation.',
  },
  {
    name: '_ga_*',
    service: 'Google Analytics',
    provider: 'Google LLC',
    domain: null,
    category: 'analytics',
    purpose: 'Keeps the state of your current visit for Google Analytics (which pages you open, and when), for the same anonymous reports.',
    duration: '2 years',
    storageType: 'cookie',
    party: 'third',
    privacyPolicyUrl: GOOGLE_PRIVACY,
    source: 'We use information, collected by Google Analytics, to make reports and improve the website navigation.',
  },
  {
    name: '_GRECAPTCHA',
    service: 'CAPTCHA (Google reCAPTCHA)',
    provider: 'Google LLC',
    domain: 'www.google.com',
    category: 'security',
    purpose: 'Tells people from bots when a form is sent, protecting the website and its users from fraud and spam.',
    duration: '6 months',
    storageType: 'cookie',
    party: 'third',
    privacyPolicyUrl: GOOGLE_PRIVACY,
    source: 'We may use cookie-files and other methods, for example, CAPTCHA, for purposes of the security of the website',
  },
  {
    name: 'guest_id',
    service: 'Twitter (X) social plugin',
    provider: 'X Corp.',
    domain: '.x.com',
    category: 'functional',
    purpose: 'Set by Twitter (X) when its plugin is shown, so you can share our content on Twitter; Twitter processes it under its own privacy policy.',
    duration: '13 months',
    storageType: 'cookie',
    party: 'third',
    privacyPolicyUrl: 'https://x.com/en/privacy',
    source: 'Third parties, who place cookie-files in your device when you use our website, include Twitter and Facebook',
  },
  {
    name: 'fr',
    service: 'Facebook social plugin',
    provider: 'Meta Platforms Ireland Ltd.',
    domain: '.facebook.com',
    category: 'functional',
    purpose: 'Set by Facebook when its plugin is shown, so you can share our content on Facebook; Facebook processes it under its own privacy policy.',
    duration: '90 days',
    storageType: 'cookie',
    party: 'third',
    privacyPolicyUrl: 'https://www.facebook.com/privacy/policy/',
    source: 'Third parties, who place cookie-files in your device when you use our website, include Twitter and Facebook',
  },
  {
    name: 'advertising (behavioural)',
    service: 'Behavioural advertising',
    provider: null,
    domain: null,
    category: 'marketing',
    purpose: 'Records which other websites this computer visited, without personal details, so the advertisements shown suit your interests.',
    duration: '13 months',
    storageType: 'cookie',
    party: 'third',
    privacyPolicyUrl: null,
    source: 'We use cookie-files that help us understand, what kind of advertisement might be interesting for you.',
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
    fill: 'Only the main cookie of the Twitter (X) plugin is listed; check the provider\'s current list and lifetimes.',
  },
  {
    cookie: 'fr',
    fill: 'Only the main cookie of the Facebook plugin is listed; check the provider\'s current list and lifetimes.',
  },
  {
    cookie: 'advertising (behavioural)',
    fill: 'The policy names no advertising partner: replace this entry by one per partner cookie (name, provider, lifetime).',
  },
]
