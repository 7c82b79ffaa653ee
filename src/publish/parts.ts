/** Which parts of a generative model can be published (pure graph code, no tfjs: the UI reads it). */
import { ganParts, type Graph } from '../graph';

/** The whole model, a VAE's decoder (input z → image) or a GAN's generator (input noise → image). */
export type ModelPart = 'whole' | 'decoder' | 'generator';

/** The parts this graph can publish, the default first: a GAN's generator, else the whole model (+ decoder). */
export function partsOf(graph: Graph): ModelPart[] {
  try {
    ganParts(graph);
    return ['generator', 'whole'];
  } catch {
    return graph.nodes.some((n) => n.type === 'Sampling') ? ['whole', 'decoder'] : ['whole'];
  }
}
