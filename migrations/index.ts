import * as migration_20261125_104553_initial from './20261125_104553_initial';

export const migrations = [
  {
    up: migration_20261125_104553_initial.up,
    down: migration_20261125_104553_initial.down,
    name: '20261125_104553_initial'
  },
];
