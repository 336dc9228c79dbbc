import { analysisError, type SqlCompileError } from '../../errors';
import { selectsOf, type Rule } from '../context';

/**
 * Every query here reads a stream, so it must say SELECT STREAM; without the keyword it would ask
 * for a finite relation (Calcite's streaming SQL, which KDA's dialect shares, rejects it the same way).
 */
export const StreamKeywordRule: Rule = {
  name: 'StreamKeyword',
  check(st) {
    const errors: SqlCompileError[] = [];
    for (const q of selectsOf(st)) {
      if (q.stream) continue;
      const name = q.from.kind === 'StreamRef' ? q.from.name.value : 'the query';
      errors.push(analysisError(`Cannot convert stream '${name}' to relation; write SELECT STREAM`, q.loc));
    }
    return errors;
  },
};
