import type { Row } from '../compile';
import { explanationJson, type RandomCutForest } from '../rcf';
import type { SqlValue } from '../types';
import type { Operator, PlanNode } from './operator';

/**
 * RANDOM_CUT_FOREST(CURSOR(..), ..): passes every row on with ANOMALY_SCORE appended, scoring the
 * row's numeric columns before learning from it. The score is 0 until the forest has seen
 * subSampleSize rows (KDA SQL reference, "RANDOM_CUT_FOREST").
 */
export class RandomCutForestOperator implements Operator {
  private seen = 0;
  constructor(
    private readonly forest: RandomCutForest,
    private readonly numericCols: number[],
    names: string[],
    private readonly warmup: number,
    private readonly withExplanation: boolean,
    /** DIRECTION and STRENGTH beside each ATTRIBUTION_SCORE (the function's withDirectionality argument). */
    private readonly withDirectionality: boolean,
    private readonly next: Operator,
  ) {
    this.numericNames = numericCols.map((c) => names[c - 1]);
  }
  private readonly numericNames: string[];
  push(row: Row): void {
    const point = this.numericCols.map((i) => (row[i] === null ? 0 : Number(row[i])));
    let score = 0;
    let explanation: string | null = null;
    if (this.seen >= this.warmup) {
      if (this.withExplanation) {
        const e = this.forest.scoreWithExplanation(point);
        score = e.score;
        explanation = explanationJson(this.numericNames, e, this.withDirectionality);
      } else score = this.forest.score(point);
    }
    this.forest.update(point);
    this.seen++;
    const out: SqlValue[] = [...row, score];
    if (this.withExplanation) out.push(explanation);
    this.next.push(out);
  }
  advance(now: number): void {
    this.next.advance(now);
  }
  explain(): PlanNode {
    return { operator: 'RandomCutForest', details: { numberOfTrees: this.forest.numberOfTrees, subSampleSize: this.forest.subSampleSize }, then: [this.next.explain()] };
  }
}
