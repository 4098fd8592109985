import type { SiteLocale } from './format'

/** The words of the public pages, per locale. Document texts come from the API. */
export type Messages = {
  archiveCaption: string
  archivedNotice: (version: number, current: number) => string
  archiveHeading: string
  backToDocument: string
  categories: Record<string, string>
  colDuration: string
  colEffective: string
  colMaterial: string
  colName: string
  colParty: string
  colProvider: string
  colPublished: string
  colPurpose: string
  colSummary: string
  colType: string
  colVersion: string
  compareFrom: string
  compareHeading: string
  compareInvalid: string
  compareOnlyOne: string
  compareSame: string
  compareSubmit: string
  compareTo: string
  contents: string
  cookieDeclarationHeading: string
  cookiesEmpty: string
  cookiesIntro: string
  cookiesTitle: string
  diffExampleAdded: string
  diffExampleRemoved: string
  diffHeading: (from: number, to: number) => string
  diffLegendAdded: string
  diffLegendRemoved: string
  /** A redline in another language than its text: some or none of its sections are translated. */
  diffPartlyTranslatedNotice: string
  diffStatus: Record<string, string>
  diffSummary: (s: {
    added: number
    changed: number
    moved: number
    removed: number
    unchanged: number
  }) => string
  diffUntranslatedNotice: string
  effectiveFrom: string
  footer: string
  indexEmpty: string
  indexIntro: string
  indexTitle: string
  languageNames: Record<SiteLocale, string>
  languageNav: string
  lastUpdated: string
  navCookies: string
  navDocuments: string
  no: string
  noSummary: string
  notFoundText: string
  notFoundTitle: string
  /** A first version published ahead of its effective date. */
  notYetInForce: (date: string) => string
  parties: Record<string, string>
  partlyTranslatedNotice: string
  privacyPolicyOf: (provider: string) => string
  readCurrent: string
  seeChanges: string
  siteName: string
  siteNav: string
  skipLink: string
  storageTypes: Record<string, string>
  /** Change summaries are written once, in the editors' language. */
  summariesUntranslatedNotice: string
  unavailableText: string
  unavailableTitle: string
  /** Shown above a document whose text in this language is the default language's. */
  untranslatedNotice: string
  /** "This policy changes on 6 January 2027" (the date already formatted). */
  upcomingNotice: (date: string) => string
  version: string
  versionsLink: string
  versionsTitle: (title: string) => string
  yes: string
}

const en: Messages = {
  archiveCaption: 'Every published version, newest first',
  archivedNotice: (v, current) =>
    `You are reading archived version ${v}, not the current version (version ${current}).`,
  archiveHeading: 'Published versions',
  backToDocument: 'Back to the document',
  categories: {
    analytics: 'Performance / analytics',
    functional: 'Functional / preferences',
    marketing: 'Advertising / marketing',
    necessary: 'Strictly necessary',
    security: 'Security',
  },
  colDuration: 'Duration',
  colEffective: 'Effective from',
  colMaterial: 'Significant change',
  colName: 'Name',
  colParty: 'Set by',
  colProvider: 'Provider',
  colPublished: 'Published',
  colPurpose: 'Purpose',
  colSummary: 'What changed',
  colType: 'Type',
  colVersion: 'Version',
  compareFrom: 'Older version',
  compareHeading: 'Compare two versions',
  compareInvalid: 'Choose two published versions from the lists.',
  compareOnlyOne: 'Only one version has been published so far, so there is nothing to compare.',
  compareSame: 'Choose two different versions to see what changed.',
  compareSubmit: 'Show the changes',
  compareTo: 'Newer version',
  contents: 'Contents',
  cookieDeclarationHeading: 'Cookies we use',
  cookiesEmpty: 'No cookies have been declared yet.',
  cookiesIntro:
    'The cookies and similar technologies this website uses, grouped by what they are for.',
  cookiesTitle: 'Cookie declaration',
  diffExampleAdded: 'added words',
  diffExampleRemoved: 'removed words',
  diffHeading: (from, to) => `Changes from version ${from} to version ${to}`,
  diffLegendAdded: 'Added text is underlined:',
  diffLegendRemoved: 'Removed text is struck through:',
  diffPartlyTranslatedNotice:
    'Some of these changes have not been translated into English; they are shown in their original language.',
  diffStatus: {
    added: 'Section added',
    changed: 'Section changed',
    moved: 'Section moved',
    'moved-and-changed': 'Section moved and changed',
    removed: 'Section removed',
    unchanged: 'No changes',
  },
  diffSummary: (s) =>
    `${s.changed} changed, ${s.added} added, ${s.removed} removed, ${s.moved} moved, ${s.unchanged} unchanged section(s).`,
  diffUntranslatedNotice:
    'These versions have not been translated into English; the changes are shown in their original language.',
  effectiveFrom: 'Effective from',
  footer: 'These pages show the published versions of our legal documents.',
  indexEmpty: 'No legal documents have been published yet.',
  indexIntro: 'The current version of each of our legal documents.',
  indexTitle: 'Legal documents',
  languageNames: { en: 'English', uk: 'Українська' },
  languageNav: 'Language',
  lastUpdated: 'Last updated',
  navCookies: 'Cookie declaration',
  navDocuments: 'Legal documents',
  no: 'No',
  noSummary: 'First published version',
  notFoundText: 'There is no legal document or version at this address.',
  notFoundTitle: 'Page not found',
  notYetInForce: (date) => `This policy takes effect on ${date}.`,
  parties: { first: 'Us (first party)', third: 'Another company (third party)' },
  partlyTranslatedNotice:
    'Parts of this document have not been translated into English; they are shown in their original language.',
  privacyPolicyOf: (provider) => `Privacy policy of ${provider}`,
  readCurrent: 'Read the current version',
  seeChanges: 'see what changes',
  siteName: 'Legal information',
  siteNav: 'Site',
  skipLink: 'Skip to main content',
  storageTypes: {
    cookie: 'HTTP cookie',
    'local-storage': 'Local storage',
    pixel: 'Tracking pixel',
    'session-storage': 'Session storage',
  },
  summariesUntranslatedNotice: 'Change summaries are written in the original language only.',
  unavailableText: 'We could not load our legal documents. Please try again in a few minutes.',
  unavailableTitle: 'This page is not available right now',
  untranslatedNotice:
    'This document has not been translated into English; it is shown in its original language.',
  upcomingNotice: (date) => `This policy changes on ${date}`,
  version: 'Version',
  versionsLink: 'Earlier versions and what changed',
  versionsTitle: (title) => `${title}: version history`,
  yes: 'Yes',
}

const uk: Messages = {
  archiveCaption: 'Усі опубліковані версії, від найновішої',
  archivedNotice: (v, current) => `Ви читаєте архівну версію ${v}, а не чинну (версія ${current}).`,
  archiveHeading: 'Опубліковані версії',
  backToDocument: 'Повернутися до документа',
  categories: {
    analytics: 'Продуктивність / аналітика',
    functional: 'Функціональні / налаштування',
    marketing: 'Реклама / маркетинг',
    necessary: 'Суворо необхідні',
    security: 'Безпека',
  },
  colDuration: 'Строк зберігання',
  colEffective: 'Набирає чинності',
  colMaterial: 'Істотна зміна',
  colName: 'Назва',
  colParty: 'Хто встановлює',
  colProvider: 'Постачальник',
  colPublished: 'Опубліковано',
  colPurpose: 'Призначення',
  colSummary: 'Що змінилося',
  colType: 'Тип',
  colVersion: 'Версія',
  compareFrom: 'Старіша версія',
  compareHeading: 'Порівняти дві версії',
  compareInvalid: 'Виберіть дві опубліковані версії зі списків.',
  compareOnlyOne: 'Поки що опубліковано лише одну версію, тож порівнювати нічого.',
  compareSame: 'Виберіть дві різні версії, щоб побачити зміни.',
  compareSubmit: 'Показати зміни',
  compareTo: 'Новіша версія',
  contents: 'Зміст',
  cookieDeclarationHeading: 'Файли cookie, які ми використовуємо',
  cookiesEmpty: 'Жодного файлу cookie ще не задекларовано.',
  cookiesIntro:
    'Файли cookie та подібні технології, які використовує цей сайт, згруповані за призначенням.',
  cookiesTitle: 'Декларація про файли cookie',
  diffExampleAdded: 'додані слова',
  diffExampleRemoved: 'вилучені слова',
  diffHeading: (from, to) => `Зміни від версії ${from} до версії ${to}`,
  diffLegendAdded: 'Доданий текст підкреслено:',
  diffLegendRemoved: 'Вилучений текст закреслено:',
  diffPartlyTranslatedNotice:
    'Частину цих змін ще не перекладено українською: їх показано англійською.',
  diffStatus: {
    added: 'Розділ додано',
    changed: 'Розділ змінено',
    moved: 'Розділ переміщено',
    'moved-and-changed': 'Розділ переміщено й змінено',
    removed: 'Розділ вилучено',
    unchanged: 'Без змін',
  },
  diffSummary: (s) =>
    `Розділів змінено: ${s.changed}, додано: ${s.added}, вилучено: ${s.removed}, переміщено: ${s.moved}, без змін: ${s.unchanged}.`,
  diffUntranslatedNotice: 'Ці версії ще не перекладено українською: зміни показано англійською.',
  effectiveFrom: 'Набирає чинності',
  footer: 'На цих сторінках наведено опубліковані версії наших правових документів.',
  indexEmpty: 'Жодного правового документа ще не опубліковано.',
  indexIntro: 'Чинна версія кожного з наших правових документів.',
  indexTitle: 'Правові документи',
  languageNames: { en: 'English', uk: 'Українська' },
  languageNav: 'Мова',
  lastUpdated: 'Останнє оновлення',
  navCookies: 'Декларація про файли cookie',
  navDocuments: 'Правові документи',
  no: 'Ні',
  noSummary: 'Перша опублікована версія',
  notFoundText: 'За цією адресою немає правового документа або його версії.',
  notFoundTitle: 'Сторінку не знайдено',
  notYetInForce: (date) => `Ця політика набирає чинності ${date}.`,
  parties: { first: 'Ми (перша сторона)', third: 'Інша компанія (третя сторона)' },
  partlyTranslatedNotice:
    'Частину цього документа ще не перекладено українською: її показано англійською.',
  privacyPolicyOf: (provider) => `Політика конфіденційності: ${provider}`,
  readCurrent: 'Читати чинну версію',
  seeChanges: 'подивитися, що зміниться',
  siteName: 'Правова інформація',
  siteNav: 'Сайт',
  skipLink: 'Перейти до основного вмісту',
  storageTypes: {
    cookie: 'HTTP cookie',
    'local-storage': 'Локальне сховище',
    pixel: 'Піксель відстеження',
    'session-storage': 'Сховище сеансу',
  },
  summariesUntranslatedNotice: 'Короткі описи змін пишуть лише англійською.',
  unavailableText:
    'Не вдалося завантажити наші правові документи. Спробуйте ще раз за кілька хвилин.',
  unavailableTitle: 'Ця сторінка зараз недоступна',
  untranslatedNotice: 'Цей документ ще не перекладено українською: нижче його текст англійською.',
  upcomingNotice: (date) => `Ця політика змінюється ${date}`,
  version: 'Версія',
  versionsLink: 'Попередні версії та що змінилося',
  versionsTitle: (title) => `${title}: історія версій`,
  yes: 'Так',
}

const MESSAGES: Record<SiteLocale, Messages> = { en, uk }

export const messagesFor = (locale: SiteLocale): Messages => MESSAGES[locale]
