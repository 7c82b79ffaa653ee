import type { AnyLayerSpec } from '../../define';
import { embedding } from './embedding';
import { gru } from './gru';
import { lstm } from './lstm';
import { simpleRnn } from './simple-rnn';

/** Recurrent and embedding layers, in the order a text model reads: Embedding first. */
export const recurrentLayers: AnyLayerSpec[] = [embedding, simpleRnn, lstm, gru];
