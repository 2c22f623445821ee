import * as migration_20261125_145948_initial from './20261125_145948_initial';
import * as migration_20261201_112209_public_sets from './20261201_112209_public_sets';
import * as migration_20261201_144317_login_throttle from './20261201_144317_login_throttle';
import * as migration_20261201_145521_published_snapshots from './20261201_145521_published_snapshots';
import * as migration_20261201_210846_daily_work from './20261201_210846_daily_work';

export const migrations = [
  {
    up: migration_20261125_145948_initial.up,
    down: migration_20261125_145948_initial.down,
    name: '20261125_145948_initial',
  },
  {
    up: migration_20261201_112209_public_sets.up,
    down: migration_20261201_112209_public_sets.down,
    name: '20261201_112209_public_sets',
  },
  {
    up: migration_20261201_144317_login_throttle.up,
    down: migration_20261201_144317_login_throttle.down,
    name: '20261201_144317_login_throttle',
  },
  {
    up: migration_20261201_145521_published_snapshots.up,
    down: migration_20261201_145521_published_snapshots.down,
    name: '20261201_145521_published_snapshots',
  },
  {
    up: migration_20261201_210846_daily_work.up,
    down: migration_20261201_210846_daily_work.down,
    name: '20261201_210846_daily_work'
  },
];
