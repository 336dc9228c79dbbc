import type { Rule } from '../context';
import { AggregateMisuseRule } from './AggregateMisuseRule';
import { ColumnCountRule } from './ColumnCountRule';
import { DuplicateObjectRule } from './DuplicateObjectRule';
import { InsertTypeRule } from './InsertTypeRule';
import { MonotonicGroupByRule } from './MonotonicGroupByRule';
import { OrderByMonotonicRule } from './OrderByMonotonicRule';
import { StreamKeywordRule } from './StreamKeywordRule';
import { UnknownColumnRule } from './UnknownColumnRule';
import { UnknownFunctionRule } from './UnknownFunctionRule';
import { UnknownStreamRule } from './UnknownStreamRule';

/** Every analysis rule, in the order their errors are looked for. */
export const rules: Rule[] = [
  DuplicateObjectRule,
  UnknownStreamRule,
  UnknownColumnRule,
  UnknownFunctionRule,
  StreamKeywordRule,
  AggregateMisuseRule,
  MonotonicGroupByRule,
  OrderByMonotonicRule,
  ColumnCountRule,
  InsertTypeRule,
];
