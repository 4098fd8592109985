import type { SiteLocale } from './format'

/** The words of the public pages, per locale. Document texts come from the API. */
export type Messages = {
  siteName: string
  skipLink: string
  siteNav: string
  navDocuments: string
  navCookies: string
  languageNav: string
  languageNames: Record<SiteLocale, string>
  footer: string
  indexTitle: string
  indexIntro: string
  indexEmpty: string
  lastUpdated: string
  version: string
  effectiveFrom: string
  /** Shown above a document whose text in this language is the default language's. */
  untranslatedNotice: string
  partlyTranslatedNotice: string
  contents: string
  versionsLink: string
  archivedNotice: (version: number, current: number) => string
  readCurrent: string
  /** "This policy changes on 6 January 2027" (the date already formatted). */
  upcomingNotice: (date: string) => string
  seeChanges: string
  /** A first version published ahead of its effective date. */
  notYetInForce: (date: string) => string
  versionsTitle: (title: string) => string
  archiveHeading: string
  archiveCaption: string
  colVersion: string
  colPublished: string
  colEffective: string
  colSummary: string
  colMaterial: string
  yes: string
  no: string
  noSummary: string
  compareHeading: string
  compareFrom: string
  compareTo: string
  compareSubmit: string
  compareOnlyOne: string
  compareSame: string
  compareInvalid: string
  diffHeading: (from: number, to: number) => string
  diffLegendAdded: string
  diffLegendRemoved: string
  diffExampleAdded: string
  diffExampleRemoved: string
  diffSummary: (s: { added: number; removed: number; moved: number; changed: number; unchanged: number }) => string
  diffStatus: Record<string, string>
  backToDocument: string
  cookiesTitle: string
  cookiesIntro: string
  cookiesEmpty: string
  cookieDeclarationHeading: string
  colName: string
  colProvider: string
  colPurpose: string
  colDuration: string
  colType: string
  colParty: string
  categories: Record<string, string>
  storageTypes: Record<string, string>
  parties: Record<string, string>
  privacyPolicyOf: (provider: string) => string
  unavailableTitle: string
  unavailableText: string
  notFoundTitle: string
  notFoundText: string
}

const en: Messages = {
  siteName: 'Legal information',
  skipLink: 'Skip to main content',
  siteNav: 'Site',
  navDocuments: 'Legal documents',
  navCookies: 'Cookie declaration',
  languageNav: 'Language',
  languageNames: { en: 'English', uk: 'Українська' },
  footer: 'These pages show the published versions of our legal documents.',
  indexTitle: 'Legal documents',
  indexIntro: 'The current version of each of our legal documents.',
  indexEmpty: 'No legal documents have been published yet.',
  lastUpdated: 'Last updated',
  version: 'Version',
  effectiveFrom: 'Effective from',
  untranslatedNotice: 'This document has not been translated into English; it is shown in its original language.',
  partlyTranslatedNotice: 'Parts of this document have not been translated into English; they are shown in their original language.',
  contents: 'Contents',
  versionsLink: 'Earlier versions and what changed',
  archivedNotice: (v, current) => `You are reading archived version ${v}, not the current version (version ${current}).`,
  readCurrent: 'Read the current version',
  upcomingNotice: (date) => `This policy changes on ${date}`,
  seeChanges: 'see what changes',
  notYetInForce: (date) => `This policy takes effect on ${date}.`,
  versionsTitle: (title) => `${title}: version history`,
  archiveHeading: 'Published versions',
  archiveCaption: 'Every published version, newest first',
  colVersion: 'Version',
  colPublished: 'Published',
  colEffective: 'Effective from',
  colSummary: 'What changed',
  colMaterial: 'Significant change',
  yes: 'Yes',
  no: 'No',
  noSummary: 'First published version',
  compareHeading: 'Compare two versions',
  compareFrom: 'Older version',
  compareTo: 'Newer version',
  compareSubmit: 'Show the changes',
  compareOnlyOne: 'Only one version has been published so far, so there is nothing to compare.',
  compareSame: 'Choose two different versions to see what changed.',
  compareInvalid: 'Choose two published versions from the lists.',
  diffHeading: (from, to) => `Changes from version ${from} to version ${to}`,
  diffLegendAdded: 'Added text is underlined:',
  diffLegendRemoved: 'Removed text is struck through:',
  diffExampleAdded: 'added words',
  diffExampleRemoved: 'removed words',
  diffSummary: (s) =>
    `${s.changed} changed, ${s.added} added, ${s.removed} removed, ${s.moved} moved, ${s.unchanged} unchanged section(s).`,
  diffStatus: {
    added: 'Section added',
    removed: 'Section removed',
    moved: 'Section moved',
    changed: 'Section changed',
    'moved-and-changed': 'Section moved and changed',
    unchanged: 'No changes',
  },
  backToDocument: 'Back to the document',
  cookiesTitle: 'Cookie declaration',
  cookiesIntro: 'The cookies and similar technologies this website uses, grouped by what they are for.',
  cookiesEmpty: 'No cookies have been declared yet.',
  cookieDeclarationHeading: 'Cookies we use',
  colName: 'Name',
  colProvider: 'Provider',
  colPurpose: 'Purpose',
  colDuration: 'Duration',
  colType: 'Type',
  colParty: 'Set by',
  categories: {
    necessary: 'Strictly necessary',
    security: 'Security',
    functional: 'Functional / preferences',
    analytics: 'Performance / analytics',
    marketing: 'Advertising / marketing',
  },
  storageTypes: { cookie: 'HTTP cookie', 'local-storage': 'Local storage', 'session-storage': 'Session storage', pixel: 'Tracking pixel' },
  parties: { first: 'Us (first party)', third: 'Another company (third party)' },
  privacyPolicyOf: (provider) => `Privacy policy of ${provider}`,
  unavailableTitle: 'This page is not available right now',
  unavailableText: 'We could not load our legal documents. Please try again in a few minutes.',
  notFoundTitle: 'Page not found',
  notFoundText: 'There is no legal document or version at this address.',
}

const uk: Messages = {
  siteName: 'Правова інформація',
  skipLink: 'Перейти до основного вмісту',
  siteNav: 'Сайт',
  navDocuments: 'Правові документи',
  navCookies: 'Декларація про файли cookie',
  languageNav: 'Мова',
  languageNames: { en: 'English', uk: 'Українська' },
  footer: 'На цих сторінках наведено опубліковані версії наших правових документів.',
  indexTitle: 'Правові документи',
  indexIntro: 'Чинна версія кожного з наших правових документів.',
  indexEmpty: 'Жодного правового документа ще не опубліковано.',
  lastUpdated: 'Останнє оновлення',
  version: 'Версія',
  effectiveFrom: 'Набирає чинності',
  untranslatedNotice: 'Цей документ ще не перекладено українською: нижче його текст англійською.',
  partlyTranslatedNotice: 'Частину цього документа ще не перекладено українською: її показано англійською.',
  contents: 'Зміст',
  versionsLink: 'Попередні версії та що змінилося',
  archivedNotice: (v, current) => `Ви читаєте архівну версію ${v}, а не чинну (версія ${current}).`,
  readCurrent: 'Читати чинну версію',
  upcomingNotice: (date) => `Ця політика змінюється ${date}`,
  seeChanges: 'подивитися, що зміниться',
  notYetInForce: (date) => `Ця політика набирає чинності ${date}.`,
  versionsTitle: (title) => `${title}: історія версій`,
  archiveHeading: 'Опубліковані версії',
  archiveCaption: 'Усі опубліковані версії, від найновішої',
  colVersion: 'Версія',
  colPublished: 'Опубліковано',
  colEffective: 'Набирає чинності',
  colSummary: 'Що змінилося',
  colMaterial: 'Істотна зміна',
  yes: 'Так',
  no: 'Ні',
  noSummary: 'Перша опублікована версія',
  compareHeading: 'Порівняти дві версії',
  compareFrom: 'Старіша версія',
  compareTo: 'Новіша версія',
  compareSubmit: 'Показати зміни',
  compareOnlyOne: 'Поки що опубліковано лише одну версію, тож порівнювати нічого.',
  compareSame: 'Виберіть дві різні версії, щоб побачити зміни.',
  compareInvalid: 'Виберіть дві опубліковані версії зі списків.',
  diffHeading: (from, to) => `Зміни від версії ${from} до версії ${to}`,
  diffLegendAdded: 'Доданий текст підкреслено:',
  diffLegendRemoved: 'Вилучений текст закреслено:',
  diffExampleAdded: 'додані слова',
  diffExampleRemoved: 'вилучені слова',
  diffSummary: (s) =>
    `Розділів змінено: ${s.changed}, додано: ${s.added}, вилучено: ${s.removed}, переміщено: ${s.moved}, без змін: ${s.unchanged}.`,
  diffStatus: {
    added: 'Розділ додано',
    removed: 'Розділ вилучено',
    moved: 'Розділ переміщено',
    changed: 'Розділ змінено',
    'moved-and-changed': 'Розділ переміщено й змінено',
    unchanged: 'Без змін',
  },
  backToDocument: 'Повернутися до документа',
  cookiesTitle: 'Декларація про файли cookie',
  cookiesIntro: 'Файли cookie та подібні технології, які використовує цей сайт, згруповані за призначенням.',
  cookiesEmpty: 'Жодного файлу cookie ще не задекларовано.',
  cookieDeclarationHeading: 'Файли cookie, які ми використовуємо',
  colName: 'Назва',
  colProvider: 'Постачальник',
  colPurpose: 'Призначення',
  colDuration: 'Строк зберігання',
  colType: 'Тип',
  colParty: 'Хто встановлює',
  categories: {
    necessary: 'Суворо необхідні',
    security: 'Безпека',
    functional: 'Функціональні / налаштування',
    analytics: 'Продуктивність / аналітика',
    marketing: 'Реклама / маркетинг',
  },
  storageTypes: { cookie: 'HTTP cookie', 'local-storage': 'Локальне сховище', 'session-storage': 'Сховище сеансу', pixel: 'Піксель відстеження' },
  parties: { first: 'Ми (перша сторона)', third: 'Інша компанія (третя сторона)' },
  privacyPolicyOf: (provider) => `Політика конфіденційності: ${provider}`,
  unavailableTitle: 'Ця сторінка зараз недоступна',
  unavailableText: 'Не вдалося завантажити наші правові документи. Спробуйте ще раз за кілька хвилин.',
  notFoundTitle: 'Сторінку не знайдено',
  notFoundText: 'За цією адресою немає правового документа або його версії.',
}

const MESSAGES: Record<SiteLocale, Messages> = { en, uk }

export const messagesFor = (locale: SiteLocale): Messages => MESSAGES[locale]
