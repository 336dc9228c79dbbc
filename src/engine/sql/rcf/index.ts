export { explanationJson, RandomCutForest, type Explanation, type RandomCutForestOptions } from './forest';
