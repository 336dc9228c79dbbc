export { RandomCutForest, type Explanation, type RandomCutForestOptions } from './forest';
