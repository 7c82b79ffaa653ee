/**
 * The Python side of "Keras training script": train.py, which rebuilds the canvas model in Keras (the same code
 * as Export → Keras code), reads the exported data with the studio's preprocessing, trains with the project's
 * optimiser, loss, schedule, batch size, epochs and seed under a `tf.distribute` strategy chosen by a flag, and
 * saves the trained weights in TF.js Layers format (model.json + weights.bin) for Import model.
 */
import type { Graph } from '../../graph';
import { kerasModelSource, pyLiteral } from '../keras-python';
import type { ScriptSettings } from './settings';

/** Four more spaces on every line (the lines may hold line breaks of their own: calls broken over lines). */
const indent = (lines: string[]) => lines.flatMap((l) => l.split('\n')).map((l) => (l ? `    ${l}` : l));

/** The data and preprocessing half of the script (NumPy only: `--check` runs it without TensorFlow). */
const DATA = String.raw`
def read_json(name):
    with open(os.path.join(HERE, name), encoding='utf-8') as f:
        return json.load(f)


PREPROCESSING = read_json('preprocessing.json')


def normalise(x):
    """The studio's feature scaling, fitted on the training split: (x - a) / b per feature."""
    stats = PREPROCESSING.get('normaliser')
    if not stats:
        return x.astype('float32')
    a = np.asarray(stats['a'], dtype='float64')
    b = np.asarray(stats['b'], dtype='float64')
    return ((x.astype('float64') - a) / b).astype('float32')


WORD = re.compile(r"[^\W_]+(?:'[^\W\d_]+)?")


def encode_text(text, length):
    """New text as token ids, like the studio: lowercase words, unknown = 1, padded with 0 at the end."""
    index = {w: i for i, w in enumerate(PREPROCESSING['vocabulary'])}
    ids = [index.get(w, 1) for w in WORD.findall(text.lower())][:length]
    return np.asarray(ids + [0] * (length - len(ids)), dtype='int32')


def load_split(split):
    """One split's inputs and targets, preprocessed exactly as the studio trained on them."""
    if SETTINGS['data_format'] == 'csv':
        with open(os.path.join(HERE, 'data', split + '.csv'), newline='', encoding='utf-8') as f:
            rows = list(csv.DictReader(f))
        x = np.asarray([[float(r[c]) for c in SETTINGS['feature_columns']] for r in rows], dtype='float64')
        y = np.asarray([[float(r[c]) for c in SETTINGS['target_columns']] for r in rows], dtype='float64')
        x = normalise(x.reshape((len(rows),) + tuple(SETTINGS['input_shape'])))
    else:
        x = np.load(os.path.join(HERE, 'data', 'x_' + split + '.npy'))
        y = np.load(os.path.join(HERE, 'data', 'y_' + split + '.npy'))
        if x.dtype == np.uint8:
            x = (x.astype('float32') / SETTINGS['image_scale']).astype('float32')
    if SETTINGS['label_kind'] == 'classes':
        y = y.reshape((-1,)).astype('int32')
    else:
        y = y.reshape((-1,) + tuple(SETTINGS['target_shape'])).astype('float32')
    return x, y


def learning_rate_at(epoch):
    """The studio's learning-rate schedule, per epoch (0-based)."""
    lr, rate = SETTINGS['learning_rate'], SETTINGS['decay_rate']
    if SETTINGS['schedule'] == 'step':
        return lr * rate ** (epoch // max(1, SETTINGS['decay_steps']))
    if SETTINGS['schedule'] == 'exponential':
        return lr * rate**epoch
    if SETTINGS['schedule'] == 'cosine':
        return 0.5 * lr * (1 + math.cos(math.pi * epoch / max(1, SETTINGS['epochs'])))
    return lr


def limit_training(data):
    """The studio's "train on at most N samples": training is cut, validation shrinks in proportion."""
    limit = SETTINGS['max_train_samples']
    (x, y), (xv, yv) = data['train'], data['val']
    if not limit or limit >= len(x):
        return data
    keep_val = math.ceil(len(xv) * limit / len(x))
    return {**data, 'train': (x[:limit], y[:limit]), 'val': (xv[:keep_val], yv[:keep_val])}


def check(data):
    """--check: what was read, without TensorFlow."""
    report = {}
    for split, (x, y) in data.items():
        report[split] = {
            'x_shape': list(x.shape), 'x_dtype': str(x.dtype), 'x_sum': float(np.sum(x, dtype='float64')),
            'y_shape': list(y.shape), 'y_dtype': str(y.dtype), 'y_sum': float(np.sum(y, dtype='float64')),
        }
    print(json.dumps(report))
`;

/** The TensorFlow half: strategy, optimiser, loss, training and the TF.js save. */
const TRAIN = `
def make_strategy(name):
    import tensorflow as tf

    if name == 'mirrored':
        return tf.distribute.MirroredStrategy()
    if name == 'multi-worker':
        return tf.distribute.MultiWorkerMirroredStrategy()
    return tf.distribute.get_strategy()


def is_chief(strategy):
    """Under MultiWorkerMirroredStrategy only the chief (worker 0) writes the result."""
    resolver = getattr(strategy, 'cluster_resolver', None)
    if resolver is None or not resolver.task_type:
        return True
    return resolver.task_type == 'chief' or (resolver.task_type == 'worker' and resolver.task_id == 0)


def make_optimizer(keras):
    lr, name = SETTINGS['learning_rate'], SETTINGS['optimizer']
    o = keras.optimizers
    if name == 'momentum':
        return o.SGD(learning_rate=lr, momentum=SETTINGS['momentum'])
    if name == 'adam':
        return o.Adam(learning_rate=lr, epsilon=1e-7)
    if name == 'rmsprop':
        return o.RMSprop(learning_rate=lr, rho=0.9, epsilon=1e-7)
    if name == 'adagrad':
        return o.Adagrad(learning_rate=lr, initial_accumulator_value=0.1, epsilon=1e-7)
    if name == 'adadelta':
        return o.Adadelta(learning_rate=lr, rho=0.95, epsilon=1e-7)
    if name == 'adamax':
        return o.Adamax(learning_rate=lr, epsilon=1e-7)
    return o.SGD(learning_rate=lr)


def make_loss(keras):
    name, logits = SETTINGS['loss'], SETTINGS['from_logits']
    losses = keras.losses
    if name == 'sparse_categorical_crossentropy':
        return losses.SparseCategoricalCrossentropy(from_logits=logits)
    if name == 'binary_crossentropy':
        return losses.BinaryCrossentropy(from_logits=logits)
    if name == 'mean_absolute_error':
        return losses.MeanAbsoluteError()
    if name == 'huber':
        return losses.Huber(delta=1.0)
    return losses.MeanSquaredError()


def save_tfjs(model, out_dir):
    """model.json (the studio's own topology) + weights.bin, in the weight order TF.js expects."""
    template = read_json('tfjs_template.json')
    chunks = []
    layers_done = {}
    for spec in template['weightSpecs']:
        layer_name = spec['name'].split('/')[0]
        if layer_name not in layers_done:
            layers_done[layer_name] = list(model.get_layer(layer_name).get_weights())
        value = np.asarray(layers_done[layer_name].pop(0), dtype='<f4')
        if list(value.shape) != list(spec['shape']):
            raise SystemExit('Weight %s has shape %s; TF.js expects %s.' % (spec['name'], value.shape, spec['shape']))
        chunks.append(value.tobytes())
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, 'weights.bin'), 'wb') as f:
        f.write(b''.join(chunks))
    manifest = [{'paths': ['weights.bin'], 'weights': template['weightSpecs']}]
    doc = {
        'format': 'layers-model',
        'generatedBy': 'Model Studio train.py',
        'convertedBy': None,
        'modelTopology': template['modelTopology'],
        'weightsManifest': manifest,
    }
    with open(os.path.join(out_dir, 'model.json'), 'w', encoding='utf-8') as f:
        json.dump(doc, f)


def train(data, args):
    import keras

    keras.utils.set_random_seed(SETTINGS['seed'])
    strategy = make_strategy(args.strategy)
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=make_optimizer(keras), loss=make_loss(keras), metrics=[SETTINGS['metric']])
    # The studio's batch size is per replica: with N GPUs each step sees N times as many samples.
    batch = SETTINGS['batch_size'] * strategy.num_replicas_in_sync
    callbacks = [keras.callbacks.LearningRateScheduler(lambda epoch, lr: learning_rate_at(epoch))]
    stop = SETTINGS['early_stopping']
    if stop:
        callbacks.append(keras.callbacks.EarlyStopping(**stop))
    (x, y), (xv, yv) = data['train'], data['val']
    model.fit(
        x, y, batch_size=batch, epochs=args.epochs, validation_data=(xv, yv) if len(xv) else None,
        callbacks=callbacks, shuffle=True, verbose=2,
    )
    if len(data['test'][0]):
        print('test:', model.evaluate(*data['test'], batch_size=batch, verbose=0, return_dict=True))
    if is_chief(strategy):
        save_tfjs(model, args.out)
        print('Saved', os.path.join(args.out, 'model.json'), '- open it with Import model in Model Studio.')


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        '--strategy', choices=('default', 'mirrored', 'multi-worker'), default='default',
        help='default: one GPU (or the CPU); mirrored: every GPU here; multi-worker: several machines (TF_CONFIG)',
    )
    parser.add_argument('--epochs', type=int, default=SETTINGS['epochs'])
    parser.add_argument('--out', default=os.path.join(HERE, 'tfjs_model'), help='where model.json is written')
    parser.add_argument('--check', action='store_true', help='read the data and print its shapes, no training')
    args = parser.parse_args()
    data = limit_training({split: load_split(split) for split in ('train', 'val', 'test')})
    if args.check:
        check(data)
    else:
        train(data, args)


if __name__ == '__main__':
    main()
`;

/** The Python dict literal for the settings, one key per line. */
function settingsLiteral(settings: ScriptSettings): string[] {
  return [
    'SETTINGS = {',
    ...Object.entries(settings).map(([k, v]) => `    ${pyLiteral(k)}: ${pyLiteral(v)},`),
    '}',
  ];
}

/** train.py for a project: its model, its settings and the shared training code. */
export function trainingScript(graph: Graph, settings: ScriptSettings): string {
  const { classes, body } = kerasModelSource(graph, settings.model_name);
  const title = settings.model_name.replace(/"/g, "'");
  return [
    `"""${title}: train the Model Studio project with Keras and TensorFlow.`,
    '',
    '  python train.py                            # one GPU, or the CPU',
    '  python train.py --strategy mirrored        # every GPU of this machine',
    '  TF_CONFIG=... python train.py --strategy multi-worker   # several machines',
    '  python train.py --check                    # read the data only (needs NumPy, not TensorFlow)',
    '',
    'At the end the trained model is saved as tfjs_model/model.json + weights.bin (TF.js Layers format).',
    '"""',
    '',
    'import argparse',
    'import csv',
    'import json',
    'import math',
    'import os',
    'import re',
    '',
    'import numpy as np',
    '',
    'HERE = os.path.dirname(os.path.abspath(__file__))',
    '',
    "# The project's training settings, as set in the studio's Train tab.",
    ...settingsLiteral(settings),
    '',
    '',
    'def build_model():',
    '    """The model drawn on the canvas (the same code as Export > Keras code)."""',
    '    import keras',
    '    from keras import layers',
    ...indent(classes),
    '',
    ...indent(body),
    '    return model',
    '',
    DATA,
    TRAIN,
  ].join('\n');
}
