// The compressed fixture logs made with Spark's own Java codec classes (test/fixtures/eventlogs/make/README.md).
import { resolve } from 'node:path';

export const FIXTURES = resolve(process.cwd(), 'test/fixtures/eventlogs');
export const SHELL_APP = 'application_1698225730624_0003';
export const SECOND_APP = 'application_1628109047826_1317105';

export const fixture = (name: string): string => resolve(FIXTURES, name);
