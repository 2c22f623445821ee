import * as migration_20261125_142144_initial from './20261125_142144_initial';

export const migrations = [
  {
    up: migration_20261125_142144_initial.up,
    down: migration_20261125_142144_initial.down,
    name: '20261125_142144_initial'
  },
];
