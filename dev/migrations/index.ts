import * as migration_20261125_104553_initial from './20261125_104553_initial';
import * as migration_20261125_111548_consent_revision from './20261125_111548_consent_revision';
import * as migration_20261125_112251_webhooks from './20261125_112251_webhooks';
import * as migration_20261206_175952_approval_binding from './20261206_175952_approval_binding';
import * as migration_20261206_210418_consent_log from './20261206_210418_consent_log';
import * as migration_20261206_233000_review_withdrawn from './20261206_233000_review_withdrawn';
import * as migration_20261206_235530_notice_acceptances_banner from './20261206_235530_notice_acceptances_banner';
import * as migration_20261207_024626_cookie_review from './20261207_024626_cookie_review';
import * as migration_20261207_024745_review_reviewed_content from './20261207_024745_review_reviewed_content';
import * as migration_20261207_024829_consent_months from './20261207_024829_consent_months';

export const migrations = [
  {
    up: migration_20261125_104553_initial.up,
    down: migration_20261125_104553_initial.down,
    name: '20261125_104553_initial',
  },
  {
    up: migration_20261125_111548_consent_revision.up,
    down: migration_20261125_111548_consent_revision.down,
    name: '20261125_111548_consent_revision',
  },
  {
    up: migration_20261125_112251_webhooks.up,
    down: migration_20261125_112251_webhooks.down,
    name: '20261125_112251_webhooks',
  },
  {
    up: migration_20261206_175952_approval_binding.up,
    down: migration_20261206_175952_approval_binding.down,
    name: '20261206_175952_approval_binding',
  },
  {
    up: migration_20261206_210418_consent_log.up,
    down: migration_20261206_210418_consent_log.down,
    name: '20261206_210418_consent_log',
  },
  {
    up: migration_20261206_233000_review_withdrawn.up,
    down: migration_20261206_233000_review_withdrawn.down,
    name: '20261206_233000_review_withdrawn',
  },
  {
    up: migration_20261206_235530_notice_acceptances_banner.up,
    down: migration_20261206_235530_notice_acceptances_banner.down,
    name: '20261206_235530_notice_acceptances_banner',
  },
  {
    up: migration_20261207_024626_cookie_review.up,
    down: migration_20261207_024626_cookie_review.down,
    name: '20261207_024626_cookie_review',
  },
  {
    up: migration_20261207_024745_review_reviewed_content.up,
    down: migration_20261207_024745_review_reviewed_content.down,
    name: '20261207_024745_review_reviewed_content',
  },
  {
    up: migration_20261207_024829_consent_months.up,
    down: migration_20261207_024829_consent_months.down,
    name: '20261207_024829_consent_months'
  },
];
